import { CalcInputError } from './money.js';
import { step, type Step, type StepNote } from './step.js';
import {
  addMonths,
  formatYearMonth,
  monthsBetween,
  toYearMonth,
  type YearMonth,
} from './year-month.js';

export type RetirementGroup = 'male' | 'female_cadre' | 'female_worker';

/** One group's reform rule (NPC decision 2024-09-13, in force 2025-01-01). */
export interface ReformGroupRule {
  /** Statutory age before the reform (60 / 55 / 50). */
  oldAgeYears: number;
  /** Target age (63 / 58 / 55); must equal oldAgeYears + maxDelayMonths ÷ 12. */
  newAgeYears: number;
  /** The first birth month with a delay ('1965-01'). */
  firstBirthMonth: string;
  /** One more month of delay every `stepMonths` birth months (4 / 4 / 2). */
  stepMonths: number;
  maxDelayMonths: number;
}

export interface RetirementReformRules {
  groups: Record<RetirementGroup, ReformGroupRule>;
  /** Flexible retirement: at most this many months early (never below the old age) … */
  earlyMaxMonths: number;
  /** … and at most this many months late (with the employer's agreement). */
  lateMaxMonths: number;
}

export interface RetirementAgeInput {
  group: RetirementGroup;
  /** 'YYYY-MM' or `{ year, month }`. */
  birthMonth: string | YearMonth;
  rules: RetirementReformRules;
}

/** An age, and the month it is reached. */
export interface AgeAt {
  years: number;
  months: number;
  /** years × 12 + months. */
  totalMonths: number;
  /** 'YYYY-MM': the birth month plus the age. */
  month: string;
}

export interface RetirementAgeResult {
  group: RetirementGroup;
  birthMonth: string;
  delayMonths: number;
  statutory: AgeAt;
  /** Earliest flexible retirement: 3 years early, never below the old age; needs the minimum years. */
  earliest: AgeAt;
  /** Latest flexible retirement: 3 years later, with the employer's agreement. */
  latest: AgeAt;
  steps: Step[];
}

/**
 * The statutory retirement age under the reform: idx = months from the group's first birth
 * month; delay = min(floor(idx ÷ step) + 1, max); born before the first month: no delay.
 * The retirement month is the birth month plus the age (男 1965-01 -> 60 y 1 m -> 2025-02).
 */
export function retirementAge(input: RetirementAgeInput): RetirementAgeResult {
  const rule = checkRule(input.rules.groups[input.group], input.group);
  for (const key of ['earlyMaxMonths', 'lateMaxMonths'] as const) {
    const n = input.rules[key];
    if (!Number.isInteger(n) || n < 0)
      throw new CalcInputError(`rules.${key}`, 'must be a whole number ≥ 0');
  }
  const birth = toYearMonth(input.birthMonth, 'birthMonth');
  const first = toYearMonth(rule.firstBirthMonth, `rules.groups.${input.group}.firstBirthMonth`);
  const idx = monthsBetween(first, birth);
  const delayMonths =
    idx < 0 ? 0 : Math.min(Math.floor(idx / rule.stepMonths) + 1, rule.maxDelayMonths);
  const oldAge = rule.oldAgeYears * 12;
  const statutoryMonths = oldAge + delayMonths;
  const notes: StepNote[] = [];
  if (idx < 0) notes.push('born_before_reform');
  if (delayMonths === rule.maxDelayMonths) notes.push('full_delay');
  const earliestMonths = Math.max(statutoryMonths - input.rules.earlyMaxMonths, oldAge);
  const latestMonths = statutoryMonths + input.rules.lateMaxMonths;
  const at = (total: number) => ageAt(birth, total);
  const statutory = at(statutoryMonths);
  const earliest = at(earliestMonths);
  const latest = at(latestMonths);
  const steps: Step[] = [
    step(
      'delay',
      idx < 0 ? '0' : 'min(floor(idx ÷ stepMonths) + 1, maxDelayMonths)',
      {
        idx: String(idx),
        firstBirthMonth: formatYearMonth(first),
        birthMonth: formatYearMonth(birth),
        stepMonths: String(rule.stepMonths),
        maxDelayMonths: String(rule.maxDelayMonths),
      },
      String(delayMonths),
      notes,
    ),
    step(
      'statutory_age',
      'oldAge + delay',
      { oldAge: `${rule.oldAgeYears}y`, delay: `${delayMonths}m` },
      ageText(statutory),
    ),
    step(
      'retirement_month',
      'birthMonth + age',
      { birthMonth: formatYearMonth(birth), age: ageText(statutory) },
      statutory.month,
    ),
    step(
      'earliest',
      'max(age − earlyMax, oldAge)',
      {
        age: ageText(statutory),
        earlyMax: `${input.rules.earlyMaxMonths}m`,
        oldAge: `${rule.oldAgeYears}y`,
      },
      `${ageText(earliest)} ${earliest.month}`,
      statutoryMonths - input.rules.earlyMaxMonths < oldAge ? ['limited_by_old_age'] : [],
    ),
    step(
      'latest',
      'age + lateMax',
      { age: ageText(statutory), lateMax: `${input.rules.lateMaxMonths}m` },
      `${ageText(latest)} ${latest.month}`,
    ),
  ];
  return {
    group: input.group,
    birthMonth: formatYearMonth(birth),
    delayMonths,
    statutory,
    earliest,
    latest,
    steps,
  };
}

function ageAt(birth: YearMonth, totalMonths: number): AgeAt {
  return {
    years: Math.floor(totalMonths / 12),
    months: totalMonths % 12,
    totalMonths,
    month: formatYearMonth(addMonths(birth, totalMonths)),
  };
}

function ageText(age: AgeAt): string {
  return age.months === 0 ? `${age.years}y` : `${age.years}y${age.months}m`;
}

function checkRule(rule: ReformGroupRule | undefined, group: string): ReformGroupRule {
  const field = `rules.groups.${group}`;
  if (!rule) throw new CalcInputError(field, 'missing');
  const ints = [rule.oldAgeYears, rule.newAgeYears, rule.stepMonths, rule.maxDelayMonths];
  if (!ints.every((n) => Number.isInteger(n) && n >= 0) || rule.stepMonths < 1) {
    throw new CalcInputError(field, 'ages, step and max delay must be whole numbers (step ≥ 1)');
  }
  if (rule.oldAgeYears * 12 + rule.maxDelayMonths !== rule.newAgeYears * 12) {
    throw new CalcInputError(field, 'oldAgeYears + maxDelayMonths does not reach newAgeYears');
  }
  return rule;
}
