import { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
import { ranked, softmaxInPlace, vocabularyOf } from './ranking.js';

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
 * drops every Chinese character). Training bypasses its `textToFeatures`, which scans the
 * whole vocabulary for every token (too slow at our size): we feed its sparse path with a
 * vocabulary index of our own and count the examples it does not count.
 *
 * After training, natural's counts are compiled into one table of log-probabilities (a row of
 * one number per label for each feature; a feature never seen with a label gets natural's
 * smoothing count), so ranking a text is a few additions per feature: the same scores as natural's
 * `probabilityOfClass`, in log space so that long texts do not underflow to zero. Scores become
 * confidences through a softmax whose temperature grows with the number of features seen.
 */
export class IntentClassifier<L extends string> {
  private readonly vocabulary: Map<string, number>;
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
    this.vocabulary = vocabularyOf(examples);
    const bayes = new BayesClassifier(undefined, options.smoothing);
    const counts = bayes.classifier as unknown as BayesCounts;
    for (const { features, label } of examples) {
      // natural's sparse path: an object of feature indices (not an array, which it reads as a
      // dense vector). That path counts the features but not the example, so we count it here
      // just as its dense path would.
      const sparse: Record<number, number> = {};
      features.forEach((f, k) => (sparse[k] = this.vocabulary.get(f)!));
      bayes.classifier.addExample(sparse, label);
      counts.classTotals[label]!++;
      counts.totalExamples++;
    }
    bayes.classifier.train();
    const { classFeatures, classTotals, totalExamples, smoothing } = counts;
    const size = this.vocabulary.size;
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
    softmaxInPlace(scores, this.temperature * Math.max(1, Math.sqrt(known)));
    return ranked(this.labels, scores);
  }
}
