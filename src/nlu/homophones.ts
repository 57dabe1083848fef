import { syllables } from './pinyin.js';

const HAN = /^\p{Script=Han}$/u;

/**
 * A typist with a pinyin keyboard, for measuring (eval-nlu): each Chinese character of a text is,
 * with probability `rate`, swapped for another character of the same toneless syllable (依 for 医,
 * 劳 for 老), drawn from `pool`. Seeded, so every run makes the same typos.
 */
export function homophoneTypist(pool: readonly string[], rate = 0.15, seed = 4242) {
  const bySound = new Map<string, string[]>();
  for (const ch of new Set(pool.flatMap((t) => Array.from(t).filter((c) => HAN.test(c))))) {
    const sound = syllables(ch)[0];
    if (sound) bySound.set(sound, [...(bySound.get(sound) ?? []), ch]);
  }
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  return (text: string): string => {
    const chars = Array.from(text);
    const sounds = syllables(text);
    return chars
      .map((c, i) => {
        const others = (bySound.get(sounds[i] ?? '') ?? []).filter((o) => o !== c);
        if (others.length === 0 || random() >= rate) return c;
        return others[Math.floor(random() * others.length)]!;
      })
      .join('');
  };
}
