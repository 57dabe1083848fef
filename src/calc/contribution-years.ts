import { Decimal } from 'decimal.js';
import { CalcInputError, dec, formatNumber, type DecimalLike } from './money.js';
import { step, type Step, type StepNote } from './step.js';

/** From `fromYear` on (until the next row), `years` of contributions are needed. */
export interface MinimumYearsRow {
  fromYear: number;
  years: DecimalLike;
}

/** What someone short of the minimum can do (社会保险法 第十六条; the 2024 NPC decision). */
export type ShortfallOption = 'keep_paying' | 'lump_sum_top_up' | 'move_to_resident_scheme';

export interface ContributionYearsInput {
  /** Years paid; a fraction that is not a whole month is rounded down to a month. */
  paidYears?: DecimalLike;
  /** Months paid, added to `paidYears`. */
  paidMonths?: number;
  /** Year of retirement at the statutory age (for late retirement: the statutory-age year). */
  retirementYear: number;
  schedule: readonly MinimumYearsRow[];
}

export interface ContributionYearsResult {
  requiredYears: Decimal;
  requiredMonths: number;
  paidMonths: number;
  met: boolean;
  /** Months still missing (0 when met), also as whole years and months. */
  shortfall: { totalMonths: number; years: number; months: number };
  /** What can be done about a shortfall; empty when met. */
  options: ShortfallOption[];
  steps: Step[];
}

/** The minimum contribution years for a retirement year (the schedule row in force that year). */
export function minimumYearsFor(
  schedule: readonly MinimumYearsRow[],
  retirementYear: number,
): Decimal {
  if (!Number.isInteger(retirementYear))
    throw new CalcInputError('retirementYear', 'must be a whole year');
  let found: MinimumYearsRow | undefined;
  for (const row of schedule) {
    if (row.fromYear <= retirementYear && (!found || row.fromYear > found.fromYear)) found = row;
  }
  if (!found) throw new CalcInputError('retirementYear', `no minimum years for ${retirementYear}`);
  return dec(found.years, 'schedule.years');
}

/** Whether the years paid reach the minimum for the retirement year, and the shortfall. */
export function contributionYears(input: ContributionYearsInput): ContributionYearsResult {
  const requiredYears = minimumYearsFor(input.schedule, input.retirementYear);
  const requiredMonthsD = requiredYears.times(12);
  if (!requiredMonthsD.isInteger())
    throw new CalcInputError('schedule.years', 'not a whole number of months');
  const requiredMonths = requiredMonthsD.toNumber();
  const extraMonths = input.paidMonths ?? 0;
  if (!Number.isInteger(extraMonths) || extraMonths < 0) {
    throw new CalcInputError('paidMonths', 'must be a whole number ≥ 0');
  }
  const yearsAsMonths = dec(input.paidYears ?? 0, 'paidYears').times(12);
  const notes: StepNote[] = yearsAsMonths.isInteger() ? [] : ['paid_rounded_down_to_month'];
  const paidMonths = yearsAsMonths.floor().toNumber() + extraMonths;
  const missing = Math.max(requiredMonths - paidMonths, 0);
  const met = missing === 0;
  const steps: Step[] = [
    step(
      'required',
      'schedule[retirementYear] × 12',
      { retirementYear: String(input.retirementYear), requiredYears: formatNumber(requiredYears) },
      `${requiredMonths}m`,
    ),
    step(
      'paid',
      'paidYears × 12 + paidMonths',
      { paidYears: formatNumber(input.paidYears ?? 0), paidMonths: String(extraMonths) },
      `${paidMonths}m`,
      notes,
    ),
    step(
      'shortfall',
      'max(required − paid, 0)',
      { required: `${requiredMonths}m`, paid: `${paidMonths}m` },
      `${missing}m`,
    ),
  ];
  return {
    requiredYears,
    requiredMonths,
    paidMonths,
    met,
    shortfall: { totalMonths: missing, years: Math.floor(missing / 12), months: missing % 12 },
    options: met ? [] : ['keep_paying', 'lump_sum_top_up', 'move_to_resident_scheme'],
    steps,
  };
}
