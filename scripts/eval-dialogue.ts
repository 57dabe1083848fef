/**
 * `npm run eval:dialogue`: plays every conversation of the two dialogue sets through the real
 * HTTP server (POST /v1/messages, one fresh user a conversation, Redis store when one answers,
 * the clock fixed at 2026-11-29) and checks each turn (test/conversation/FORMAT.md).
 *
 * - `scenarios/`: written from personas for the issues; tuned against.
 * - `blind/`: written from the contract alone by a writer who never saw the code; measured
 *   only. Its misses are not listed unless asked for (`--verbose=blind`): read them and the
 *   figure stops being honest.
 *
 * Prints conversations and turns passed and the turns a person types per answer; exits non-zero
 * when a set passes fewer of its turns than its bar (SETS). `--verbose` lists the scenario misses.
 */
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { evaluateSets, SETS } from '../test/support/dialogue-run.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose')
  ? ['scenarios']
  : args.includes('--verbose=blind')
    ? ['scenarios', 'blind']
    : [];
const only = args.find((a) => a.startsWith('--set='))?.slice(6);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const results = await evaluateSets(
  SETS.filter((s) => !only || s.name === only).map((s) => ({
    ...s,
    path: join(projectRoot, s.path),
  })),
);
let ok = true;
for (const { name, summary, outcomes } of results) {
  const turnRate = summary.turnsPassed / summary.turns;
  const minPass = SETS.find((s) => s.name === name)!.minPass;
  console.log(
    `${name.padEnd(10)} conversations ${summary.conversationsPassed}/${summary.conversations} (${pct(summary.conversationsPassed / summary.conversations)})  turns ${summary.turnsPassed}/${summary.turns} (${pct(turnRate)})  turns per answer ${summary.turnsPerAnswer.toFixed(2)}`,
  );
  if (turnRate < minPass) {
    ok = false;
    console.error(`${name}: below its bar of ${pct(minPass)} of turns`);
  }
  if (!verbose.includes(name)) continue;
  for (const o of outcomes.filter((x) => !x.passed)) {
    console.log(`\n-- ${o.id} (${o.persona})`);
    for (const t of o.turns) {
      console.log(`  > ${t.user}`);
      const reply = t.reply.replies
        .map((r) => r.text)
        .join(' / ')
        .replace(/\n/g, ' | ');
      console.log(
        `    ${t.reply.intent.name}${t.reply.asking ? ` asking=${t.reply.asking}` : ''}: ${reply.slice(0, 300)}`,
      );
      for (const p of t.problems) console.log(`    ✗ ${p}`);
    }
  }
}
if (!ok) process.exit(1);
