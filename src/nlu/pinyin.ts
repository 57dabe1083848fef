import { pinyin } from 'pinyin-pro';

const HAN = /^\p{Script=Han}$/u;

/**
 * Toneless pinyin by character, filled as characters are first seen (at most the few thousand
 * characters people type). One reading a character, with no regard to context: matching only
 * needs a character to sound the same wherever it is, and a lookup is ~20x cheaper than reading
 * the whole text in context with pinyin-pro.
 */
const bySound = new Map<string, string>();

function soundOf(ch: string): string {
  let s = bySound.get(ch);
  if (s === undefined) {
    s = pinyin(ch, { toneType: 'none', v: true });
    bySound.set(ch, s);
  }
  return s;
}

/**
 * The toneless pinyin of each character of `text` (one entry per code point; undefined for
 * anything that is not a Chinese character). Tones are dropped on purpose: input-method typos
 * (依保 for 医保, 养劳 for 养老, 退修 for 退休) mostly keep the syllable and change the tone or
 * the character.
 */
export function syllables(text: string): (string | undefined)[] {
  return Array.from(text, (c) => (HAN.test(c) ? soundOf(c) : undefined));
}
