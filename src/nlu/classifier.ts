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

/**
 * natural's naive Bayes classifier over feature lists we make ourselves (natural's own tokenizer
 * drops every Chinese character). Training goes through natural's dense-vector path with a
 * vocabulary index of our own, because its `textToFeatures` scans the whole vocabulary for every
 * token (too slow at our size) and its sparse path does not count totals. Scoring is done in log
 * space over the trained counts, so long texts do not underflow to zero, and turned into
 * confidences with a softmax whose temperature grows with the number of features seen.
 */
export class IntentClassifier<L extends string> {
  private readonly vocabulary = new Map<string, number>();
  private readonly counts: BayesCounts;
  private readonly labels: L[];

  constructor(
    examples: readonly { features: readonly string[]; label: L }[],
    private readonly temperature = 1,
  ) {
    for (const { features } of examples) {
      for (const f of features)
        if (!this.vocabulary.has(f)) this.vocabulary.set(f, this.vocabulary.size);
    }
    const bayes = new BayesClassifier();
    const size = this.vocabulary.size;
    for (const { features, label } of examples) {
      const dense: number[] = new Array<number>(size).fill(0);
      for (const f of features) dense[this.vocabulary.get(f)!] = 1;
      bayes.classifier.addExample(dense, label);
    }
    bayes.classifier.train();
    this.counts = bayes.classifier as unknown as BayesCounts;
    this.labels = Object.keys(this.counts.classFeatures) as L[];
  }

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** Every label with its confidence (summing to 1), best first. */
  rank(features: readonly string[]): Ranked<L>[] {
    const known: number[] = [];
    for (const f of features) {
      const index = this.vocabulary.get(f);
      if (index !== undefined) known.push(index);
    }
    const { classFeatures, classTotals, totalExamples, smoothing } = this.counts;
    const scores = this.labels.map((label) => {
      const total = classTotals[label]!;
      const seen = classFeatures[label]!;
      let score = Math.log(total / totalExamples);
      for (const index of known) score += Math.log((seen[index] ?? smoothing) / total);
      return score;
    });
    const t = this.temperature * Math.max(1, Math.sqrt(known.length));
    const best = Math.max(...scores);
    const weights = scores.map((s) => Math.exp((s - best) / t));
    const sum = weights.reduce((a, b) => a + b, 0);
    return this.labels
      .map((name, i) => ({ name, confidence: weights[i]! / sum }))
      .sort((a, b) => b.confidence - a.confidence);
  }
}
