import { Decimal } from 'decimal.js';
import { MAX_MATCHES, tick } from '../work.js';

/**
 * Chinese and Arabic numerals and amounts of money, as people type them: 一万二 (12000),
 * 三千五 (3500), 一万零五百, 十二万, 1.2万, 1万2, 8千, 12k, 1.5w, 8,000, 一点五万, 两百五.
 * Everything here reads normalised text (half-width, lower-case).
 */

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};
const CN_SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const CN_DIGIT_CHARS = Object.keys(CN_DIGITS).join('');
const CN_CHARS = CN_DIGIT_CHARS + Object.keys(CN_SMALL_UNITS).join('') + '万亿';

/** Words around a figure that mark it as money. */
const CURRENCY = ['块钱', '元钱', '人民币', '块', '元', 'rmb'] as const;
/** Words after a figure that say it is approximate; kept out of the value. */
const APPROX = ['多块', '来块', '多', '来', '左右', '出头', '上下', '不到'] as const;

const ARABIC = String.raw`(?:\d{1,3}(?:,\d{3}(?!\d))+|\d+)(?:\.\d+)?`;
/**
 * One numeral: Arabic digits or Chinese numeral characters, mixed (1万2), with a Chinese decimal
 * point only between Chinese digits (一点五万), then an optional k/w multiplier.
 */
const SPAN = new RegExp(
  String.raw`(?:${ARABIC}|[${CN_CHARS}])(?:${ARABIC}|[${CN_CHARS}]|点(?=[${CN_DIGIT_CHARS}]))*(?: ?[kw](?![a-z]))?`,
  'g',
);

type Token =
  | { kind: 'digit'; value: number }
  | { kind: 'arabic'; value: Decimal; single: boolean }
  | { kind: 'zero' }
  | { kind: 'unit'; value: number }
  | { kind: 'wan' }
  | { kind: 'yi' }
  | { kind: 'point' }
  | { kind: 'mult'; value: number };

const ARABIC_AT = new RegExp(`^${ARABIC}`);

function tokenize(raw: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  tick(raw.length);
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch >= '0' && ch <= '9') {
      const m = ARABIC_AT.exec(raw.slice(i));
      if (!m) return undefined;
      const text = m[0].replace(/,/g, '');
      tokens.push({ kind: 'arabic', value: new Decimal(text), single: /^[1-9]$/.test(text) });
      i += m[0].length;
      continue;
    }
    i++;
    if (ch === ' ') continue;
    if (ch === 'k') tokens.push({ kind: 'mult', value: 1000 });
    else if (ch === 'w') tokens.push({ kind: 'mult', value: 10000 });
    else if (ch === '点') tokens.push({ kind: 'point' });
    else if (ch === '万') tokens.push({ kind: 'wan' });
    else if (ch === '亿') tokens.push({ kind: 'yi' });
    else if ((ch === '零' || ch === '〇') && raw[i] === '点')
      tokens.push({ kind: 'digit', value: 0 });
    else if (ch === '零' || ch === '〇') tokens.push({ kind: 'zero' });
    else if (ch in CN_DIGITS) tokens.push({ kind: 'digit', value: CN_DIGITS[ch]! });
    else if (ch in CN_SMALL_UNITS) tokens.push({ kind: 'unit', value: CN_SMALL_UNITS[ch]! });
    else return undefined;
  }
  return tokens;
}

/** Digits with no unit at all (一九七五, 七五, 二〇二五): read digit by digit. */
function positional(tokens: readonly Token[]): Decimal | undefined {
  let s = '';
  for (const t of tokens) {
    if (t.kind === 'digit') s += String(t.value);
    else if (t.kind === 'zero') s += '0';
    else return undefined;
  }
  return s.length > 1 ? new Decimal(s) : undefined;
}

/**
 * The value of one numeral written with units (十百千万亿), Arabic digits or both, or undefined
 * when it is not a well-formed number (a range like 七八千, a bare unit like 万 or 千万).
 */
function evaluate(tokens: readonly Token[]): Decimal | undefined {
  if (tokens.length === 0) return undefined;
  tick(tokens.length);
  let mult = new Decimal(1);
  let body = tokens;
  const last = tokens[tokens.length - 1]!;
  if (last.kind === 'mult') {
    mult = new Decimal(last.value);
    body = tokens.slice(0, -1);
    if (body.length === 0) return undefined;
  }
  if (body.every((t) => t.kind === 'digit' || t.kind === 'zero') && body.length > 1) {
    const p = positional(body);
    return p?.times(mult);
  }

  let total = new Decimal(0); // whole 亿
  let section = new Decimal(0); // whole 万 below 亿
  let current = new Decimal(0); // below 万
  let pending: Decimal | undefined;
  let pendingSingle = false;
  let lastUnit = 0; // the unit just before `pending`, for 一万二 = 12000
  let smallUnit = Infinity; // 十百千 must fall within one 万 section
  let sawWan = false;
  let sawYi = false;
  let zero = false;
  let anyDigit = false;

  for (let i = 0; i < body.length; i++) {
    const t = body[i]!;
    switch (t.kind) {
      case 'digit': {
        if (pending !== undefined) return undefined; // 七八千, 三十五六: a range
        pending = new Decimal(t.value);
        pendingSingle = t.value !== 0;
        anyDigit = true;
        // 一点五: a Chinese decimal
        if (body[i + 1]?.kind === 'point') {
          let frac = '';
          let j = i + 2;
          while (j < body.length && (body[j]!.kind === 'digit' || body[j]!.kind === 'zero')) {
            const d = body[j]!;
            frac += d.kind === 'digit' ? String(d.value) : '0';
            j++;
          }
          if (frac === '') return undefined;
          pending = new Decimal(`${t.value}.${frac}`);
          pendingSingle = false;
          i = j - 1;
        }
        break;
      }
      case 'arabic':
        if (pending !== undefined) return undefined;
        pending = t.value;
        pendingSingle = t.single;
        anyDigit = true;
        break;
      case 'zero':
        if (pending !== undefined) return undefined;
        zero = true;
        anyDigit = true;
        break;
      case 'point':
        return undefined;
      case 'unit': {
        if (t.value >= smallUnit) return undefined; // 三十百
        let n = pending;
        if (n === undefined) {
          // only 十 may stand alone at the start of a section: 十二, 十万
          if (t.value !== 10 || !current.isZero() || zero) return undefined;
          n = new Decimal(1);
          anyDigit = true;
        }
        if (!n.isInteger() && t.value < 10000) {
          // 1.5千 is fine, 1.5十 is not a way anyone writes
          if (t.value < 1000) return undefined;
        }
        current = current.plus(n.times(t.value));
        smallUnit = t.value;
        lastUnit = t.value;
        pending = undefined;
        zero = false;
        break;
      }
      case 'wan': {
        if (sawWan) return undefined;
        const n = current.plus(pending ?? 0);
        if (n.isZero()) return undefined; // 万, 千万
        section = n.times(10000);
        current = new Decimal(0);
        pending = undefined;
        lastUnit = 10000;
        smallUnit = Infinity;
        sawWan = true;
        zero = false;
        break;
      }
      case 'yi': {
        if (sawYi) return undefined;
        const n = section.plus(current).plus(pending ?? 0);
        if (n.isZero()) return undefined;
        total = n.times(100000000);
        section = new Decimal(0);
        current = new Decimal(0);
        pending = undefined;
        lastUnit = 100000000;
        smallUnit = Infinity;
        sawYi = true;
        zero = false;
        break;
      }
      case 'mult':
        return undefined;
    }
  }
  if (!anyDigit) return undefined;
  let tail = new Decimal(0);
  if (pending !== undefined) {
    // 一万二 = 12000, 三千五 = 3500, 两百五 = 250: a lone digit right after a unit is one
    // step below it. After 零 (一万零五) or with several digits (1万2000) it is taken as is.
    const prev = body[body.length - 2];
    const rightAfterUnit =
      prev !== undefined && (prev.kind === 'unit' || prev.kind === 'wan' || prev.kind === 'yi');
    const scaled = pendingSingle && rightAfterUnit && lastUnit >= 100;
    // 1.5万二 is not a number anyone writes
    if (scaled && !total.plus(section).plus(current).isInteger()) return undefined;
    tail = scaled ? pending.times(lastUnit / 10) : pending;
  }
  return total.plus(section).plus(current).plus(tail).times(mult);
}

/**
 * Parses one whole numeral or amount, e.g. "一万二" -> 12000, "1.2万" -> 12000, "12k" -> 12000,
 * "三十五" -> 35, "12000元" -> 12000, "8千块" -> 8000, "一九七五" -> 1975. A currency word or an
 * approximation (多, 左右) after the number is allowed; anything else makes it undefined.
 */
export function parseAmount(text: string): Decimal | undefined {
  let s = text.trim();
  if (s.startsWith('¥')) s = s.slice(1).trim();
  for (const a of APPROX) if (s.endsWith(a)) s = s.slice(0, -a.length);
  for (const c of CURRENCY) {
    if (s.endsWith(c)) {
      s = s.slice(0, -c.length).trim();
      break;
    }
  }
  for (const a of APPROX) if (s.endsWith(a)) s = s.slice(0, -a.length);
  if (s === '') return undefined;
  SPAN.lastIndex = 0;
  const m = SPAN.exec(s);
  if (!m || m.index !== 0 || m[0].length !== s.length) return undefined;
  return parseNumeral(s);
}

/** The value of a numeral span as the scanner finds it (no currency, no sign). */
export function parseNumeral(raw: string): Decimal | undefined {
  const tokens = tokenize(raw);
  if (!tokens) return undefined;
  return evaluate(tokens);
}

/** A small whole number (an age, a count of years) from a numeral such as "三十五" or "35". */
export function parseInteger(raw: string): number | undefined {
  const v = parseNumeral(raw);
  if (!v || !v.isInteger() || v.gt(Number.MAX_SAFE_INTEGER)) return undefined;
  return v.toNumber();
}

export interface NumberMatch {
  /** Where the match starts and ends in the text, sign and currency included. */
  start: number;
  end: number;
  /** Where the numeral itself starts and ends. */
  numStart: number;
  numEnd: number;
  raw: string;
  value: Decimal;
  /** 元, 块, ¥, 人民币 stand next to it. */
  currency: boolean;
  /** A magnitude word or multiplier is part of it: 十百千万亿, k, w. */
  magnitude: boolean;
  /** Written with Chinese numeral characters (in whole or in part). */
  chinese: boolean;
  /** Written with Arabic digits only. */
  arabic: boolean;
  /** Followed by % or preceded by 百分之: `value` is the percentage (60 for 60%). */
  percent: boolean;
  /** Preceded by a minus sign or 负. */
  negative: boolean;
  /** Followed by 多, 左右, 出头...: an approximate figure. */
  approx: boolean;
}

const HAS_CN = new RegExp(`[${CN_CHARS}]`);
/** Measure words after 一/两: 一个月, 一年, 两次... */
const MEASURE = /^(个|年|月|天|次|份|家|般|样|起|下|直|共|辈|趟|笔|张|项|种|些|点儿|会儿)/;
const IS_ARABIC = /[\d.,]/;

/**
 * When a span does not parse because a word starting with a Chinese digit follows the number
 * (8000一个月, 1.5万一个月, 三千五一个月), the longest prefix that ends before such a digit and
 * parses. A range like 七八千 has no such cut and stays unreadable.
 */
function scriptPrefix(raw: string): { raw: string; value: Decimal } | undefined {
  for (let i = raw.length - 1; i > 0; i--) {
    const ch = raw[i]!;
    const prev = raw[i - 1]!;
    const cut =
      ch === '一' ||
      ch === '两' ||
      (ch in CN_DIGITS && (IS_ARABIC.test(prev) || /[十百千万亿]/.test(prev)));
    if (!cut) continue;
    const head = raw.slice(0, i).replace(/[.,]$/, '');
    const value = parseNumeral(head);
    if (value) return { raw: head, value };
  }
  return undefined;
}
const HAS_MAGNITUDE = /[十拾百佰千仟万亿kw]/;

/**
 * The longest run of numeral characters read as one number. The longest figures people write
 * (一亿二千三百四十五万六千七百, 1,000,000,000.00, an 18-digit ID number) fit; a longer run is
 * no number anyone means and is skipped whole, which also bounds the cuts tried in it
 * (`scriptPrefix` parses each prefix: quadratic in the run, so the run must be short).
 */
export const MAX_NUMERAL_LENGTH = 24;
/** How far past a figure the words that qualify it are looked for (元钱, 左右, 一个月). */
const LOOK_AHEAD = 8;

/**
 * Every numeral in `text` with its position and what stands around it, left to right. Spans
 * that are not well-formed numbers (万 in 万年, 千万 in 千万别) are skipped; so is 十 in 十分.
 */
export function scanNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  SPAN.lastIndex = 0;
  for (let m = SPAN.exec(text); m && out.length < MAX_MATCHES; m = SPAN.exec(text)) {
    let raw = m[0];
    const numStart = m.index;
    tick();
    if (raw.length > MAX_NUMERAL_LENGTH) continue;
    const ahead = (from: number) => text.slice(from, from + LOOK_AHEAD);
    // 一万一个月, 8000一年: a trailing 一/两 that starts a measure word is not part of it
    if (raw.length > 1 && /[一两]$/.test(raw) && MEASURE.test(ahead(numStart + raw.length))) {
      raw = raw.slice(0, -1);
      SPAN.lastIndex = numStart + raw.length;
    }
    let value = parseNumeral(raw);
    if (!value) {
      // 8000一个月: Arabic digits run into a Chinese word; keep the longest prefix that ends
      // where the script changes and reads as a number
      const cut = scriptPrefix(raw);
      if (cut) {
        raw = cut.raw;
        value = cut.value;
        SPAN.lastIndex = numStart + raw.length;
      } else {
        // a span that starts with a bare unit (万 of 万年, 千 of 千万) may hold a number after
        // it; a malformed number (七八千, a range) is skipped whole
        if (/^[万亿百佰千仟]/.test(raw)) SPAN.lastIndex = numStart + 1;
        continue;
      }
    }
    raw = raw.trimEnd();
    const numEnd = numStart + raw.length;
    const after = ahead(numEnd);
    if (raw === '十' && after.startsWith('分')) continue;

    let start = numStart;
    let end = numEnd;
    let negative = false;
    const before = text.slice(Math.max(0, numStart - 3), numStart);
    if (before.endsWith('-') || before.endsWith('负')) {
      const ch = before.length >= 2 ? before[before.length - 2]! : '';
      if (!/[0-9a-z]/.test(ch) && !HAS_CN.test(ch)) {
        negative = true;
        start -= 1;
      }
    } else if (before.endsWith('负的')) {
      // 工资是负的五千
      negative = true;
      start -= 2;
    }
    let percent = false;
    if (after.startsWith('%')) {
      percent = true;
      end += 1;
    } else if (text.slice(Math.max(0, numStart - 3), numStart) === '百分之') {
      percent = true;
      start -= 3;
    }
    let currency = false;
    let approx = false;
    if (!percent) {
      const lead = /¥ ?$/.exec(before);
      if (lead) {
        currency = true;
        start -= lead[0].length;
      }
      let rest = ahead(end);
      for (const a of APPROX) {
        if (rest.startsWith(a)) {
          approx = true;
          end += a.length;
          rest = rest.slice(a.length);
          if (a.endsWith('块')) currency = true;
          break;
        }
      }
      const sp = rest.startsWith(' ') ? 1 : 0;
      for (const c of CURRENCY) {
        if (rest.startsWith(c, sp)) {
          currency = true;
          end += sp + c.length;
          rest = rest.slice(sp + c.length);
          break;
        }
      }
      if (!approx) {
        for (const a of APPROX) {
          if (rest.startsWith(a) && a !== '来') {
            approx = true;
            end += a.length;
            break;
          }
        }
      }
    }
    const chinese = HAS_CN.test(raw);
    out.push({
      start,
      end,
      numStart,
      numEnd,
      raw,
      value,
      currency,
      magnitude: HAS_MAGNITUDE.test(raw),
      chinese,
      arabic: !chinese && /^[\d.,]+$/.test(raw),
      percent,
      negative,
      approx,
    });
  }
  return out;
}

/** The canonical string of a money figure: no exponent, no trailing zeros ("12000", "8333.33"). */
export function moneyString(value: Decimal): string {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
}

/** The canonical string of a plain decimal, e.g. a contribution index ("0.6", "1"). */
export function decimalString(value: Decimal): string {
  return value.toFixed();
}
