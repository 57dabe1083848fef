import { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';

export interface Ranked<L extends string = string> {
  name: L;
  confidence: number;
}

/** The counts natural's Bayes model keeps after training (public fields of its apparatus model). */
interface BayesCounts {
  classFeatures: Record<string, Record<number, number>>;
  classTotals: Record<string, number>;
  totalExamples: number;
  smoothing: number;
}

export interface ClassifierOptions {
  /** Softmax temperature per feature seen (grows with the square root of their number). */
  temperature?: number;
  /** natural's additive smoothing: the count an unseen feature gets (natural's default is 1). */
  smoothing?: number;
}

/**
 * natural's naive Bayes classifier over feature lists we make ourselves (natural's own tokenizer
 * drops every Chinese character). Training goes through natural's dense-vector path with a
 * vocabulary index of our own, because its `textToFeatures` scans the whole vocabulary for every
 * token (too slow at our size) and its sparse path does not count totals.
 *
 * After training, natural's counts are compiled into one table of log-probabilities (a row of
 * one number per label for each feature; a feature never seen with a label gets natural's
 * smoothing count), so
 * ranking a text is a few additions per feature: the same scores as natural's
 * `probabilityOfClass`, in log space so that long texts do not underflow to zero. Scores become
 * confidences through a softmax whose temperature grows with the number of features seen.
 */
export class IntentClassifier<L extends string> {
  private readonly vocabulary = new Map<string, number>();
  private readonly labels: L[];
  /** log P(label), one per label. */
  private readonly priors: Float64Array;
  /** log P(feature | label) for feature i and label j at [i * labels + j]. */
  private readonly table: Float64Array;
  private readonly temperature: number;

  constructor(
    examples: readonly { features: readonly string[]; label: L }[],
    options: ClassifierOptions = {},
  ) {
    this.temperature = options.temperature ?? 1;
    for (const { features } of examples) {
      for (const f of features)
        if (!this.vocabulary.has(f)) this.vocabulary.set(f, this.vocabulary.size);
    }
    const bayes = new BayesClassifier(undefined, options.smoothing);
    const size = this.vocabulary.size;
    for (const { features, label } of examples) {
      const dense: number[] = new Array<number>(size).fill(0);
      for (const f of features) dense[this.vocabulary.get(f)!] = 1;
      bayes.classifier.addExample(dense, label);
    }
    bayes.classifier.train();
    const { classFeatures, classTotals, totalExamples, smoothing } =
      bayes.classifier as unknown as BayesCounts;
    this.labels = Object.keys(classFeatures) as L[];
    const n = this.labels.length;
    this.priors = Float64Array.from(this.labels, (l) => Math.log(classTotals[l]! / totalExamples));
    this.table = new Float64Array(size * n);
    this.labels.forEach((label, j) => {
      const total = classTotals[label]!;
      const seen = classFeatures[label]!;
      for (let i = 0; i < size; i++)
        this.table[i * n + j] = Math.log((seen[i] ?? smoothing) / total);
    });
  }

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** Every label with its confidence (summing to 1), best first. */
  rank(features: readonly string[]): Ranked<L>[] {
    const n = this.labels.length;
    const scores = Float64Array.from(this.priors);
    let known = 0;
    for (const f of features) {
      const index = this.vocabulary.get(f);
      if (index === undefined) continue;
      known++;
      const row = index * n;
      for (let j = 0; j < n; j++) scores[j]! += this.table[row + j]!;
    }
    const t = this.temperature * Math.max(1, Math.sqrt(known));
    let best = -Infinity;
    for (const s of scores) if (s > best) best = s;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      scores[j] = Math.exp((scores[j]! - best) / t);
      sum += scores[j]!;
    }
    return this.labels
      .map((name, j) => ({ name, confidence: scores[j]! / sum }))
      .sort((a, b) => b.confidence - a.confidence);
  }
}
