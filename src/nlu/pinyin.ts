import { pinyin } from 'pinyin-pro';

const HAN = /^\p{Script=Han}$/u;

/**
 * The toneless pinyin of each character of `text` (one entry per code point; undefined for
 * anything that is not a Chinese character). Tones are dropped on purpose: input-method typos
 * (依保 for 医保, 养劳 for 养老, 退修 for 退休) mostly keep the syllable and change the tone or
 * the character. pinyin-pro reads polyphones in context (重新 chong, 重要 zhong), tens of
 * microseconds a message.
 */
export function syllables(text: string): (string | undefined)[] {
  const chars = Array.from(text);
  if (!chars.some((c) => HAN.test(c))) return chars.map(() => undefined);
  const read = pinyin(text, { toneType: 'none', type: 'array', v: true });
  // pinyin-pro gives one entry per code point; fall back to a character at a time otherwise.
  const aligned =
    read.length === chars.length
      ? read
      : chars.map((c) => pinyin(c, { toneType: 'none', v: true }));
  return chars.map((c, i) => (HAN.test(c) ? aligned[i] : undefined));
}

/**
 * The syllables as one searchable string: Chinese runs spelled out with a space between
 * syllables, anything else a "|" break, padded so that " yi bao " only matches whole syllables.
 */
export function spelled(sounds: readonly (string | undefined)[]): string {
  return ` ${sounds.map((s) => s ?? '|').join(' ')} `;
}
