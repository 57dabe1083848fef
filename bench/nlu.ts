/**
 * `npm run bench:nlu`: start-up (loading the intent files and training the matcher) and parse
 * speed over the held-out texts.
 * Method: train 5 times and report the median wall time and the median CPU time of this process
 * (the CPU figure holds still on a machine shared with other work; with the parse cache off, so
 * that every parse below does the whole work); then parse every held-out text once to warm up,
 * and time 20 rounds over all texts one call at a time with process.hrtime; report parses per
 * second over the whole run and the p50/p99 of the single-call latencies.
 */
import { performance } from 'node:perf_hooks';
import { HELDOUT_FILE, loadLabelled } from '../src/nlu/evaluate.js';
import { loadIntents } from '../src/nlu/intents.js';
import { loadLexicon } from '../src/nlu/lexicon.js';
import { createUnderstanding, type Understanding } from '../src/nlu/parse.js';

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const trainTimes: number[] = [];
const trainCpu: number[] = [];
let understanding: Understanding | undefined;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // No parse cache: every call below does the whole work (a cached text costs about 1 µs).
  understanding = createUnderstanding({
    intents: loadIntents(),
    lexicon: loadLexicon(),
    cacheSize: 0,
  });
  trainTimes.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  trainCpu.push((cpu.user + cpu.system) / 1000);
}
trainTimes.sort((a, b) => a - b);
trainCpu.sort((a, b) => a - b);
const u = understanding!;
const texts = loadLabelled(HELDOUT_FILE).map((x) => x.text);
const now = new Date();
for (const t of texts) u.parse(t, now);

const rounds = 20;
const latencies: number[] = [];
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const t of texts) {
    const t0 = process.hrtime.bigint();
    u.parse(t, now);
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
latencies.sort((a, b) => a - b);

console.log(`texts: ${texts.length} held-out, ${rounds} rounds, ${latencies.length} parses`);
console.log(
  `start-up (load + train), median of 5: ${trainTimes[2]!.toFixed(0)} ms (min ${trainTimes[0]!.toFixed(0)}, max ${trainTimes[4]!.toFixed(0)}), CPU ${trainCpu[2]!.toFixed(0)} ms`,
);
console.log(`throughput: ${Math.round(latencies.length / (totalMs / 1000))} parses/s`);
console.log(
  `latency: p50 ${quantile(latencies, 0.5).toFixed(3)} ms, p99 ${quantile(latencies, 0.99).toFixed(3)} ms, max ${latencies[latencies.length - 1]!.toFixed(3)} ms`,
);
