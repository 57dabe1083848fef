import { Decimal } from 'decimal.js';
import type { Slots } from '../slot-schema.js';
import { MAX_MATCHES, tick } from '../work.js';
import { decimalString, moneyString, scanNumbers, type NumberMatch } from './numbers.js';

/**
 * Which figure of a sentence is which: each keyword (月薪, 缴费基数, 社平工资...) claims the
 * nearest money figure after it (or just before it: 8000的工资), nearest pairs first, one figure
 * per slot and one slot per figure. "月薪8000 缴费基数5000 社平工资7570" gives all three.
 */

type MoneySlot =
  /** A pension received (养老金3000): claimed so that no other slot takes it, then dropped. */
  | 'pension'
  | 'monthlyIncome'
  | 'annualIncome'
  | 'contributionBase'
  | 'averageWage'
  | 'accountBalance'
  | 'medicalCost'
  | 'contributionIndex';

interface Cue {
  slot: MoneySlot;
  /** May claim a figure after the keyword / before it. */
  after: boolean;
  before: boolean;
  /** Only these words may stand between the keyword and its figure (default: a short gap). */
  gap?: RegExp;
  /** The whole text must also match this (花费 only counts as a medical cost near 住院...). */
  needs?: RegExp;
  /** ...and must not match this (每年花了3000交社保 is not a medical bill). */
  unless?: RegExp;
  /** Weak cues (一个月) do not count next to insurance words: 医保一个月500 is not a salary. */
  weak?: boolean;
}

const WEAK_GAP =
  /^(我|大概|大约|差不多|能|可以|有|是|就|才|也就|只有|税前|税后|到手|挣|赚|拿|收入|工资|能挣|能赚|能拿|:)*$/;
const MEDICAL_GAP = /^(一共|总共|共|大概|差不多|估计|可能|要|需要|得|花|花了|用了|费用|了|:)*$/;
const MEDICAL_CONTEXT = /住院|看病|医院|手术|治疗|医药|门诊|报销|生病|病|药|检查|大病/;

const CUES: Readonly<Record<string, Cue>> = {
  // monthly income
  月薪: { slot: 'monthlyIncome', after: true, before: true },
  月工资: { slot: 'monthlyIncome', after: true, before: true },
  月收入: { slot: 'monthlyIncome', after: true, before: true },
  月薪资: { slot: 'monthlyIncome', after: true, before: true },
  每月收入: { slot: 'monthlyIncome', after: true, before: true },
  每月工资: { slot: 'monthlyIncome', after: true, before: true },
  每个月工资: { slot: 'monthlyIncome', after: true, before: true },
  一个月工资: { slot: 'monthlyIncome', after: true, before: true },
  工资收入: { slot: 'monthlyIncome', after: true, before: true },
  工资: { slot: 'monthlyIncome', after: true, before: true },
  薪水: { slot: 'monthlyIncome', after: true, before: true },
  薪资: { slot: 'monthlyIncome', after: true, before: true },
  底薪: { slot: 'monthlyIncome', after: true, before: true },
  收入: { slot: 'monthlyIncome', after: true, before: true },
  月入: { slot: 'monthlyIncome', after: true, before: false },
  到手: { slot: 'monthlyIncome', after: true, before: false },
  税前: { slot: 'monthlyIncome', after: true, before: false },
  税后: { slot: 'monthlyIncome', after: true, before: false },
  实发: { slot: 'monthlyIncome', after: true, before: false },
  挣: { slot: 'monthlyIncome', after: true, before: false },
  赚: { slot: 'monthlyIncome', after: true, before: false },
  一个月: { slot: 'monthlyIncome', after: true, before: true, gap: WEAK_GAP, weak: true },
  每个月: { slot: 'monthlyIncome', after: true, before: true, gap: WEAK_GAP, weak: true },
  每月: { slot: 'monthlyIncome', after: true, before: true, gap: WEAK_GAP, weak: true },
  '/月': { slot: 'monthlyIncome', after: false, before: true, weak: true },
  salary: { slot: 'monthlyIncome', after: true, before: false },
  income: { slot: 'monthlyIncome', after: true, before: false },
  wage: { slot: 'monthlyIncome', after: true, before: false },
  // annual income, divided by 12
  年薪: { slot: 'annualIncome', after: true, before: true },
  年收入: { slot: 'annualIncome', after: true, before: true },
  年工资: { slot: 'annualIncome', after: true, before: true },
  年入: { slot: 'annualIncome', after: true, before: false },
  全年收入: { slot: 'annualIncome', after: true, before: true },
  年总收入: { slot: 'annualIncome', after: true, before: true },
  一年收入: { slot: 'annualIncome', after: true, before: true },
  一年工资: { slot: 'annualIncome', after: true, before: true },
  一年挣: { slot: 'annualIncome', after: true, before: false },
  一年赚: { slot: 'annualIncome', after: true, before: false },
  一年能挣: { slot: 'annualIncome', after: true, before: false },
  一年能赚: { slot: 'annualIncome', after: true, before: false },
  每年挣: { slot: 'annualIncome', after: true, before: false },
  每年赚: { slot: 'annualIncome', after: true, before: false },
  每年收入: { slot: 'annualIncome', after: true, before: true },
  一年下来: { slot: 'annualIncome', after: true, before: false, gap: WEAK_GAP },
  // contribution base
  缴费基数: { slot: 'contributionBase', after: true, before: true },
  缴费工资基数: { slot: 'contributionBase', after: true, before: true },
  缴费工资: { slot: 'contributionBase', after: true, before: true },
  工资基数: { slot: 'contributionBase', after: true, before: true },
  社保基数: { slot: 'contributionBase', after: true, before: true },
  养老基数: { slot: 'contributionBase', after: true, before: true },
  医保基数: { slot: 'contributionBase', after: true, before: true },
  申报基数: { slot: 'contributionBase', after: true, before: true },
  基数: { slot: 'contributionBase', after: true, before: true },
  // local average wage
  社平工资: { slot: 'averageWage', after: true, before: true },
  社平: { slot: 'averageWage', after: true, before: true },
  社会平均工资: { slot: 'averageWage', after: true, before: true },
  平均工资: { slot: 'averageWage', after: true, before: true },
  全口径平均工资: { slot: 'averageWage', after: true, before: true },
  在岗职工平均工资: { slot: 'averageWage', after: true, before: true },
  计发基数: { slot: 'averageWage', after: true, before: true },
  养老金计发基数: { slot: 'averageWage', after: true, before: true },
  // personal account balance
  个人账户余额: { slot: 'accountBalance', after: true, before: true },
  个人账户储存额: { slot: 'accountBalance', after: true, before: true },
  个人账户里有: { slot: 'accountBalance', after: true, before: false },
  个人账户里: { slot: 'accountBalance', after: true, before: false },
  个人账户有: { slot: 'accountBalance', after: true, before: false },
  个人账户: { slot: 'accountBalance', after: true, before: false },
  账户余额: { slot: 'accountBalance', after: true, before: true },
  账户里有: { slot: 'accountBalance', after: true, before: false },
  账户里: { slot: 'accountBalance', after: true, before: false },
  账户有: { slot: 'accountBalance', after: true, before: false },
  个账余额: { slot: 'accountBalance', after: true, before: true },
  余额: { slot: 'accountBalance', after: true, before: true },
  // medical bill
  医药费: { slot: 'medicalCost', after: true, before: true },
  医疗费: { slot: 'medicalCost', after: true, before: true },
  医疗费用: { slot: 'medicalCost', after: true, before: true },
  治疗费: { slot: 'medicalCost', after: true, before: true },
  治疗费用: { slot: 'medicalCost', after: true, before: true },
  住院费: { slot: 'medicalCost', after: true, before: true },
  住院费用: { slot: 'medicalCost', after: true, before: true },
  手术费: { slot: 'medicalCost', after: true, before: true },
  药费: { slot: 'medicalCost', after: true, before: true },
  检查费: { slot: 'medicalCost', after: true, before: true },
  门诊费: { slot: 'medicalCost', after: true, before: true },
  门诊费用: { slot: 'medicalCost', after: true, before: true },
  看病钱: { slot: 'medicalCost', after: true, before: true },
  总费用: { slot: 'medicalCost', after: true, before: true },
  bill: { slot: 'medicalCost', after: true, before: false },
  'medical cost': { slot: 'medicalCost', after: true, before: false },
  住院花了: { slot: 'medicalCost', after: true, before: false },
  看病花了: { slot: 'medicalCost', after: true, before: false },
  花了: { slot: 'medicalCost', after: true, before: false, unless: /交|缴|保费|买|学费|房|车/ },
  花费: { slot: 'medicalCost', after: true, before: true, needs: MEDICAL_CONTEXT },
  住院: { slot: 'medicalCost', after: true, before: false, gap: MEDICAL_GAP },
  看病: { slot: 'medicalCost', after: true, before: false, gap: MEDICAL_GAP },
  手术: { slot: 'medicalCost', after: true, before: false, gap: MEDICAL_GAP },
  做手术: { slot: 'medicalCost', after: true, before: false, gap: MEDICAL_GAP },
  治病: { slot: 'medicalCost', after: true, before: false, gap: MEDICAL_GAP },
  // pensions received: not an income, not a base
  养老金: { slot: 'pension', after: true, before: true },
  退休金: { slot: 'pension', after: true, before: true },
  退休工资: { slot: 'pension', after: true, before: true },
  养老钱: { slot: 'pension', after: true, before: true },
  // contribution index: claimed by its own rule below, listed here so that it blocks others
  缴费指数: { slot: 'contributionIndex', after: false, before: false },
  平均缴费指数: { slot: 'contributionIndex', after: false, before: false },
  指数: { slot: 'contributionIndex', after: false, before: false },
};

const KEYWORDS = new RegExp(
  Object.keys(CUES)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

/** What a number is followed by when it is not money: 2025年, 35岁, 15年, 3个, 5月, 二级... */
const NOT_MONEY_AFTER =
  /^(年|岁|周岁|个|月(?!薪)|天|日|号|级|档|次|倍|人|口|套|位|家|名|分钟|小时|公里|斤|公斤|平|层|楼|路|期|批|项|条|张|种|类|步|段|届|后|周|星期|点|甲|乙|险)/;
/** Words just before a figure that make it a payment, not an income or a base. */
const PAYMENT_BEFORE = /(交|缴|扣|付|领|报|补|退|划|存|发)了?$/;
/** Insurance words next to a weak cue: 医保一个月500 is a premium. */
const INSURANCE_NEAR = /医保|社保|养老|保险|保费|费|账户|余额|基数|社平|交|缴|扣|领/;
const LONG_GAP = 8;
const GAP_STOP = /[0-9,;!?~]|\.(?!\d)/;
const GAP_BLOCK: Partial<Record<MoneySlot, RegExp>> = {
  monthlyIncome: /交|缴|扣|领|付|报|花|补|退|划/,
  annualIncome: /交|缴|扣|领|付|报|花|补|退|划/,
  contributionBase: /领|花|报|退/,
  averageWage: /交|缴|领|花|报/,
  accountBalance: /交|缴|领|花|报|划|扣|补/,
  medicalCost: /交|缴|领|报|退|补/,
};
const BEFORE_GAP = /^(的|左右的|多的|一个月的|每月的|每个月的)?$/;

/** Sane limits; a figure outside is dropped, never clamped or passed on. */
const LIMITS: Record<Exclude<MoneySlot, 'contributionIndex' | 'pension'>, [number, number]> = {
  monthlyIncome: [0, 10_000_000],
  annualIncome: [0, 120_000_000],
  contributionBase: [1, 1_000_000],
  averageWage: [1, 1_000_000],
  accountBalance: [0, 100_000_000],
  medicalCost: [1, 100_000_000],
};

function isYearLike(m: NumberMatch): boolean {
  return (
    m.arabic &&
    !m.currency &&
    m.value.isInteger() &&
    m.value.gte(1900) &&
    m.value.lte(2100) &&
    m.raw.length === 4
  );
}

/** Could this figure be an amount of money at all? */
function moneyish(text: string, m: NumberMatch): boolean {
  if (m.percent) return false;
  if (m.chinese && !m.magnitude && !m.currency) return false; // 三甲, 一个
  if (NOT_MONEY_AFTER.test(text.slice(m.end))) return false;
  if (text[m.start - 1] === '第') return false;
  return true;
}

interface Keyword {
  start: number;
  end: number;
  word: string;
  cue: Cue;
}

interface Pair {
  slot: MoneySlot;
  amount: number;
  dist: number;
}

/** 养老金到手有三千, 退休后一个月能拿: an income word about a pension. */
const PENSION_BEFORE = /(养老金|退休金|退休工资|养老钱|退休后|退休了|领|能领)[^,;!?]{0,3}$/;

/** The text just before `at`, as far back as any phrase matched against its end can reach. */
function before(text: string, at: number, reach = 16): string {
  return text.slice(Math.max(0, at - reach), at);
}

function findKeywords(text: string): Keyword[] {
  const out: Keyword[] = [];
  KEYWORDS.lastIndex = 0;
  for (let m = KEYWORDS.exec(text); m && out.length < MAX_MATCHES; m = KEYWORDS.exec(text)) {
    tick();
    const cue = CUES[m[0]]!;
    if (cue.needs && !cue.needs.test(text)) continue;
    if (cue.unless?.test(text)) continue;
    if (cue.slot === 'monthlyIncome' && PENSION_BEFORE.test(before(text, m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, word: m[0], cue });
  }
  return out;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function pairAfter(text: string, kw: Keyword, amounts: NumberMatch[], keywords: Keyword[]) {
  const cue = kw.cue;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i]!;
    tick(1 + keywords.length);
    if (a.start < kw.end) continue;
    // years in between are dropped below, but no gap this long can be short enough
    if (a.start - kw.end > LONG_GAP * 5) return undefined;
    let gap = text.slice(kw.end, a.start);
    // a year in between does not separate: 社平工资2025年是7500
    gap = gap.replace(/\d{4}年(的)?/g, '');
    if (gap.length > LONG_GAP || GAP_STOP.test(gap)) return undefined;
    if (keywords.some((k) => k !== kw && k.start >= kw.end && k.end <= a.start)) return undefined;
    if (!moneyish(text, a)) {
      if (isYearLike(a) || a.percent) continue;
      return undefined;
    }
    const g = gap.trim();
    if (cue.gap ? !cue.gap.test(g) : GAP_BLOCK[cue.slot]?.test(g)) return undefined;
    if (cue.weak) {
      const lead = text.slice(Math.max(0, kw.start - 4), kw.start);
      const tail = text.slice(a.end, a.end + 4);
      if (INSURANCE_NEAR.test(lead.split(/[,;!?]/).pop() ?? '')) return undefined;
      if (/^的?(医保|社保|保费|养老|费)/.test(tail)) return undefined;
    }
    return { slot: cue.slot, amount: i, dist: g.length };
  }
  return undefined;
}

function pairBefore(text: string, kw: Keyword, amounts: NumberMatch[]) {
  for (let i = amounts.length - 1; i >= 0; i--) {
    const a = amounts[i]!;
    tick();
    if (a.end > kw.start) continue;
    const gap = text.slice(a.end, kw.start).trim();
    if (!BEFORE_GAP.test(gap)) return undefined;
    if (!moneyish(text, a) || isYearLike(a)) return undefined;
    if (PAYMENT_BEFORE.test(text.slice(Math.max(0, a.start - 3), a.start))) return undefined;
    if (kw.cue.weak) {
      // 8000一个月, 1.2万每月: a real amount, not 139每月 of a formula
      if (!a.currency && !a.magnitude && a.value.lt(1000)) return undefined;
      const lead = text.slice(Math.max(0, a.start - 4), a.start);
      if (INSURANCE_NEAR.test(lead.split(/[,;!?]/).pop() ?? '')) return undefined;
    }
    return { slot: kw.cue.slot, amount: i, dist: gap.length + 0.5 };
  }
  return undefined;
}

/** 按5000交 / 按照8000的基数缴: a contribution base without the word 基数 in front. */
function baseByAn(text: string, amounts: NumberMatch[], used: Set<number>): number | undefined {
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i]!;
    if (used.has(i) || !moneyish(text, a) || isYearLike(a)) continue;
    if (!/按(照)?(每月)?$/.test(text.slice(Math.max(0, a.start - 4), a.start))) continue;
    if (/^(的)?(基数|标准|档)?(来)?(交|缴|参保|买)/.test(text.slice(a.end))) return i;
  }
  return undefined;
}

/** 3万能报多少: the bill whose reimbursement is asked about. */
function costByReimburse(
  text: string,
  amounts: NumberMatch[],
  used: Set<number>,
): number | undefined {
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i]!;
    if (used.has(i) || !moneyish(text, a) || isYearLike(a)) continue;
    if (PAYMENT_BEFORE.test(text.slice(Math.max(0, a.start - 3), a.start))) continue;
    if (
      /^(的费用|的)?(能|可以|可|大概|一共)?报(销)?(多少|几|百分之|吗|了多少)/.test(
        text.slice(a.end),
      )
    )
      return i;
  }
  return undefined;
}

/** Anything in the sentence that makes a lone figure something else than an income. */
const NOT_INCOME_CONTEXT =
  /交|缴|扣|付|领|报|花|补|退|存|费|卡|账户|余额|贷|养老|退休金|医药|住院|看病|基数|社平|指数|档|医保|社保|保险|农合|农保|医疗/;

/**
 * An income said without an income word next to it: a lone figure with 元/块 in a sentence that
 * has an income verb (我挣得不多,也就3000块), or a lone figure written as money (10k, 1.2w,
 * 8000元) among profile facts with nothing that makes it a payment or a bill (61岁 北京 10k).
 */
function incomeByVerb(text: string, amounts: NumberMatch[], used: Set<number>): number | undefined {
  const free = amounts
    .map((a, i) => ({ a, i }))
    .filter(
      ({ a, i }) =>
        !used.has(i) &&
        moneyish(text, a) &&
        !PAYMENT_BEFORE.test(text.slice(Math.max(0, a.start - 3), a.start)),
    );
  if (free.length !== 1) return undefined;
  const { a, i } = free[0]!;
  if (/挣|赚|工资|月薪|收入|薪/.test(text) && (a.currency || a.magnitude)) return i;
  const moneyUnit = a.currency || /[kw]$/.test(a.raw);
  if (moneyUnit && !NOT_INCOME_CONTEXT.test(text)) return i;
  return undefined;
}

/**
 * The contribution index: 缴费指数0.6, 按60%档, 60%的档次, 百分之六十档, 按100%交, 0.6档.
 * A percentage becomes a fraction; an index above 3 (300 %) is impossible and dropped.
 */
function contributionIndex(text: string, all: NumberMatch[], keywords: Keyword[]) {
  const candidates: Decimal[] = [];
  for (const kw of keywords) {
    if (kw.cue.slot !== 'contributionIndex') continue;
    tick(all.length);
    const a = all.find((m) => m.start >= kw.end);
    if (!a || a.negative) continue;
    const gap = text.slice(kw.end, a.start).trim();
    if (!/^(是|为|大概|大约|约|按|只有|有|:)*$/.test(gap)) continue;
    if (a.chinese && !a.percent && !/[点]/.test(a.raw)) continue;
    candidates.push(a.percent ? a.value.div(100) : a.value);
  }
  for (const a of all) {
    tick();
    if (a.negative) continue;
    const after = text.slice(a.end, a.end + 16);
    const tier = /^(的)?(档|档次|缴费档次)/.test(after);
    if (a.percent) {
      // tiers run from 60 % to 300 %; 8 %, 9 % are rates; 60%到300% is the range itself
      if (a.value.lt(40) || a.value.gt(300)) continue;
      if (/^(到|至|-|~)/.test(after) || /(到|至|-|~)$/.test(before(text, a.start, 1))) continue;
      const clause =
        before(text, a.start)
          .split(/[,;!?]/)
          .pop() ?? '';
      const payVerb = /^(的)?(基数)?(来)?(交|缴|缴费|缴纳|参保)/.test(after);
      const ofBase = /(基数|档次)(是|为|按|选|选择)?(社平(工资)?的)?$/.test(clause);
      if (tier || ofBase || (payVerb && /按|选/.test(clause))) candidates.push(a.value.div(100));
    } else if (tier && a.arabic) {
      // 0.6档 is an index; 60档 means 60 %
      if (a.value.lte(3)) candidates.push(a.value);
      else if (a.value.isInteger() && a.value.gte(40) && a.value.lte(300))
        candidates.push(a.value.div(100));
    }
  }
  const first = candidates[0];
  if (!first || first.lte(0) || first.gt(3)) return undefined;
  return decimalString(first);
}

export function extractMoney(text: string, _now?: Date): Partial<Slots> {
  const all = scanNumbers(text);
  const keywords = findKeywords(text);
  const out: Partial<Slots> = {};

  const index = contributionIndex(text, all, keywords);
  if (index !== undefined) out.contributionIndex = index;

  // figures inside a keyword (the 一 of 一个月) are not figures
  tick(all.length * keywords.length);
  const amounts = all.filter((a) => !keywords.some((k) => overlaps(a, k)));

  const pairs: Pair[] = [];
  for (const kw of keywords) {
    if (kw.cue.after) {
      const p = pairAfter(text, kw, amounts, keywords);
      if (p) pairs.push(p);
    }
    if (kw.cue.before) {
      const p = pairBefore(text, kw, amounts);
      if (p) pairs.push(p);
    }
  }
  pairs.sort((a, b) => a.dist - b.dist);

  const chosen = new Map<MoneySlot, NumberMatch>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (chosen.has(p.slot) || used.has(p.amount)) continue;
    chosen.set(p.slot, amounts[p.amount]!);
    used.add(p.amount);
  }
  if (!chosen.has('contributionBase')) {
    const i = baseByAn(text, amounts, used);
    if (i !== undefined) {
      chosen.set('contributionBase', amounts[i]!);
      used.add(i);
    }
  }
  if (!chosen.has('medicalCost')) {
    const i = costByReimburse(text, amounts, used);
    if (i !== undefined) {
      chosen.set('medicalCost', amounts[i]!);
      used.add(i);
    }
  }
  if (!chosen.has('monthlyIncome') && !chosen.has('annualIncome')) {
    const i = incomeByVerb(text, amounts, used);
    if (i !== undefined) {
      chosen.set('monthlyIncome', amounts[i]!);
      used.add(i);
    }
  }

  const value = (
    slot: Exclude<MoneySlot, 'contributionIndex' | 'pension'>,
  ): Decimal | undefined => {
    const m = chosen.get(slot);
    if (!m || m.negative) return undefined;
    const [lo, hi] = LIMITS[slot];
    if (m.value.lt(lo) || m.value.gt(hi)) return undefined;
    return m.value;
  };

  const monthly = value('monthlyIncome');
  const annual = value('annualIncome');
  if (monthly) out.monthlyIncome = moneyString(monthly);
  else if (annual) out.monthlyIncome = moneyString(annual.div(12));
  const base = value('contributionBase');
  if (base) out.contributionBase = moneyString(base);
  const wage = value('averageWage');
  if (wage) out.averageWage = moneyString(wage);
  const balance = value('accountBalance');
  if (balance) out.accountBalance = moneyString(balance);
  const cost = value('medicalCost');
  if (cost) out.medicalCost = moneyString(cost);
  return out;
}
