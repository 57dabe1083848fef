/**
 * `npm run bench:redis`: what a time limit on each Redis command costs in CPU.
 * Compares node-redis's own command timeout (it makes an AbortSignal.timeout for every command)
 * with the store's way (`timeout: 0` on the client, `withDeadline`: one plain timer a command).
 * Method: one client each; 50 callers send GET of a 500-byte value in a loop; 10,000 commands to
 * warm up, then 40,000 measured with process.cpuUsage (this process only; Redis not counted);
 * 3 rounds taking turns, median reported. Needs Redis: REDIS_URL, else 127.0.0.1:6379, else a
 * redis-server this run starts.
 */
import { createClient } from 'redis';
import { withDeadline } from '../src/store/deadline.js';
import { redisAnswers, spawnRedis } from '../test/support/redis-server.js';

const CALLERS = 50;
const COMMANDS = 40_000;

const makeClient = (url: string, commandOptions: { timeout: number }) =>
  createClient({ url, commandOptions });
type Send = (client: ReturnType<typeof makeClient>) => Promise<unknown>;
const variants: [string, { timeout: number }, Send][] = [
  ['client timeout (5,000 ms)', { timeout: 5000 }, (c) => c.get('bench:redis-client')],
  [
    'withDeadline (5,000 ms)',
    { timeout: 0 },
    (c) => withDeadline(c.get('bench:redis-client'), 5000, () => new Error('timed out')),
  ],
];

async function cpuPerCommand(url: string, commandOptions: { timeout: number }, send: Send) {
  const client = makeClient(url, commandOptions);
  await client.connect();
  await client.set('bench:redis-client', 'x'.repeat(500));
  const drive = async (n: number) => {
    let left = n;
    const caller = async () => {
      while (left-- > 0) await send(client);
    };
    await Promise.all(Array.from({ length: CALLERS }, caller));
  };
  await drive(10_000);
  const before = process.cpuUsage();
  const started = performance.now();
  await drive(COMMANDS);
  const used = process.cpuUsage(before);
  const seconds = (performance.now() - started) / 1000;
  await client.close();
  return { cpuUs: (used.user + used.system) / COMMANDS, perSecond: COMMANDS / seconds };
}

let url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const own = (await redisAnswers(url)) ? undefined : await spawnRedis();
if (own) url = own.url;
const runs = new Map<string, { cpuUs: number; perSecond: number }[]>();
for (let round = 0; round < 3; round++) {
  for (const [name, options, send] of variants) {
    runs.set(name, [...(runs.get(name) ?? []), await cpuPerCommand(url, options, send)]);
  }
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${CALLERS} callers, ${COMMANDS} GETs per round, median of 3 rounds`);
for (const [name, results] of runs) {
  const cpu = median(results.map((r) => r.cpuUs));
  const rate = median(results.map((r) => r.perSecond));
  console.log(
    `${name.padEnd(28)} ${cpu.toFixed(1).padStart(6)} µs CPU/command   ${Math.round(rate)} commands/s`,
  );
}
await own?.stop();
