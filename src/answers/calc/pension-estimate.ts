import { Decimal } from 'decimal.js';
import {
  accountDivisor,
  CalcInputError,
  contributionYears,
  formatMoney,
  formatNumber,
  formatPct,
  pensionEstimate as estimate,
} from '../../calc/index.js';
import type { Slots } from '../../nlu/slot-schema.js';
import {
  interestRates,
  pensionBase,
  pensionCalcBase,
  pensionDivisor,
  pensionRates,
  type Policies,
  type Resolved,
} from '../../policies/index.js';
import type { CalcContext, CalcReply } from '../answerer.js';
import { caveats, citeSources, placeName, policyYear, regionCode } from './common.js';
import { pensionScheme } from './contribution-kind.js';
import { residentPensionEstimate } from './resident-pension-estimate.js';
import {
  ageZh,
  birthOf,
  divisorTable,
  minimumYearsSchedule,
  monthsZh,
  groupsFor,
  GROUP_LABEL,
  reformRules,
  retirementFor,
} from './retirement-common.js';

interface RetireAt {
  years: number;
  months: number;
  text: string;
  resolved: Resolved<unknown>[];
  /** The calendar year of retirement, when the birth or a stated retirement year tells it. */
  year?: number;
}

/** The retirement age: the slot, else the statutory age from gender and birth, else 60 (stated). */
function retireAt(p: Policies, slots: Slots, now: Date): RetireAt {
  const stated =
    slots.retirementYear ??
    (slots.birthYear !== undefined && slots.retirementAge !== undefined
      ? slots.birthYear + slots.retirementAge
      : undefined);
  const withYear = (r: Omit<RetireAt, 'year'>, year = stated): RetireAt =>
    year === undefined ? r : { ...r, year };
  if (slots.retirementAge !== undefined) {
    return withYear({
      years: slots.retirementAge,
      months: 0,
      text: `按你说的${slots.retirementAge}岁退休`,
      resolved: [],
    });
  }
  const groups = groupsFor(slots);
  const birth = birthOf(slots, now);
  const reform = reformRules(p);
  if (groups.length > 0 && birth && reform) {
    const group = groups[0]!;
    const month = birth.months.length === 1 ? birth.months[0]! : 1;
    const r = retirementFor(reform.rules, group, birth.year, month);
    if (r) {
      const assumed = [
        groups.length > 1 ? '按女工人（原50岁）' : `按${GROUP_LABEL[group]}`,
        birth.months.length > 1 ? `${birth.year}年1月出生` : `${birth.year}年${month}月出生`,
      ].join('、');
      return withYear(
        {
          years: r.statutory.years,
          months: r.statutory.months,
          text: `按法定退休年龄${ageZh(r.statutory.years, r.statutory.months)}退休（${assumed}计算）`,
          resolved: reform.entries.filter((e) => e.value.group === group),
        },
        Number(r.statutory.month.slice(0, 4)),
      );
    }
  }
  return withYear(
    { years: 60, months: 0, text: '没有你的退休年龄，按60岁退休估算', resolved: [] },
    stated ?? (slots.birthYear !== undefined ? slots.birthYear + 60 : undefined),
  );
}

/**
 * Whether the years paid reach the minimum for the retirement year, and what can be done when
 * they do not: a monthly pension is paid only once the minimum is met (issue 12).
 */
function qualification(p: Policies, years: number, retire: RetireAt): string[] {
  const schedule = minimumYearsSchedule(p);
  if (schedule.length === 0) return [];
  if (retire.year === undefined) {
    return new Decimal(years).lt(20)
      ? [
          `注意：没有你的出生年月或退休年份，没有核对最低缴费年限（2029年及以前退休需15年，之后每年加半年，2039年起需20年）；不满最低年限不能按月领取。`,
        ]
      : [];
  }
  const c = contributionYears({ paidYears: years, retirementYear: retire.year, schedule });
  if (c.met)
    return [
      `· ${retire.year}年退休最低需缴费${monthsZh(c.requiredMonths)}，你的${formatNumber(years)}年已满`,
    ];
  return [
    `注意：${retire.year}年退休，领取按月养老金最低需缴费${monthsZh(c.requiredMonths)}，你的${formatNumber(years)}年还差${monthsZh(c.shortfall.totalMonths)}。不满不能按月领取，上面的金额要缴满后才能领到；可以继续缴费（到龄后延长缴费）至满，符合当地规定的也可一次性补缴，或转入城乡居民养老保险。`,
  ];
}

/** A monthly basic + personal-account pension estimate (国发〔2005〕38号). */
export function pensionEstimate(
  p: Policies,
  { slots, defaulted, now, scheme, tier }: CalcContext,
): CalcReply {
  try {
    if (pensionScheme(slots, scheme) === 'resident') {
      const assumed = scheme
        ? ''
        : '（按城乡居民养老保险估算；如果交的是职工养老保险，请告诉我）\n';
      return {
        text: assumed + residentPensionEstimate(p, slots, now, tier),
        bureau: 'pension',
      };
    }
    return { text: build(p, slots, defaulted, now), bureau: 'pension' };
  } catch (e) {
    if (!(e instanceof CalcInputError)) throw e;
    return {
      text: '这组数字没法算出养老金（例如退休年龄超出计发月数表40–70岁的范围，或金额不是有效数字）。请核对后再告诉我。',
      bureau: 'pension',
    };
  }
}

/** 个人账户那部分每月能领多少: the account part alone, from the balance and the retirement age. */
function accountOnly(p: Policies, slots: Slots, now: Date): string | undefined {
  const balance = slots.accountBalance;
  const table = divisorTable(p);
  if (balance === undefined || !table) return undefined;
  const retire = retireAt(p, slots, now);
  const divisorRef = pensionDivisor(p, { years: retire.years, months: retire.months });
  const { divisor } = accountDivisor(table, { years: retire.years, months: retire.months });
  const personal = new Decimal(balance)
    .dividedBy(divisor)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const cited = [...retire.resolved, divisorRef];
  return [
    `个人账户养老金每月约${formatMoney(personal)}元（${retire.text}）：`,
    `· 账户余额${formatMoney(balance)} ÷ 计发月数${formatNumber(divisor)} = ${formatMoney(personal)}元/月`,
    '· 这只是个人账户那一部分；另有基础养老金，告诉我缴费年限和所在省市（或当地社平工资），我可以一起算。',
    citeSources(...cited),
    ...caveats(...cited),
  ].join('\n');
}

function build(p: Policies, slots: Slots, defaulted: readonly string[], now: Date): string {
  const years = slots.contributionYears;
  if (years === undefined) {
    const account = accountOnly(p, slots, now);
    if (account) return account;
    return [
      '估算职工养老金需要这些信息：',
      '· 缴费年限（必需），例如“交了30年”',
      '· 所在省市或当地社平工资（计发基数）',
      '· 平均缴费指数（按60%档交约0.6，平均档1）',
      '· 个人账户余额（没有的话我按假设推算）',
      '· 退休年龄（或出生年月和性别）',
      '计算公式：基础养老金 =（计发基数 + 计发基数 × 平均缴费指数）÷ 2 × 缴费年限 × 1%；个人账户养老金 = 账户余额 ÷ 计发月数。',
    ].join('\n');
  }
  const year = policyYear(slots, now);
  const code = regionCode(slots);
  const lines: string[] = [];
  const cited: (Resolved<unknown> | undefined)[] = [];

  // C平
  let calcBase: string | undefined;
  let calcBaseText = '';
  if (slots.averageWage !== undefined) {
    calcBase = slots.averageWage;
    calcBaseText = `按你提供的社平工资${formatMoney(calcBase)}元作计发基数`;
  } else if (code !== 'national') {
    const cb = pensionCalcBase(p, code, year);
    if (cb) {
      calcBase = String(cb.value.calcBase);
      calcBaseText = `${cb.region.name}${cb.year ?? ''}年计发基数${formatMoney(calcBase)}元`;
      cited.push(cb);
    } else {
      const pb = pensionBase(p, code, year);
      if (pb?.value.averageWage !== undefined) {
        calcBase = String(pb.value.averageWage);
        calcBaseText = `没有找到计发基数，用${pb.region.name}${pb.year ?? ''}年社平工资${formatMoney(calcBase)}元代替`;
        cited.push(pb);
      }
    }
  }
  if (calcBase === undefined) {
    return [
      `你缴费${formatNumber(years)}年，估算养老金还需要当地的计发基数（约等于上年社平工资）。`,
      '请告诉我你在哪个省市，或直接告诉我当地社平工资（例如“社平工资8000”）。',
      '计算公式：基础养老金 =（计发基数 + 计发基数 × 平均缴费指数）÷ 2 × 缴费年限 × 1%。',
    ].join('\n');
  }

  // index
  const index = slots.contributionIndex ?? '1';
  const indexDefaulted =
    slots.contributionIndex === undefined || defaulted.includes('contributionIndex');

  const retire = retireAt(p, slots, now);
  cited.push(...retire.resolved);
  const table = divisorTable(p);
  if (!table) return '没有找到计发月数表，暂时无法估算个人账户养老金。';
  const divisorRef = pensionDivisor(p, { years: retire.years, months: retire.months });
  cited.push(divisorRef);

  // account
  let account: Parameters<typeof estimate>[0]['account'];
  const projectionNotes: string[] = [];
  if (slots.accountBalance !== undefined) {
    account = { balance: slots.accountBalance };
  } else {
    const rates = pensionRates(p, code, year, 'employee');
    const accountPct = rates?.value.individualPct ?? 8;
    if (rates) cited.push(rates);
    const credited = latestRates(p, now.getFullYear() - 1, Math.ceil(years));
    // One citation for the series: the latest rate (which carries any uncertainty note).
    cited.push(credited[credited.length - 1]);
    const monthlyBase = new Decimal(index)
      .times(calcBase)
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    account = {
      projection: {
        monthlyBase: monthlyBase.toString(),
        accountPct,
        creditedRatesPct: credited.map((r) => r.value.ratePct),
      },
    };
    const rateList = credited.map((r) => `${r.year}年${formatPct(r.value.ratePct)}`).join('、');
    projectionNotes.push(
      '· 你没有提供个人账户余额，下面的余额是推算值，不是实际记录。假设：',
      `  - 每年缴费基数都是 缴费指数${formatNumber(index)} × ${formatMoney(calcBase)} = ${formatMoney(monthlyBase)}元`,
      `  - 每月${formatPct(accountPct)}记入个人账户`,
      credited.length > 0
        ? `  - 按已公布的全国职工养老保险个人账户记账利率依次计息（${rateList}${credited.length < years ? '，年数更多时沿用最后一年的利率' : ''}；当年缴费次年起计息）`
        : '  - 不计利息',
    );
  }

  const r = estimate({
    calcBase,
    averageIndex: index,
    years,
    accrualPct: 1,
    retirementAge: { years: retire.years, months: retire.months },
    divisorTable: table,
    account,
  });

  const cb = formatMoney(calcBase);
  lines.push(`按${placeName(slots)}标准估算每月养老金（${retire.text}）：`);
  lines.push(`· 计发基数：${calcBaseText}`);
  lines.push(
    indexDefaulted
      ? `· 按缴费指数${formatNumber(index)}（平均档）估算；如果你一直按最低档（60%）交，指数约0.6`
      : `· 平均缴费指数：${formatNumber(index)}`,
  );
  lines.push(
    `· 基础养老金：(${cb} + ${cb} × ${formatNumber(index)}) ÷ 2 × ${formatNumber(years)}年 × 1% = ${formatMoney(r.basic)}元`,
  );
  lines.push(...projectionNotes);
  lines.push(
    `· 个人账户养老金：${r.balanceProjected ? '推算余额' : '账户余额'}${formatMoney(r.balance)} ÷ 计发月数${formatNumber(r.divisor)} = ${formatMoney(r.personal)}元`,
  );
  lines.push(
    `· 合计约：${formatMoney(r.basic)} + ${formatMoney(r.personal)} = ${formatMoney(r.total)}元/月`,
  );
  lines.push(...qualification(p, years, retire));
  lines.push(
    '说明：未含过渡性养老金（1998年前有视同缴费年限的人会多一部分）；计发基数按退休当年公布的数为准，每年会调整。',
  );
  lines.push(citeSources(...cited), ...caveats(...cited));
  return lines.join('\n');
}

/** The last `count` published 记账利率 up to `toYear`, oldest first. */
function latestRates(p: Policies, toYear: number, count: number) {
  const all = interestRates(p, 1990, toYear);
  return all.slice(Math.max(all.length - count, 0));
}
