import { ConverterFactory, Locale } from 'opencc-js/t2cn';

/**
 * Traditional -> simplified, Taiwan and Hong Kong forms alike (臺灣 -> 台湾, 衞生院 -> 卫生院):
 * OpenCC's hk and tw variant tables, then its traditional -> mainland-simplified table. Built
 * once at module load (~50 ms), then a few microseconds a message.
 */
const toSimplified = ConverterFactory(Locale.from.hk, Locale.from.tw, Locale.to.cn);

/**
 * Punctuation outside the full-width block (U+FF01-U+FF5E) that we fold to ASCII. "。" becomes
 * "." on purpose: Chinese input methods produce "1。2万" for 1.2万; the number scanner only reads
 * a dot between two digits as a decimal point.
 */
const EXTRA: Readonly<Record<string, string>> = {
  '\u3000': ' ', // ideographic space
  '。': '.',
  '、': ',',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '〜': '~',
  '￥': '¥',
};

/** True when every code unit is ASCII: no conversion needed. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The one form every NLU step reads: simplified Chinese, half-width digits, letters and
 * punctuation, lower-case Latin, single spaces, trimmed. Idempotent and cheap (tens of
 * microseconds for a chat message).
 */
export function normalize(text: string): string {
  let s = isAscii(text) ? text : toSimplified(text);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
    } else if (code < 0x80) {
      out += ch;
    } else {
      out += EXTRA[ch] ?? ch;
    }
  }
  s = out.toLowerCase();
  return s.replace(/\s+/g, ' ').trim();
}
