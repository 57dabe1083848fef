import { clampBase, type BaseBand, type ClampBaseResult } from './clamp-base.js';
import { dec, monthlyYearly, type DecimalLike, type MonthlyYearly } from './money.js';
import { share, sum, yearly } from './share.js';
import type { Step } from './step.js';

export interface EmployeePensionInput {
  /** Monthly income (元/月); clamped to the band to give the base. */
  income: DecimalLike;
  band: BaseBand;
  /** Employer rate in percent (16 = 16 %). */
  employerPct: DecimalLike;
  /** Individual rate in percent (8 = 8 %), all credited to the personal account. */
  individualPct: DecimalLike;
}

export interface EmployeePensionResult {
  base: ClampBaseResult;
  employer: MonthlyYearly;
  /** The individual share, which is also what the personal account is credited. */
  individual: MonthlyYearly;
  total: MonthlyYearly;
  steps: Step[];
}

/** Enterprise employee pension contributions, monthly and yearly (yearly = monthly × 12). */
export function employeePension(input: EmployeePensionInput): EmployeePensionResult {
  const base = clampBase({ income: input.income, band: input.band });
  const employer = share('employer', base.base, dec(input.employerPct, 'employerPct'), {
    pct: 'employerPct',
  });
  const individual = share('individual', base.base, dec(input.individualPct, 'individualPct'), {
    pct: 'individualPct',
  });
  const total = sum('total', { employer: employer.value, individual: individual.value });
  return {
    base,
    employer: monthlyYearly(employer.value),
    individual: monthlyYearly(individual.value),
    total: monthlyYearly(total.value),
    steps: [
      ...base.steps,
      employer.step,
      individual.step,
      total.step,
      yearly('individual_yearly', individual.value).step,
      yearly('total_yearly', total.value).step,
    ],
  };
}
