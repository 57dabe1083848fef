import {
  CalcInputError,
  contributionYears as checkYears,
  formatNumber,
  minimumYearsFor,
  type MinimumYearsRow,
} from '../../calc/index.js';
import type { Decimal } from 'decimal.js';
import type { Slots } from '../../nlu/slot-schema.js';
import {
  minimumContributionYears,
  type Policies,
  type Resolved,
  type RetirementGroup,
} from '../../policies/index.js';
import type { CalcContext, CalcReply } from '../answerer.js';
import { caveats, citeSources } from './common.js';
import {
  ageZh,
  birthOf,
  groupsFor,
  GROUP_LABEL,
  minimumYearsSchedule,
  monthsZh,
  monthZh,
  reformRules,
  retirementFor,
} from './retirement-common.js';

const OPTIONS = [
  '· 到法定退休年龄时不够：可以继续缴费直到满最低年限，再按月领养老金',
  '· 符合当地规定的，可以一次性补缴到最低年限（能否补缴、补多少以当地社保经办机构为准）',
  '· 也可以把职工养老保险转入城乡居民养老保险，按居民养老保险领取待遇',
];

function scheduleLines(schedule: readonly MinimumYearsRow[]): string[] {
  const rows = [...schedule].sort((a, b) => a.fromYear - b.fromYear);
  const parts = rows.map((row, i) => {
    const next = rows[i + 1];
    const y = formatNumber(String(row.years));
    if (i === 0) return `${next ? next.fromYear - 1 : ''}年及以前退休：${y}年`;
    return next ? `${row.fromYear}年：${y}年` : `${row.fromYear}年及以后：${y}年`;
  });
  return ['领取职工养老金的最低缴费年限（按退休年份）：', `· ${parts.join('；')}`];
}

const ALL_GROUPS: readonly RetirementGroup[] = ['male', 'female_worker', 'female_cadre'];

/**
 * The minimum years when the gender is unknown but does not matter: born so early or so late
 * that every group (and every birth month, when it is unknown) retires under the same minimum.
 */
export function minimumYearsUnknownGender(p: Policies, slots: Slots): Decimal | undefined {
  const reform = reformRules(p);
  const schedule = minimumYearsSchedule(p);
  if (!reform || slots.birthYear === undefined || schedule.length === 0) return undefined;
  const months = slots.birthMonth !== undefined ? [slots.birthMonth] : [1, 12];
  let found: Decimal | undefined;
  for (const group of ALL_GROUPS) {
    for (const month of months) {
      const r = retirementFor(reform.rules, group, slots.birthYear, month);
      if (!r) return undefined;
      const min = minimumYearsFor(schedule, Number(r.statutory.month.slice(0, 4)));
      if (found && !found.equals(min)) return undefined;
      found = min;
    }
  }
  return found;
}

/** 19.5 -> "19年6个月（19.5年，234个月）": the minimum in every form people read it. */
function yearsZh(min: Decimal): string {
  const months = min.times(12).toNumber();
  const plain = monthsZh(months);
  const decimal = `${formatNumber(min)}年`;
  return plain === decimal ? `${plain}（${months}个月）` : `${plain}（${decimal}，${months}个月）`;
}

/** The shortfall line for years paid against a minimum for retiring in `retireYear`. */
function paidLine(paid: number, retireYear: number, schedule: MinimumYearsRow[]): string {
  const c = checkYears({ paidYears: paid, retirementYear: retireYear, schedule });
  return c.met
    ? `· 你已缴${formatNumber(paid)}年，已满最低年限`
    : `· 你已缴${formatNumber(paid)}年（${c.paidMonths}个月），还差${monthsZh(c.shortfall.totalMonths)}（${c.requiredMonths} − ${c.paidMonths} = ${c.shortfall.totalMonths}个月）`;
}

/** The answer from a retirement year alone: the schedule decides it. */
function byRetirementYear(p: Policies, schedule: MinimumYearsRow[], slots: Slots): string {
  const year = slots.retirementYear!;
  const min = minimumYearsFor(schedule, year);
  const cited = [minimumContributionYears(p, year)];
  const lines = [`${year}年退休，领取职工养老金最低需缴费${yearsZh(min)}。`];
  if (slots.contributionYears !== undefined)
    lines.push(paidLine(slots.contributionYears, year, schedule));
  else lines.push('告诉我你已经缴了多少年，我可以算出还差多少。');
  if (lines.some((l) => l.includes('还差'))) lines.push('不够年限的办法：', ...OPTIONS);
  lines.push(citeSources(...cited), ...caveats(...cited));
  return lines.join('\n');
}

/** Minimum contribution years for the person's retirement year, and any shortfall. */
export function contributionYears(p: Policies, { slots, now }: CalcContext): CalcReply {
  const schedule = minimumYearsSchedule(p);
  if (schedule.length === 0) {
    return { text: '没有找到最低缴费年限的数据，暂时无法计算。', bureau: 'pension' };
  }
  try {
    return { text: build(p, schedule, slots, now), bureau: 'pension' };
  } catch (e) {
    if (!(e instanceof CalcInputError)) throw e;
    return {
      text: '这组信息没法算出最低缴费年限，请核对出生年月和已缴年限后再告诉我。',
      bureau: 'pension',
    };
  }
}

function build(
  p: Policies,
  schedule: MinimumYearsRow[],
  slots: CalcContext['slots'],
  now: Date,
): string {
  if (slots.retirementYear !== undefined) return byRetirementYear(p, schedule, slots);
  const reform = reformRules(p);
  const same = slots.gender === undefined ? minimumYearsUnknownGender(p, slots) : undefined;
  const groups = same ? [...ALL_GROUPS] : groupsFor(slots);
  const birth = birthOf(slots, now);
  const paid = slots.contributionYears;
  const cited: (Resolved<unknown> | undefined)[] = [];
  const lines: string[] = [];

  if (same && birth) {
    // 1968年出生: men and women alike retire before 2030, under the same minimum
    const months = same.times(12).toNumber();
    lines.push(
      `${birth.year}年出生，不论男女、工人还是干部，法定退休时最低都需缴费${monthsZh(months)}（${months}个月）。`,
    );
    for (const group of ALL_GROUPS)
      cited.push(...(reform?.entries ?? []).filter((e) => e.value.group === group));
    if (paid !== undefined) {
      const r = retirementFor(reform!.rules, 'male', birth.year, birth.months[0]!);
      lines.push(paidLine(paid, Number(r!.statutory.month.slice(0, 4)), schedule));
    } else lines.push('告诉我你已经缴了多少年，我可以算出还差多少。');
    if (lines.some((l) => l.includes('还差'))) lines.push('不够年限的办法：', ...OPTIONS);
    lines.push(citeSources(...cited), ...caveats(...cited));
    return lines.join('\n');
  }
  if (reform && groups.length > 0 && birth) {
    lines.push(...birth.notes);
    for (const group of groups) {
      for (const month of birth.months) {
        const r = retirementFor(reform.rules, group, birth.year, month);
        if (!r) continue;
        const retireYear = Number(r.statutory.month.slice(0, 4));
        const min = minimumYearsFor(schedule, retireYear);
        cited.push(minimumContributionYears(p, retireYear));
        cited.push(...reform.entries.filter((e) => e.value.group === group));
        lines.push(
          `${GROUP_LABEL[group]}，${birth.year}年${month}月出生：法定退休年龄${ageZh(r.statutory.years, r.statutory.months)}，${monthZh(r.statutory.month)}退休，最低需缴费${yearsZh(min)}`,
        );
        if (paid !== undefined) lines.push(paidLine(paid, retireYear, schedule));
      }
    }
    const anyShort = paid !== undefined && lines.some((l) => l.includes('还差'));
    if (anyShort) lines.push('不够年限的办法：', ...OPTIONS);
    if (paid === undefined) lines.push('告诉我你已经缴了多少年，我可以算出还差多少。');
    lines.push(
      '说明：弹性提前退休也须满最低缴费年限；推迟退休的最低年限按法定退休年龄所在年份确定。',
    );
    lines.push(citeSources(...cited), ...caveats(...cited));
    return lines.join('\n');
  }

  // No retirement year: the schedule, and the shortfall at both ends when years are given.
  const first = minimumContributionYears(p, 2025);
  const last = minimumContributionYears(p, 2039);
  cited.push(first, last);
  lines.push(...scheduleLines(schedule));
  if (paid !== undefined) {
    const early = checkYears({ paidYears: paid, retirementYear: 2029, schedule });
    const late = checkYears({ paidYears: paid, retirementYear: 2039, schedule });
    const say = (c: typeof early, when: string) =>
      c.met
        ? `· ${when}退休（需${formatNumber(c.requiredYears)}年）：你已缴${formatNumber(paid)}年，够了`
        : `· ${when}退休（需${formatNumber(c.requiredYears)}年）：你已缴${formatNumber(paid)}年，还差${monthsZh(c.shortfall.totalMonths)}`;
    lines.push(say(early, '2029年及以前'), say(late, '2039年及以后'));
    if (!early.met || !late.met) lines.push('不够年限的办法：', ...OPTIONS);
  }
  lines.push(
    '告诉我你的性别和出生年月（女性请说明工人还是干部），我可以算出你退休那年的最低年限。',
  );
  lines.push(citeSources(...cited), ...caveats(...cited));
  return lines.join('\n');
}
