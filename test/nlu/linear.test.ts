import { describe, expect, it } from 'vitest';
import { LinearClassifier } from '../../src/nlu/linear.js';

const examples = [
  { features: ['医', '保', 'L:medical'], label: 'medical' },
  { features: ['医', '疗', 'L:medical'], label: 'medical' },
  { features: ['养', '老', 'L:pension'], label: 'pension' },
  { features: ['退', '休', 'L:pension'], label: 'pension' },
  { features: ['你', '好'], label: 'greet' },
];

describe('LinearClassifier', () => {
  const model = new LinearClassifier(examples);

  it('ranks every label, best first, with probabilities that sum to 1', () => {
    const ranking = model.rank(['L:pension', '老']);
    expect(ranking[0]!.name).toBe('pension');
    expect(ranking.map((r) => r.name).sort()).toEqual(['greet', 'medical', 'pension']);
    expect(ranking.reduce((sum, r) => sum + r.confidence, 0)).toBeCloseTo(1, 12);
  });

  it('learns what a feature is worth against the others', () => {
    expect(model.rank(['医', '保'])[0]!.name).toBe('medical');
    expect(model.rank(['你'])[0]!.name).toBe('greet');
  });

  it('gives the same weights on every run', () => {
    const again = new LinearClassifier(examples);
    expect(again.rank(['医', '老'])).toEqual(model.rank(['医', '老']));
  });

  it('falls back to the bias alone for unknown features', () => {
    expect(model.rank(['陌生'])).toEqual(model.rank([]));
  });
});
