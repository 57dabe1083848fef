/**
 * `npm run bench`: drives POST /v1/messages with autocannon (many users, Redis store) and, in the
 * same run, a bare fastify hello-world; prints requests/s and p50/p99 for both and their ratio.
 * Method: each server runs in its own process (the bot as `src/main.ts` with REDIS_URL, rate limit
 * lifted); autocannon runs in this process with 50 connections for 10 s after a 2 s warm-up; every
 * request is one turn of one of 2,000 users, picked at random; half the texts are short replies
 * that many users send alike, half carry random figures of the user's own (new texts each time).
 * Targets: the bot at least half the hello-world's throughput, p99 under 10 ms at 50 connections.
 * Needs Redis: REDIS_URL, else 127.0.0.1:6379, else a redis-server this run starts.
 */
import autocannon from 'autocannon';
import { randomInt } from 'node:crypto';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../src/paths.js';
import { freePort, redisAnswers, spawnRedis } from '../test/support/redis-server.js';

const CONNECTIONS = 50;
const DURATION_S = 10;
const USERS = 2000;
const CITIES = ['西安', '上饶', '南京', '成都', '深圳', '万年县', '杭州', '长沙'];
const pick = <T>(list: readonly T[]) => list[randomInt(list.length)]!;
/** Short replies and button answers: the same few texts from many users. */
const REPEATED = ['你好', '那养老呢', '不知道', '男', '灵活就业', '居民医保什么时候交', '谢谢'];
/** Messages with the user's own figures: nearly every one a text not seen before. */
const UNIQUE: readonly (() => string)[] = [
  () => `月薪${randomInt(3000, 30000)}`,
  () => `我在${pick(CITIES)}，灵活就业，医保一个月交多少，月收入${randomInt(3000, 20000)}`,
  () => `我是${randomInt(1960, 2000)}年${randomInt(1, 13)}月出生的男的，哪年退休`,
  () => `住院花了${randomInt(1000, 90000)}能报多少`,
  () => `${randomInt(18, 70)}岁，在${pick(CITIES)}`,
  () => `交了${randomInt(1, 40)}年养老保险，${randomInt(45, 66)}岁，能领多少`,
];
/** Half and half: the parse cache helps only the repeated half. */
const text = () => (randomInt(2) === 0 ? pick(REPEATED) : pick(UNIQUE)());

async function waitFor(url: string) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

function run(args: string[], env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function load(url: string, requests: autocannon.Request[]) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, requests });
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
}

async function main() {
  let redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let ownRedis;
  if (!(await redisAnswers(redisUrl))) {
    ownRedis = await spawnRedis();
    redisUrl = ownRedis.url;
  }
  const botPort = await freePort();
  const helloPort = await freePort();
  const bot = run(['src/main.ts'], {
    PORT: String(botPort),
    HOST: '127.0.0.1',
    REDIS_URL: redisUrl,
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const hello = run(['bench/hello.ts'], { PORT: String(helloPort) });
  try {
    await waitFor(`http://127.0.0.1:${botPort}/healthz`);
    await waitFor(`http://127.0.0.1:${helloPort}/`);
    const turn: autocannon.Request = {
      method: 'POST',
      path: '/v1/messages',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          userId: `bench-${randomInt(USERS)}`,
          text: text(),
        }),
      }),
    };
    const botResult = await load(`http://127.0.0.1:${botPort}`, [turn]);
    const helloResult = await load(`http://127.0.0.1:${helloPort}`, [{ method: 'GET', path: '/' }]);
    const line = (name: string, r: autocannon.Result) =>
      `${name.padEnd(12)} ${String(Math.round(r.requests.average)).padStart(8)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   errors ${r.errors}   non-2xx ${r.non2xx}`;
    console.log(
      `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s, ${USERS} users, Redis store`,
    );
    console.log(line('bot', botResult));
    console.log(line('hello-world', helloResult));
    console.log(
      `ratio bot / hello-world: ${(botResult.requests.average / helloResult.requests.average).toFixed(2)}`,
    );
  } finally {
    bot.kill('SIGTERM');
    hello.kill('SIGTERM');
    await ownRedis?.stop();
  }
}

await main();
