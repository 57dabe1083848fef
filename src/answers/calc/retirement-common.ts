import {
  CalcInputError,
  retirementAge,
  type DivisorTable,
  type MinimumYearsRow,
  type RetirementAgeResult,
  type RetirementReformRules,
} from '../../calc/index.js';
import type { Slots } from '../../nlu/slot-schema.js';
import {
  resolveEntry,
  retirementReform,
  type Policies,
  type Resolved,
  type RetirementGroup,
  type RetirementGroupEntry,
  type RetirementReform,
} from '../../policies/index.js';

/** The reform parameters as the calculator takes them, with the resolved entries to cite. */
export interface ReformRules {
  rules: RetirementReformRules;
  reform: RetirementReform;
  entries: Resolved<RetirementGroupEntry>[];
}

/** The reform rules from the policy data (in force from 2025-01-01); undefined when incomplete. */
export function reformRules(p: Policies): ReformRules | undefined {
  const reform = retirementReform(p, '2025-01-01');
  const { male, female_cadre, female_worker } = reform.groups;
  const flex = reform.flexibleRetirement;
  if (!male || !female_cadre || !female_worker || !flex) return undefined;
  const rule = (r: Resolved<RetirementGroupEntry>) => ({
    oldAgeYears: r.value.oldAge,
    newAgeYears: r.value.newAge,
    firstBirthMonth: r.value.firstBirthMonth,
    stepMonths: r.value.stepMonths,
    maxDelayMonths: r.value.maxDelayMonths,
  });
  return {
    rules: {
      groups: {
        male: rule(male),
        female_cadre: rule(female_cadre),
        female_worker: rule(female_worker),
      },
      earlyMaxMonths: flex.value.maxEarlyYears * 12,
      lateMaxMonths: flex.value.maxLateYears * 12,
    },
    reform,
    entries: [male, female_cadre, female_worker],
  };
}

export const GROUP_LABEL: Record<RetirementGroup, string> = {
  male: '男职工',
  female_worker: '女职工（工人，原50岁退休）',
  female_cadre: '女职工（干部/管理岗，原55岁退休）',
};

/** The retirement groups the slots point to (a woman without a job category: both). */
export function groupsFor(slots: Slots): RetirementGroup[] {
  if (slots.gender === 'male') return ['male'];
  if (slots.gender === 'female') {
    if (slots.jobCategory === 'worker') return ['female_worker'];
    if (slots.jobCategory === 'cadre') return ['female_cadre'];
    return ['female_worker', 'female_cadre'];
  }
  return [];
}

export interface BirthInfo {
  year: number;
  /** The months to compute for: the given one, or January and December when unknown. */
  months: number[];
  /** Sentences saying what was assumed. */
  notes: string[];
}

/** The birth year (given, or worked out from the age) and month(s). */
export function birthOf(slots: Slots, now: Date): BirthInfo | undefined {
  const notes: string[] = [];
  let year = slots.birthYear;
  if (year === undefined && slots.age !== undefined) {
    year = now.getFullYear() - slots.age;
    notes.push(`（只知道年龄${slots.age}岁，按${year}年出生估算，实际可能差一年）`);
  }
  if (year === undefined) return undefined;
  if (slots.birthMonth !== undefined) return { year, months: [slots.birthMonth], notes };
  notes.push('（没有出生月份，分别按当年1月和12月出生计算）');
  return { year, months: [1, 12], notes };
}

/** The calculator's result for one group and birth month; undefined on bad input. */
export function retirementFor(
  rules: RetirementReformRules,
  group: RetirementGroup,
  year: number,
  month: number,
): RetirementAgeResult | undefined {
  try {
    return retirementAge({ group, birthMonth: { year, month }, rules });
  } catch (e) {
    if (e instanceof CalcInputError) return undefined;
    throw e;
  }
}

/** "62岁8个月" / "63岁". */
export function ageZh(years: number, months: number): string {
  return months === 0 ? `${years}岁` : `${years}岁${months}个月`;
}

/** '2038-01' -> "2038年1月". */
export function monthZh(ym: string): string {
  const [y, m] = ym.split('-');
  return `${y}年${Number(m)}月`;
}

/** 30 months -> "2年6个月". */
export function monthsZh(total: number): string {
  const y = Math.floor(total / 12);
  const m = total % 12;
  if (y === 0) return `${m}个月`;
  return m === 0 ? `${y}年` : `${y}年${m}个月`;
}

/** The minimum-years schedule as the calculator takes it: from each row's first year. */
export function minimumYearsSchedule(p: Policies): MinimumYearsRow[] {
  return p.retirementReform.minimumYears
    .filter((e) => e.region.code === 'national')
    .map((e) => ({ fromYear: Number(e.effective.from.slice(0, 4)), years: e.years }));
}

/** The 计发月数 table (national) as the calculator takes it, with its entry to cite. */
export function divisorTable(p: Policies): DivisorTable | undefined {
  const table = resolveEntry(p.pensionDivisor.tables, 'national', '2025-01-01');
  if (!table) return undefined;
  const interp = resolveEntry(p.pensionDivisor.interpolation, 'national', '2025-01-01');
  return interp
    ? { months: table.value.months, interpolation: { decimals: interp.value.decimals } }
    : { months: table.value.months };
}
