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
import { homophoneTypist } from '../src/nlu/homophones.js';
import {
  DEFAULT_MODEL,
  MODELS,
  createUnderstanding,
  type UnderstandingOptions,
} from '../src/nlu/parse.js';

/** The held-out labels compute ages as of this date (age = 2026 - birth year). */
const EVALUATION_DATE = new Date('2026-11-23T12:00:00+08:00');
const MIN_INTENT_ACCURACY = 0.97;
const MIN_SLOT_F1 = 0.97;
/**
 * Files held below the bar for now: what they measured when they entered, so that CI catches a
 * step back while the honest figure stays in view. The aim for every file is the bar above;
 * raise these as the understanding improves, never by tuning to the file's misses.
 */
const ENTERED_AT: Readonly<Record<string, { intent: number; slotF1: number }>> = {
  // written by a helper who saw neither the training data nor the other files (typos, dialect,
  // voice-input run-ons, traditional, English); entered 2026-11-29
  'nlu-heldout-wild.jsonl': { intent: 0.94, slotF1: 0.87 },
};

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

/** What a run varies: kinds of feature left out, or another model. */
type Variant = Pick<UnderstandingOptions, 'features' | 'model'>;

interface CrossValidation {
  /** Intent accuracy on the held-back fold. */
  plain: number;
  /** The same, after a pinyin typist swapped some characters for homophones (homophones.ts). */
  typos: number;
}

function crossValidate(
  intents: IntentFile[],
  lexicon: Lexicon,
  variant: Variant = {},
  folds = 5,
): CrossValidation {
  const all = seededShuffle(
    intents.flatMap((i) => i.examples.map((text) => ({ text, intent: i.name }))),
  );
  const typist = homophoneTypist(all.map((t) => t.text));
  let plain = 0;
  let typos = 0;
  for (let k = 0; k < folds; k++) {
    const test = all.filter((_, i) => i % folds === k);
    const train = all.filter((_, i) => i % folds !== k);
    const byIntent = intents.map((i) => ({
      ...i,
      examples: train.filter((t) => t.intent === i.name).map((t) => t.text),
    }));
    const u = createUnderstanding({ intents: byIntent, lexicon, ...variant, cacheSize: 0 });
    const read = (text: string) => u.parse(text, EVALUATION_DATE).intent.name;
    for (const t of test) {
      if (read(t.text) === t.intent) plain++;
      if (read(typist(t.text)) === t.intent) typos++;
    }
  }
  return { plain: plain / all.length, typos: typos / all.length };
}

/** One row a variant: every feature kind left out in turn, then each model alone. */
function ablate(intents: IntentFile[], lexicon: Lexicon) {
  const files = HELDOUT_FILES.map((f) => [basename(f), loadLabelled(f)] as const);
  const row = (title: string, variant: Variant) => {
    const u = createUnderstanding({ intents, lexicon, ...variant, cacheSize: 0 });
    const held = files.map(([, data]) => pct(evaluate(u, data, EVALUATION_DATE).intentAccuracy));
    const cv = crossValidate(intents, lexicon, variant);
    const cells = [pct(cv.plain), pct(cv.typos), ...held].map((x) => x.padStart(10));
    console.log(`${title.padEnd(24)}${cells.join('  ')}`);
  };
  console.log(`\n== what each part adds (intent accuracy; ${DEFAULT_MODEL} model by default)`);
  const heads = ['5-fold CV', 'CV+typos', ...files.map(([n]) => n.replace(/\.jsonl$/, ''))];
  console.log(`${'variant'.padEnd(24)}${heads.map((h) => h.padStart(10)).join('  ')}`);
  row('all', {});
  for (const kind of Object.keys(ALL_FEATURES) as (keyof FeatureSet)[]) {
    row(`without ${kind}`, { features: { [kind]: false } });
  }
  const all = Object.fromEntries(Object.keys(ALL_FEATURES).map((k) => [k, false]));
  row('no pinyin at all', { features: all });
  for (const model of MODELS) if (model !== DEFAULT_MODEL) row(`model ${model}`, { model });
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
    const floor = ENTERED_AT[basename(file)];
    const minIntent = floor?.intent ?? MIN_INTENT_ACCURACY;
    const minSlots = floor?.slotF1 ?? MIN_SLOT_F1;
    const pass = e.intentAccuracy >= minIntent && slotF1 >= minSlots;
    ok &&= pass;
    verdicts.push(
      `${pass ? 'PASS' : 'FAIL'} ${name}: intent accuracy ${pct(e.intentAccuracy)} (min ${pct(minIntent)}), slot F1 ${pct(slotF1)} (min ${pct(minSlots)})${floor ? ` — held at its entry figures; the aim is ${pct(MIN_INTENT_ACCURACY)} / ${pct(MIN_SLOT_F1)}` : ''}`,
    );
  }
  if (process.argv.includes('--ablate')) ablate(intents, lexicon);
  const cv = crossValidate(intents, lexicon);
  console.log(
    `\n== 5-fold cross-validation of the training examples: intent accuracy ${pct(cv.plain)}` +
      ` (${pct(cv.typos)} with homophone typos in the held-back fold)`,
  );
  console.log(`\n${verdicts.join('\n')}`);
  if (!ok) process.exitCode = 1;
}

main();
