import type { Decimal } from 'decimal.js';
import { clampBase, type BaseBand, type ClampBaseResult } from './clamp-base.js';
import { dec, monthlyYearly, roundMoney, type DecimalLike, type MonthlyYearly } from './money.js';
import { share, sum, yearly } from './share.js';
import type { Step } from './step.js';

export interface EmployeeMedicalInput {
  /** Monthly income (元/月); clamped to the band to give the base. */
  income: DecimalLike;
  band: BaseBand;
  /** Individual rate in percent (2 = 2 %). */
  individualPct: DecimalLike;
  /** Employer rate in percent. */
  employerPct: DecimalLike;
  /** Fixed monthly 大额医疗 fee paid by the individual (北京 3, 长沙 15); absent: none. */
  largeAmountFeeMonthly?: DecimalLike;
}

export interface EmployeeMedicalResult {
  base: ClampBaseResult;
  individual: MonthlyYearly;
  employer: MonthlyYearly;
  largeAmountFee: MonthlyYearly;
  /** What the employee pays: individual share + 大额 fee. */
  individualTotal: MonthlyYearly;
  /** individual + employer + 大额 fee. */
  total: MonthlyYearly;
  steps: Step[];
}

/** Employee medical insurance contributions, monthly and yearly (yearly = monthly × 12). */
export function employeeMedical(input: EmployeeMedicalInput): EmployeeMedicalResult {
  const base = clampBase({ income: input.income, band: input.band });
  const individual = share('individual', base.base, dec(input.individualPct, 'individualPct'), {
    pct: 'individualPct',
  });
  const employer = share('employer', base.base, dec(input.employerPct, 'employerPct'), {
    pct: 'employerPct',
  });
  const fee: Decimal = roundMoney(
    input.largeAmountFeeMonthly === undefined
      ? 0
      : dec(input.largeAmountFeeMonthly, 'largeAmountFeeMonthly'),
  );
  const steps: Step[] = [...base.steps, individual.step, employer.step];
  const hasFee = !fee.isZero();
  const individualTotal = hasFee
    ? sum('individual_total', { individual: individual.value, largeAmountFee: fee })
    : { value: individual.value, step: undefined };
  if (individualTotal.step) steps.push(individualTotal.step);
  const total = sum(
    'total',
    hasFee
      ? { individual: individual.value, employer: employer.value, largeAmountFee: fee }
      : { individual: individual.value, employer: employer.value },
  );
  steps.push(total.step, yearly('total_yearly', total.value).step);
  return {
    base,
    individual: monthlyYearly(individual.value),
    employer: monthlyYearly(employer.value),
    largeAmountFee: monthlyYearly(fee),
    individualTotal: monthlyYearly(individualTotal.value),
    total: monthlyYearly(total.value),
    steps,
  };
}
