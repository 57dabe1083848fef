import type { Ranked } from './classifier.js';
import { ranked, softmaxInPlace, vocabularyOf } from './ranking.js';
import { seededShuffle } from './shuffle.js';

/** A gradient step smaller than this is skipped (most labels, after the first pass). */
const NEGLIGIBLE = 1e-4;

export interface LinearOptions {
  /** Passes over the training examples. */
  epochs?: number;
  /** Step size of the first pass; it shrinks as 1 / (1 + pass). */
  rate?: number;
  /** L2 penalty on the weights, applied as a decay once a pass. */
  l2?: number;
}

/**
 * Multinomial logistic regression over binary features, trained by plain stochastic gradient
 * descent in a fixed (seeded) order: the same examples give the same weights on every machine.
 * Unlike naive Bayes it weighs features against each other, so a character bigram and the pinyin
 * bigram that always comes with it do not count twice.
 */
export class LinearClassifier<L extends string> {
  private readonly vocabulary: Map<string, number>;
  private readonly labels: L[];
  /** Weight of feature i for label j at [i * labels + j]; the bias is the last feature. */
  private readonly weights: Float64Array;

  constructor(
    examples: readonly { features: readonly string[]; label: L }[],
    options: LinearOptions = {},
  ) {
    const { epochs = 6, rate = 0.5, l2 = 1e-5 } = options;
    this.labels = [...new Set(examples.map((e) => e.label))];
    const labelIndex = new Map(this.labels.map((l, j) => [l, j]));
    this.vocabulary = vocabularyOf(examples);
    const n = this.labels.length;
    const bias = this.vocabulary.size;
    this.weights = new Float64Array((bias + 1) * n);
    const rows = examples.map((e) => ({
      indices: Int32Array.from([...e.features.map((f) => this.vocabulary.get(f)!), bias]),
      label: labelIndex.get(e.label)!,
    }));
    const scores = new Float64Array(n);
    for (let epoch = 0; epoch < epochs; epoch++) {
      const step = rate / (1 + epoch);
      // Weight decay once a pass instead of at every step: the same penalty, far less work.
      const keep = 1 - step * l2 * rows.length;
      for (let k = 0; k < this.weights.length; k++) this.weights[k]! *= keep;
      for (const { indices, label } of seededShuffle(rows, 7919 + epoch)) {
        this.scoresOf(indices, scores);
        softmaxInPlace(scores);
        for (let j = 0; j < n; j++) {
          const g = step * ((j === label ? 1 : 0) - scores[j]!);
          // Labels the example is already sure not to be move nothing worth the time.
          if (Math.abs(g) < NEGLIGIBLE) continue;
          for (const i of indices) this.weights[i * n + j]! += g;
        }
      }
    }
  }

  private scoresOf(indices: ArrayLike<number>, out: Float64Array): void {
    const n = this.labels.length;
    out.fill(0);
    for (let k = 0; k < indices.length; k++) {
      const row = indices[k]! * n;
      for (let j = 0; j < n; j++) out[j]! += this.weights[row + j]!;
    }
  }

  /** Every label with its probability (summing to 1), best first. */
  rank(features: readonly string[]): Ranked<L>[] {
    const indices: number[] = [];
    for (const f of features) {
      const i = this.vocabulary.get(f);
      if (i !== undefined) indices.push(i);
    }
    indices.push(this.vocabulary.size);
    const scores = new Float64Array(this.labels.length);
    this.scoresOf(indices, scores);
    softmaxInPlace(scores);
    return ranked(this.labels, scores);
  }
}
