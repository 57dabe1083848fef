/**
 * `npm run bench`: drives POST /v1/messages with autocannon (many users, Redis store) and, in the
 * same run, a bare fastify hello-world; prints requests/s and p50/p99 for both and their ratio.
 * Between them it measures the store floor (bench/store-floor.ts): the same route and Redis store
 * with no understanding or answers, the best any bot on this store could do here.
 * Method: each server runs in its own process (the bot as `src/main.ts` with REDIS_URL, rate limit
 * lifted), one after another; autocannon runs in this process with 50 connections for 10 s after
 * a 2 s warm-up; every request to the bot and the floor is one turn of one of 2,000 users, picked
 * at random; half the texts are short replies that many users send alike, half carry random
 * figures of the user's own (new texts each time). On Linux it also prints the server process's
 * CPU time per request (from /proc), steadier than requests/s on a machine shared with the load.
 * With BENCH_ROUNDS=n the three servers are measured n times, taking turns, and the medians
 * are printed too (this machine's speed drifts from minute to minute).
 * Targets: the bot at least half the hello-world's throughput, p99 under 10 ms at 50 connections.
 * Needs Redis: REDIS_URL, else 127.0.0.1:6379, else a redis-server this run starts.
 */
import autocannon from 'autocannon';
import { randomInt } from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../src/paths.js';
import { freePort, redisAnswers, spawnRedis } from '../test/support/redis-server.js';

const CONNECTIONS = 50;
const DURATION_S = 10;
/** BENCH_ROUNDS=n measures the three servers n times in turn and adds the medians. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1) || 1);
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

/** CPU seconds (user + system) a process has used so far, or undefined off Linux. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface Measured {
  result: autocannon.Result;
  /** Server CPU time per request, in µs. */
  cpuUs?: number;
}

async function load(server: ChildProcess, url: string, requests: autocannon.Request[]) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, requests });
  const before = cpuSeconds(server.pid);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests,
  });
  const after = cpuSeconds(server.pid);
  const cpuUs =
    before === undefined || after === undefined
      ? undefined
      : ((after - before) * 1e6) / result.requests.total;
  return { result, cpuUs } satisfies Measured;
}

/** One server's figures from one run, or the medians of several. */
interface Summary {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  cpuUs?: number;
  errors: number;
  non2xx: number;
}

const summarize = (name: string, { result: r, cpuUs }: Measured): Summary => ({
  name,
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  cpuUs,
  errors: r.errors,
  non2xx: r.non2xx,
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Prints one line a server, then the bot's and the floor's ratio to hello-world. */
function report([bot, floor, hello]: Summary[]) {
  for (const s of [bot!, floor!, hello!]) {
    const cpu = s.cpuUs === undefined ? '' : `CPU ${Math.round(s.cpuUs)} µs/req   `;
    console.log(
      `${s.name.padEnd(12)} ${String(Math.round(s.rps)).padStart(8)} req/s   p50 ${s.p50} ms   ` +
        `p99 ${s.p99} ms   ${cpu}errors ${s.errors}   non-2xx ${s.non2xx}`,
    );
  }
  console.log(`ratio bot / hello-world: ${(bot!.rps / hello!.rps).toFixed(2)}`);
  console.log(`ratio store floor / hello-world: ${(floor!.rps / hello!.rps).toFixed(2)}`);
}

async function main() {
  let redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let ownRedis;
  if (!(await redisAnswers(redisUrl))) {
    ownRedis = await spawnRedis();
    redisUrl = ownRedis.url;
  }
  const turn: autocannon.Request = {
    method: 'POST',
    path: '/v1/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => ({
      ...req,
      body: JSON.stringify({ userId: `bench-${randomInt(USERS)}`, text: text() }),
    }),
  };
  const measure = async (
    script: string,
    env: Record<string, string>,
    request: autocannon.Request,
    probe: string,
  ) => {
    const port = await freePort();
    const server = run([script], { PORT: String(port), HOST: '127.0.0.1', ...env });
    try {
      await waitFor(`http://127.0.0.1:${port}${probe}`);
      return await load(server, `http://127.0.0.1:${port}`, [request]);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  };
  const servers: [string, () => Promise<Measured>][] = [
    [
      'bot',
      () =>
        measure(
          'src/main.ts',
          {
            REDIS_URL: redisUrl,
            RATE_LIMIT_PER_MINUTE: '1000000',
            RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
            RATE_LIMIT_GLOBAL_PER_MINUTE: '100000000',
          },
          turn,
          '/healthz',
        ),
    ],
    [
      'store floor',
      () => measure('bench/store-floor.ts', { REDIS_URL: redisUrl }, turn, '/healthz'),
    ],
    ['hello-world', () => measure('bench/hello.ts', {}, { method: 'GET', path: '/' }, '/')],
  ];
  try {
    console.log(
      `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s, ${USERS} users, Redis store, ` +
        `${ROUNDS} round(s)`,
    );
    const rounds: Summary[][] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const measured: Summary[] = [];
      for (const [name, run] of servers) measured.push(summarize(name, await run()));
      if (ROUNDS > 1) console.log(`round ${round}`);
      report(measured);
      rounds.push(measured);
    }
    if (ROUNDS > 1) {
      console.log(`median of ${ROUNDS} rounds`);
      report(
        servers.map(([name], i) => ({
          name,
          rps: median(rounds.map((r) => r[i]!.rps)),
          p50: median(rounds.map((r) => r[i]!.p50)),
          p99: median(rounds.map((r) => r[i]!.p99)),
          cpuUs: rounds.some((r) => r[i]!.cpuUs === undefined)
            ? undefined
            : median(rounds.map((r) => r[i]!.cpuUs!)),
          errors: rounds.reduce((n, r) => n + r[i]!.errors, 0),
          non2xx: rounds.reduce((n, r) => n + r[i]!.non2xx, 0),
        })),
      );
    }
  } finally {
    await ownRedis?.stop();
  }
}

await main();
