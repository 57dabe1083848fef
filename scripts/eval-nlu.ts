/**
 * `npm run eval:nlu`: intent accuracy, per-intent precision/recall, confusion pairs and per-slot
 * precision/recall/F1 on every held-out file (test/fixtures/nlu-heldout*.jsonl), and intent
 * accuracy by 5-fold cross-validation of the training examples. Exits non-zero below the bars on
 * any held-out file. `--verbose` lists every miss; `--ablate` also shows what each kind of
 * feature adds (cross-validation and held-out accuracy with that kind left out).
 */
import { basename } from 'node:path';
import {
  HELDOUT_FILES,
  evaluate,
  f1,
  loadLabelled,
  seededShuffle,
  type Evaluation,
} from '../src/nlu/evaluate.js';
import { loadIntents, type IntentFile } from '../src/nlu/intents.js';
import { ALL_FEATURES, type FeatureSet } from '../src/nlu/features.js';
import { loadLexicon, type Lexicon } from '../src/nlu/lexicon.js';
import { createUnderstanding } from '../src/nlu/parse.js';

/** The held-out labels compute ages as of this date (age = 2026 - birth year). */
const EVALUATION_DATE = new Date('2026-11-23T12:00:00+08:00');
const MIN_INTENT_ACCURACY = 0.95;
const MIN_SLOT_F1 = 0.97;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(title: string, e: Evaluation, verbose: boolean) {
  console.log(`\n== ${title}: ${e.total} utterances`);
  console.log(`intent accuracy ${pct(e.intentAccuracy)}`);
  console.log('intent                     precision  recall   n');
  for (const [name, c] of [...e.perIntent].sort()) {
    const m = f1(c);
    console.log(
      `${name.padEnd(26)} ${pct(m.precision).padStart(8)} ${pct(m.recall).padStart(8)} ${String(c.tp + c.fn).padStart(4)}`,
    );
  }
  const pairs = [...e.confusions].sort((a, b) => b[1] - a[1]).slice(0, 12);
  if (pairs.length) {
    console.log('confusions (gold -> predicted):');
    for (const [pair, n] of pairs) console.log(`  ${n} × ${pair}`);
  }
  if (e.perSlot.size) {
    console.log('slot                 precision  recall     F1    n');
    for (const [name, c] of [...e.perSlot].sort()) {
      const m = f1(c);
      console.log(
        `${name.padEnd(20)} ${pct(m.precision).padStart(8)} ${pct(m.recall).padStart(8)} ${pct(m.f1).padStart(7)} ${String(c.tp + c.fn).padStart(4)}`,
      );
    }
    console.log(`all slots F1 ${pct(f1(e.slotTotals).f1)}`);
  }
  if (verbose) {
    for (const err of e.errors)
      console.log(`  intent ✗ ${err.gold} -> ${err.predicted}: ${err.text}`);
    for (const err of e.slotErrors)
      console.log(
        `  slot ✗ ${err.slot}: gold ${JSON.stringify(err.gold)} got ${JSON.stringify(err.predicted)}: ${err.text}`,
      );
  }
}

function crossValidate(
  intents: IntentFile[],
  lexicon: Lexicon,
  features: Partial<FeatureSet> = {},
  folds = 5,
): number {
  const all = seededShuffle(
    intents.flatMap((i) => i.examples.map((text) => ({ text, intent: i.name }))),
  );
  let correct = 0;
  for (let k = 0; k < folds; k++) {
    const test = all.filter((_, i) => i % folds === k);
    const train = all.filter((_, i) => i % folds !== k);
    const byIntent = intents.map((i) => ({
      ...i,
      examples: train.filter((t) => t.intent === i.name).map((t) => t.text),
    }));
    const u = createUnderstanding({ intents: byIntent, lexicon, features, cacheSize: 0 });
    for (const t of test) if (u.parse(t.text, EVALUATION_DATE).intent.name === t.intent) correct++;
  }
  return correct / all.length;
}

/** One row a feature kind: the figures with it left out, beside those with every kind on. */
function ablate(intents: IntentFile[], lexicon: Lexicon) {
  const files = HELDOUT_FILES.map((f) => [basename(f), loadLabelled(f)] as const);
  const row = (features: Partial<FeatureSet>) => {
    const u = createUnderstanding({ intents, lexicon, features, cacheSize: 0 });
    const held = files.map(([, data]) => pct(evaluate(u, data, EVALUATION_DATE).intentAccuracy));
    return [pct(crossValidate(intents, lexicon, features)), ...held].map((x) => x.padStart(8));
  };
  console.log(`\n== what each kind of feature adds (intent accuracy)`);
  console.log(`${'features'.padEnd(22)}${['5-fold CV', ...files.map(([n]) => n)].join('  ')}`);
  console.log(`${'all'.padEnd(22)}${row({}).join('  ')}`);
  for (const kind of Object.keys(ALL_FEATURES) as (keyof FeatureSet)[]) {
    console.log(`${`without ${kind}`.padEnd(22)}${row({ [kind]: false }).join('  ')}`);
  }
}

function main() {
  const verbose = process.argv.includes('--verbose');
  const intents = loadIntents();
  const lexicon = loadLexicon();
  const understanding = createUnderstanding({ intents, lexicon });
  const verdicts: string[] = [];
  let ok = true;
  for (const file of HELDOUT_FILES) {
    const e = evaluate(understanding, loadLabelled(file), EVALUATION_DATE);
    const name = `test/fixtures/${basename(file)}`;
    report(`held-out (${name})`, e, verbose);
    const slotF1 = f1(e.slotTotals).f1;
    const pass = e.intentAccuracy >= MIN_INTENT_ACCURACY && slotF1 >= MIN_SLOT_F1;
    ok &&= pass;
    verdicts.push(
      `${pass ? 'PASS' : 'FAIL'} ${name}: intent accuracy ${pct(e.intentAccuracy)} (min ${pct(MIN_INTENT_ACCURACY)}), slot F1 ${pct(slotF1)} (min ${pct(MIN_SLOT_F1)})`,
    );
  }
  if (process.argv.includes('--ablate')) ablate(intents, lexicon);
  const cv = crossValidate(intents, lexicon);
  console.log(`\n== 5-fold cross-validation of the training examples: intent accuracy ${pct(cv)}`);
  console.log(`\n${verdicts.join('\n')}`);
  if (!ok) process.exitCode = 1;
}

main();
