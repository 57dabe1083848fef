import type { Decimal } from 'decimal.js';
import { clampToBand, resolveBand, type BaseAdjustment, type BaseBand } from './clamp-base.js';
import {
  dec,
  formatMoney,
  monthlyYearly,
  roundMoney,
  type DecimalLike,
  type MonthlyYearly,
} from './money.js';
import { share, sum, yearly } from './share.js';
import { step, type Step } from './step.js';

/**
 * How a city charges flexible workers for employee medical insurance:
 * - `rate`: base × rate (+ a fixed monthly 大额 fee); with `band`, the base is moved into it
 *   (西安 2025: 5182 × 9 % + 8);
 * - `fixed-monthly`: a fixed monthly amount (北京 584.92);
 * - `fixed-yearly`: a fixed yearly amount (重庆 一档 3075), monthly = yearly ÷ 12.
 */
export type FlexibleMedicalInput =
  | {
      kind: 'rate';
      base: DecimalLike;
      ratePct: DecimalLike;
      largeAmountFeeMonthly?: DecimalLike;
      band?: BaseBand;
    }
  | { kind: 'fixed-monthly'; monthly: DecimalLike }
  | { kind: 'fixed-yearly'; yearly: DecimalLike };

export interface FlexibleMedicalResult {
  kind: FlexibleMedicalInput['kind'];
  /** The base used (`rate` only). */
  base?: Decimal;
  adjustment?: BaseAdjustment;
  premium: MonthlyYearly;
  largeAmountFee: MonthlyYearly;
  /** premium + 大额 fee. */
  total: MonthlyYearly;
  steps: Step[];
}

const NONE = monthlyYearly(roundMoney(0));

/** Flexible-employment employee medical insurance cost, monthly and yearly. */
export function flexibleMedical(input: FlexibleMedicalInput): FlexibleMedicalResult {
  if (input.kind === 'fixed-monthly') {
    const monthly = roundMoney(dec(input.monthly, 'monthly'));
    const total = monthlyYearly(monthly);
    return {
      kind: input.kind,
      premium: total,
      largeAmountFee: NONE,
      total,
      steps: [yearly('total_yearly', monthly).step],
    };
  }
  if (input.kind === 'fixed-yearly') {
    const yearlyAmount = roundMoney(dec(input.yearly, 'yearly'));
    const monthly = roundMoney(yearlyAmount.dividedBy(12));
    const total = { monthly, yearly: yearlyAmount };
    return {
      kind: input.kind,
      premium: total,
      largeAmountFee: NONE,
      total,
      steps: [
        step(
          'monthly',
          'yearly ÷ 12',
          { yearly: formatMoney(yearlyAmount) },
          formatMoney(monthly),
          ['monthly_from_yearly'],
        ),
      ],
    };
  }
  const steps: Step[] = [];
  let base = roundMoney(dec(input.base, 'base'));
  let adjustment: BaseAdjustment = 'none';
  if (input.band) {
    const band = resolveBand(input.band);
    const chosen = base;
    ({ value: base, adjustment } = clampToBand(chosen, band));
    steps.push(
      ...band.steps,
      step(
        'base',
        'min(max(chosenBase, floor), cap)',
        {
          chosenBase: formatMoney(chosen),
          floor: formatMoney(band.floor),
          cap: formatMoney(band.cap),
        },
        formatMoney(base),
        adjustment === 'none' ? [] : ['chosen_base_moved_into_band', adjustment],
      ),
    );
  }
  const premium = share('premium', base, dec(input.ratePct, 'ratePct'), { pct: 'ratePct' });
  steps.push(premium.step);
  const fee = roundMoney(
    input.largeAmountFeeMonthly === undefined
      ? 0
      : dec(input.largeAmountFeeMonthly, 'largeAmountFeeMonthly'),
  );
  let totalMonthly = premium.value;
  if (!fee.isZero()) {
    const total = sum('total', { premium: premium.value, largeAmountFee: fee });
    totalMonthly = total.value;
    steps.push(total.step);
  }
  steps.push(yearly('total_yearly', totalMonthly).step);
  return {
    kind: input.kind,
    base,
    adjustment,
    premium: monthlyYearly(premium.value),
    largeAmountFee: monthlyYearly(fee),
    total: monthlyYearly(totalMonthly),
    steps,
  };
}
