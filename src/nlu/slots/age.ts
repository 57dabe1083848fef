import type { Slots } from '../slot-schema.js';
import { MAX_MATCHES, tick } from '../work.js';
import { parseInteger, parseNumeral } from './numbers.js';

/**
 * Age and birth date, the statutory retirement age, years of contribution and the policy year.
 * They share numerals and the word 年, so they are read together: each phrase is claimed once,
 * most specific first (60岁退休 is a retirement age, not an age; 1975年出生 a birth year, not a
 * policy year; 交了15年 a count of years, neither).
 */

/** A small numeral (35, 三十五, 六十) captured as group `n`. */
const N = String.raw`(?<n>\d{1,3}|[零〇一二两三四五六七八九十]{1,4})`;
/** A four-digit year in Arabic or Chinese digits, group `y`. */
const Y4 = String.raw`(?<y>\d{4}|[零〇一二三四五六七八九]{4})`;
/** A two-digit year (75 for 1975), group `y`. */
const Y2 = String.raw`(?<y>\d{2}|[零〇一二三四五六七八九]{2})`;
const MONTH = String.raw`(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})`;
/** 生 of a birth, not of 生育, 生活, 生效... */
const SHENG = String.raw`生(?![育活病效产意日命存源])`;
/** Where "75年的" can stand for a birth year: at a clause start or after 我, 是, 我妈... */
const SELF = String.raw`(?<=^|是|我|人|妈|爸|他|她|哥|姐|弟|妹|公|婆|父|母|伴|娘|爹|夫|妻|儿|女|[,;!?. ])`;
/** After a birth date given bare (西安 1976年8月 男, 1974年 工人). */
const BARE_END = String.raw`(?=$|[,;!?. ]|男|女|的|人|出头)`;

function re(source: string): RegExp {
  return new RegExp(source, 'dg');
}

const RETIRE_PATTERNS: readonly RegExp[] = [
  re(
    String.raw`(?<![\d.])${N}(?:周岁|岁)?(?:才|就|能|可以|可|要|该|时|的时候|再|正式)?(?:退休|退)(?!费|保|钱|款|税|货|回|还)`,
  ),
  // 延迟退休男的63岁, 退休年龄是60岁
  re(
    String.raw`(?:延迟|推迟)?退休(?:的)?(?:年龄)?(?:后|到|以后|是|为|改成|变成)?(?:男的?|女的?|男性|女性)?(?:是|要|就|得)?${N}(?:周岁|岁)`,
  ),
  re(String.raw`退休(?:的)?年龄(?:是|为|:|到|延迟到|推迟到|改成|变成)?${N}(?:周岁|岁)?`),
  re(String.raw`(?:延迟|推迟|延长)(?:退休)?(?:到|至)${N}(?:周岁|岁)?`),
];

/** 2030年退休, 打算2035年退: the year the person retires (never a policy or birth year). */
const RETIRE_YEAR: readonly RegExp[] = [
  re(
    String.raw`(?<![\d])${Y4}年(?:底|初|中|左右)?(?:就|才|能|可以|可|要|该|正式|准备|打算|的时候|时)?(?:退休|退)(?!费|保|钱|款|税|货|回|还)`,
  ),
  re(String.raw`(?:退休(?:时间|年份)?(?:是|在|于|为)|(?:打算|准备|计划)在?)${Y4}年(?:退休|退)?`),
  // 28年就退休了: two digits, this century
  re(
    String.raw`(?<![\d])${Y2}年(?:底|初)?(?:就|才|能|要|该|正式|准备|打算)(?:退休|退)(?!费|保|钱|款|税|货|回|还)`,
  ),
];

function retirementYear(text: string, claims: Claims): number | undefined {
  for (const pattern of RETIRE_YEAR) {
    for (const m of matches(pattern, text)) {
      const raw = yearOf(m.groups!.y!);
      const y = raw !== undefined && raw < 100 ? 2000 + raw : raw;
      claims.take(span(m));
      return y !== undefined && y >= 1950 && y <= 2100 ? y : undefined;
    }
  }
  return undefined;
}

interface BirthPattern {
  re: RegExp;
  /** Said without 出生/生: only a year long enough ago is a birth year (2025年的 is not). */
  bare?: boolean;
}

const BIRTH_YM: readonly BirthPattern[] = [
  { re: re(String.raw`${Y4}年${MONTH}月(?:\d{1,2}[日号])?份?(?:出${SHENG}|${SHENG})`) },
  {
    re: re(
      String.raw`(?<![\d交缴了满够])${Y2}年${MONTH}月(?:\d{1,2}[日号])?份?(?:出${SHENG}|${SHENG})`,
    ),
  },
  {
    re: re(String.raw`(?:出生于|生于|出生在|出生年月(?:是|为|:)?|生日(?:是|:)?)${Y4}年${MONTH}月`),
  },
  {
    re: re(
      String.raw`(?:出生于|生于|出生在|出生年月(?:是|为|:)?|生日(?:是|:)?)(?<y>\d{4})[.\-/](?<m>\d{1,2})(?![\d.万千元块kw%])`,
    ),
  },
  // 1975.5, 1975-05, 1975/5出生
  {
    re: re(
      String.raw`(?<![\d.])(?<y>\d{4})[.\-/](?<m>\d{1,2})(?![\d.万千元块kw%])(?:[.\-/]\d{1,2})?(?:出生|${SHENG})`,
    ),
  },
  {
    re: re(
      String.raw`(?<![\d.薪资入数额费平到手账户用了花了])(?<y>\d{4})[.\-/](?<m>\d{1,2})(?![\d.万千元块kw%])(?:[.\-/]\d{1,2})?`,
    ),
    bare: true,
  },
  // 西安 1976年8月 男
  { re: re(String.raw`(?<![\d])(?<y>\d{4})年${MONTH}月份?${BARE_END}`), bare: true },
  // 我是76年10月的女工人
  { re: re(String.raw`${SELF}${Y2}年${MONTH}月份?的`), bare: true },
  // 女的 75年3月 工人
  { re: re(String.raw`${SELF}${Y2}年${MONTH}月份?${BARE_END}`), bare: true },
];

/** 孩子今年8月出生的: a birth this year or last. */
const RELATIVE_BIRTH = re(
  String.raw`(?<rel>今年|去年|前年)${MONTH}月份?(?:\d{1,2}[日号])?(?:出${SHENG}|${SHENG})`,
);

/** 5月出生, 生日是12月: the month without the year. */
const BIRTH_MONTH_ONLY = re(
  String.raw`(?<cue>生日(?:是|在)?)?(?<![\d年])${MONTH}月份?(?:\d{1,2}[日号])?(?<after>出${SHENG}|${SHENG}(?:日)?)?`,
);

const BIRTH_Y: readonly BirthPattern[] = [
  { re: re(String.raw`${Y4}年?(?:出生|生的|生人|${SHENG})`) },
  { re: re(String.raw`(?:出生于|生于|出生在|出生年份(?:是|为|:)?)${Y4}年?`) },
  { re: re(String.raw`(?<![\d交缴了满够])${Y2}年(?:出生|生的|生人|${SHENG})`) },
  // 我是1975年的 / 75年的,男: said of oneself
  { re: re(String.raw`${SELF}${Y4}年的(?=$|[,;!?. ]|男|女|人|呀|啊|哦)`), bare: true },
  { re: re(String.raw`${SELF}${Y2}年的(?=$|[,;!?. ]|男|女|人|呀|啊|哦)`), bare: true },
  // 女 1974年 工人
  { re: re(String.raw`(?<![\d])(?<y>\d{4})年${BARE_END}`), bare: true },
  // 查一下我几岁退休 男 82年
  {
    re: re(String.raw`(?<=^|是|我|[男女](?:的|性)?[,; ]?|[,;])${Y2}年(?=$|[,;!?. ]|男|女|人)`),
    bare: true,
  },
  // born in 1978, born 1973
  { re: re(String.raw`born (?:in )?(?<y>\d{4})`) },
];

/** 交了15年, 缴了十年, 缴费15年, 交了15年零3个月, 交了三年半, 缴费年限15年, 有15年社保. */
const CONTRIB_PATTERNS: readonly RegExp[] = [
  re(
    String.raw`(?:交|缴|缴费|缴纳|参保|买)(?:了|过)?(?:社保|养老|养老保险|医保)?${N}年(?<half>半)?(?:零?(?<months>\d{1,2}|[一二三四五六七八九十]{1,2})个月)?`,
  ),
  re(String.raw`缴费年限(?:是|为|有|:|已经|已)?${N}年(?<half>半)?`),
  re(String.raw`(?:有|了|共)${N}年(?<half>半)?(?:的)?(?:缴费|社保|养老保险|养老|医保)`),
];
/** 已经交满15年 / 交够15年了: done; 要交满15年: a rule. */
const CONTRIB_FULL = re(
  String.raw`(?<done>已经|已)?(?:交|缴|缴费)(?:满|够)${N}年(?<half>半)?(?<le>了)?`,
);
/** 必须连续交15年吗: a rule, unless it was done (交了). */
const CONTRIB_RULE = /必须|需要|要求|规定|是否|是不是/;
/** Right before a count of years these make it a rule or a remainder, not what was paid. */
const CONTRIB_NOT_BEFORE =
  /(最少|至少|最低|需要|必须|要求|满|够|不满|不够|不足|差|还要|还差|再|还需|还得|要|得|规定|可以|能|断|停|欠|漏|少)$/;

const POLICY_WORDS = String.raw`(?:居民|职工|医保|社保|养老|灵活|城乡|新农合|缴费|社平|标准|基数|最低|最高|医疗|报销|政策|年度|交|缴)`;
const POLICY_NOUNS = String.raw`(?:居民|职工|医保|社保|养老|灵活|城乡|新农合|社平|年度)`;
const YEAR_PATTERNS: readonly RegExp[] = [
  re(String.raw`(?<!\d)(?<y>\d{4})年(?!出生|${SHENG}|退休|参加工作|工作|参保|入职|毕业|结婚|开始)`),
  // 2025居民医保, 问一下2025的社平: only where a year can start (not 每月领2000养老金)
  re(
    String.raw`(?:(?<![\d\u4e00-\u9fff])|(?<=[是问查看那从到说讲想在下]))(?<y>\d{4})(?:的)?(?=${POLICY_NOUNS})`,
  ),
  re(String.raw`(?<![\d交缴了满够])(?<y>\d{2})年(?:度)?(?:的)?(?=${POLICY_WORDS})`),
];
/** 前年 and 后年 are left out: 以后年限, 之前年份... */
const RELATIVE_YEARS: Readonly<Record<string, number>> = {
  去年: -1,
  今年: 0,
  明年: 1,
};

const AGE_PATTERNS: readonly RegExp[] = [
  re(String.raw`${N}(?:周岁|岁)`),
  re(String.raw`今年(?:刚|才|已经|都|刚好|正好|刚满|满)?${N}(?![\d年月号日])`),
  re(String.raw`(?<!退休|退休的)(?:年龄|岁数)(?:是|为|:|有)?${N}(?![\d年])`),
  // 我55,女 / 女 48 / 男性,三十七 / 我妈62了: a bare two-digit age next to the person
  re(
    String.raw`(?<=我|妈|爸|[男女](?:的|性|士)?[,; ]?)(?<n>[1-9]\d|[二三四五六七八九]十[一二三四五六七八九]?)(?=了|$|[,; ])`,
  ),
  // 39 城市户口 在上饶 / 五保户 39: a two-digit number standing alone among profile facts
  // (not a whole message of Arabic digits: 88 is "bye-bye"; 三十八 alone is an age)
  re(
    String.raw`(?<=^|[,; ])(?<n>[1-9]\d|[二三四五六七八九]十[一二三四五六七八九]?)(?=了?[,; ]|了?$)(?<!^\d\d(?=$))`,
  ),
];
const AGE_NOT_BEFORE =
  /(到|至|等到|超过|不到|未满|低于|高于|大于|小于|-|~|以上|以下|还是|或者|或)$/;
/** 60岁以上, 60岁能领, 50岁还是55岁: not the person's age. */
const AGE_NOT_AFTER =
  /^(以上|以下|以后|之后|后|前|之前|以前|的时候|时|开始|起|之间|到|至|-|~|还是|或|能领|能拿|可以领|开始领|领|拿|才能|就能|能)/;

interface Span {
  start: number;
  end: number;
}

class Claims {
  private readonly spans: Span[] = [];
  taken(s: Span): boolean {
    tick(this.spans.length);
    return this.spans.some((t) => s.start < t.end && t.start < s.end);
  }
  take(s: Span): void {
    this.spans.push(s);
  }
}

/** The matches of `pattern` in `text`, the first MAX_MATCHES of them. */
function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  let count = 0;
  for (let m = pattern.exec(text); m && count < MAX_MATCHES; m = pattern.exec(text)) {
    tick();
    count++;
    yield m;
    if (m[0].length === 0) pattern.lastIndex++;
  }
}

function span(m: RegExpExecArray): Span {
  return { start: m.index, end: m.index + m[0].length };
}

/** Where named group `name` starts (the `d` flag gives the indices). */
function groupStart(m: RegExpExecArray, name: string): number {
  return m.indices?.groups?.[name]?.[0] ?? m.index;
}

/** A birth year given without 出生/生 must be at least this many years ago. */
const ADULT = 15;

function yearOf(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  const v = parseNumeral(raw);
  return v && v.isInteger() ? v.toNumber() : undefined;
}

/** 75 -> 1975, 05 -> 2005: the latest such year not after `now`. */
export function fullYear(twoDigits: number, now: Date): number {
  const y = now.getFullYear();
  const candidate = Math.floor(y / 100) * 100 + twoDigits;
  return candidate > y ? candidate - 100 : candidate;
}

function monthOf(raw: string): number | undefined {
  const n = parseInteger(raw);
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

function retirementAge(text: string, claims: Claims): number | undefined {
  for (const pattern of RETIRE_PATTERNS) {
    for (const m of matches(pattern, text)) {
      const n = parseInteger(m.groups!.n!);
      claims.take(span(m));
      // named but impossible (100岁退休): dropped, not passed on
      return n !== undefined && n >= 40 && n <= 75 ? n : undefined;
    }
  }
  return undefined;
}

function birth(
  text: string,
  now: Date,
  claims: Claims,
): { birthYear?: number; birthMonth?: number } {
  const thisYear = now.getFullYear();
  const ok = (y: number | undefined): y is number => y !== undefined && y >= 1900 && y <= thisYear;
  for (const { re: pattern, bare } of BIRTH_YM) {
    for (const m of matches(pattern, text)) {
      const g = m.groups!;
      let y = yearOf(g.y!);
      if (y !== undefined && g.y!.length === 2) y = fullYear(y, now);
      const month = monthOf(g.m!);
      if (!ok(y) || month === undefined || (bare && y > thisYear - ADULT)) continue;
      claims.take(span(m));
      return { birthYear: y, birthMonth: month };
    }
  }
  for (const m of matches(RELATIVE_BIRTH, text)) {
    const month = monthOf(m.groups!.m!);
    if (month === undefined) continue;
    const back = m.groups!.rel === '今年' ? 0 : m.groups!.rel === '去年' ? 1 : 2;
    claims.take(span(m));
    return { birthYear: thisYear - back, birthMonth: month };
  }
  for (const { re: pattern, bare } of BIRTH_Y) {
    for (const m of matches(pattern, text)) {
      const raw = m.groups!.y!;
      let y = yearOf(raw);
      if (y !== undefined && raw.length === 2) y = fullYear(y, now);
      if (!ok(y) || (bare && y > thisYear - ADULT)) continue;
      claims.take(span(m));
      return { birthYear: y, ...birthMonthOnly(text, claims) };
    }
  }
  return birthMonthOnly(text, claims);
}

/** 5月出生, 生日是12月: the birth month said apart from the year (or without it). */
function birthMonthOnly(text: string, claims: Claims): { birthMonth?: number } {
  for (const m of matches(BIRTH_MONTH_ONLY, text)) {
    if (claims.taken(span(m)) || (!m.groups!.cue && !m.groups!.after)) continue;
    const month = monthOf(m.groups!.m!);
    if (month === undefined) continue;
    claims.take(span(m));
    return { birthMonth: month };
  }
  return {};
}

function contributionYears(text: string, claims: Claims): number | undefined {
  const found: { at: number; value: number | undefined; span: Span }[] = [];
  const consider = (m: RegExpExecArray, full: boolean) => {
    const s = span(m);
    if (claims.taken(s)) return;
    const g = m.groups!;
    const lead = text.slice(Math.max(0, s.start - 4), s.start);
    if (full) {
      // 交满15年 is a rule unless it is done (已经交满15年, 交够15年了) or a premise
      // (交够15年能领多少)
      const premise =
        /^(能领|能拿|可以领|可以拿|领|的话|以后能|后能|退休|每月|每个月|一个月|就能)/.test(
          text.slice(s.end),
        );
      if (/(没|未|不|没有)$/.test(lead)) return;
      if (!g.done && !g.le && !premise && !/已经|已/.test(lead)) return;
    } else if (CONTRIB_NOT_BEFORE.test(lead)) return;
    else if (
      !/了|过/.test(m[0]) &&
      CONTRIB_RULE.test(text.slice(Math.max(0, s.start - 6), s.start))
    )
      return;
    const years = parseInteger(g.n!);
    if (years === undefined) return;
    // 交医保一年多少: 一年 without 了 is "a year", a period, not years paid
    if (years === 1 && !full && !/了|过/.test(m[0])) return;
    let value: number | undefined = years + (g.half ? 0.5 : 0);
    if (g.months) {
      const months = parseInteger(g.months);
      value =
        months === undefined || months > 11
          ? undefined
          : value + Math.round((months / 12) * 100) / 100;
    }
    found.push({ at: s.start, value, span: s });
  };
  for (const pattern of CONTRIB_PATTERNS)
    for (const m of matches(pattern, text)) consider(m, false);
  for (const m of matches(CONTRIB_FULL, text)) consider(m, true);
  found.sort((a, b) => a.at - b.at);
  const first = found[0];
  if (!first) return undefined;
  claims.take(first.span);
  const v = first.value;
  return v !== undefined && v >= 0 && v <= 60 ? v : undefined;
}

function policyYear(text: string, now: Date, claims: Claims): number | undefined {
  const thisYear = now.getFullYear();
  for (const pattern of YEAR_PATTERNS) {
    const twoDigits = pattern === YEAR_PATTERNS[2];
    for (const m of matches(pattern, text)) {
      const raw = m.groups!.y!;
      const start = groupStart(m, 'y');
      const s = { start, end: start + raw.length };
      if (claims.taken(s)) continue;
      const y = twoDigits ? 2000 + Number(raw) : Number(raw);
      // 25年医保: a two-digit year only near now; four digits back to 2000
      const ok = twoDigits
        ? y >= thisYear - 10 && y <= thisYear + 2
        : y >= 2000 && y <= thisYear + 5;
      if (!ok) continue;
      claims.take(s);
      return y;
    }
  }
  for (const [word, delta] of Object.entries(RELATIVE_YEARS)) {
    let seen = 0;
    for (
      let i = text.indexOf(word);
      i >= 0 && seen++ < MAX_MATCHES;
      i = text.indexOf(word, i + word.length)
    ) {
      tick();
      const after = text.slice(i + word.length, i + word.length + 8);
      // 今年35, 今年三十五岁, 今年退休, 今年出生: about the person, not the policy year
      if (/^(是|有|才|就|已经|满|刚)?([\d零〇一二两三四五六七八九十]|退休|出生|生|刚)/.test(after))
        continue;
      if (claims.taken({ start: i, end: i + word.length })) continue;
      return thisYear + delta;
    }
  }
  return undefined;
}

function age(text: string, claims: Claims): number | undefined {
  for (const pattern of AGE_PATTERNS) {
    for (const m of matches(pattern, text)) {
      const s = span(m);
      if (claims.taken(s)) continue;
      const start = groupStart(m, 'n');
      const before = text.slice(Math.max(0, start - 3), start);
      const after = text.slice(s.end);
      if (AGE_NOT_BEFORE.test(before)) continue;
      if (/满$/.test(before) && !after.startsWith('了')) continue;
      if (AGE_NOT_AFTER.test(after)) continue;
      const n = parseInteger(m.groups!.n!);
      claims.take(s);
      return n !== undefined && n >= 0 && n <= 120 ? n : undefined;
    }
  }
  return undefined;
}

export function extractAge(text: string, now: Date = new Date()): Partial<Slots> {
  const out: Partial<Slots> = {};
  const claims = new Claims();
  const retire = retirementAge(text, claims);
  if (retire !== undefined) out.retirementAge = retire;
  const retireYear = retirementYear(text, claims);
  if (retireYear !== undefined) out.retirementYear = retireYear;
  const b = birth(text, now, claims);
  if (b.birthYear !== undefined) out.birthYear = b.birthYear;
  if (b.birthMonth !== undefined) out.birthMonth = b.birthMonth;
  const years = contributionYears(text, claims);
  if (years !== undefined) out.contributionYears = years;
  const y = policyYear(text, now, claims);
  if (y !== undefined) out.year = y;
  const a = age(text, claims);
  if (a !== undefined) out.age = a;
  else if (b.birthYear !== undefined) {
    // the age in the calendar year of `now` (the birth month does not change it)
    const computed = now.getFullYear() - b.birthYear;
    if (computed >= 0 && computed <= 120) out.age = computed;
  }
  return out;
}
