import type { Lexicon } from './lexicon.js';

/**
 * Features that suit Chinese without a segmenter: character unigrams, bigrams and trigrams of
 * the normalised text (digits folded to "#", so 8000 and 5000 look alike), plus one "L:<concept>"
 * feature for each domain-lexicon concept the text mentions. Returned once each.
 */
export function textFeatures(normalised: string, lexicon: Lexicon): string[] {
  const chars = Array.from(
    normalised
      .replace(/[0-9]+(\.[0-9]+)?/g, '#')
      .replace(/[\s,.!?;:，。！？；：、~"'()（）]+/g, ' '),
  );
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!;
    if (a === ' ') continue;
    out.add(a);
    const b = chars[i + 1];
    if (b === undefined || b === ' ') continue;
    out.add(a + b);
    const c = chars[i + 2];
    if (c !== undefined && c !== ' ') out.add(a + b + c);
  }
  for (const [concept, words] of lexicon) {
    if (words.some((w) => normalised.includes(w))) out.add(`L:${concept}`);
  }
  return [...out];
}
