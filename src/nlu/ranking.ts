import type { Ranked } from './classifier.js';

/** Each distinct feature of the training examples -> its row, in order of first sight. */
export function vocabularyOf(examples: readonly { features: readonly string[] }[]) {
  const vocabulary = new Map<string, number>();
  for (const { features } of examples) {
    for (const f of features) if (!vocabulary.has(f)) vocabulary.set(f, vocabulary.size);
  }
  return vocabulary;
}

/** Scores -> probabilities summing to 1 (softmax at temperature t), in place. */
export function softmaxInPlace(scores: Float64Array, t = 1): void {
  let best = -Infinity;
  for (const s of scores) if (s > best) best = s;
  let sum = 0;
  for (let j = 0; j < scores.length; j++) {
    scores[j] = Math.exp((scores[j]! - best) / t);
    sum += scores[j]!;
  }
  for (let j = 0; j < scores.length; j++) scores[j]! /= sum;
}

/** Labels with their probabilities, best first. */
export function ranked<L extends string>(labels: readonly L[], probs: Float64Array): Ranked<L>[] {
  return labels
    .map((name, j) => ({ name, confidence: probs[j]! }))
    .sort((a, b) => b.confidence - a.confidence);
}
