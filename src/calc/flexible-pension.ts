import type { Decimal } from 'decimal.js';
import { clampToBand, resolveBand, type BaseAdjustment, type BaseBand } from './clamp-base.js';
import {
  CalcInputError,
  dec,
  formatMoney,
  formatPct,
  monthlyYearly,
  ofPct,
  roundMoney,
  type DecimalLike,
  type MonthlyYearly,
} from './money.js';
import { share, yearly } from './share.js';
import { step, type Step } from './step.js';

/**
 * The base a flexible worker chooses: an amount, or a 档 as a percent of the average wage
 * (60 = the 60 % 档). Without `averageWage` a 档 uses the band's average wage.
 */
export type FlexibleBaseChoice =
  { base: DecimalLike } | { pctOfAverage: DecimalLike; averageWage?: DecimalLike };

export interface FlexiblePensionInput {
  choice: FlexibleBaseChoice;
  /** The allowed band (60 %–300 % of the average wage, or published limits). */
  band: BaseBand;
  /** Total rate in percent (20). */
  totalPct: DecimalLike;
  /** Part of the total credited to the personal account, in percent (8). */
  accountPct: DecimalLike;
}

export interface FlexiblePensionResult {
  /** The chosen base before it was moved into the band. */
  chosenBase: Decimal;
  base: Decimal;
  floor: Decimal;
  cap: Decimal;
  adjustment: BaseAdjustment;
  /** The average wage the base or band rests on, when known (for the contribution index). */
  averageWage?: Decimal;
  total: MonthlyYearly;
  account: MonthlyYearly;
  /** total − account: what goes to the pooled fund. */
  pooled: MonthlyYearly;
  steps: Step[];
}

/** Flexible-employment pension: total% of the chosen base, account% of it to the account. */
export function flexiblePension(input: FlexiblePensionInput): FlexiblePensionResult {
  const band = resolveBand(input.band);
  const steps: Step[] = [...band.steps];
  let chosenBase: Decimal;
  let averageWage = band.averageWage;
  if ('base' in input.choice) {
    chosenBase = roundMoney(dec(input.choice.base, 'choice.base'));
  } else {
    const pct = dec(input.choice.pctOfAverage, 'choice.pctOfAverage');
    if (input.choice.averageWage !== undefined) {
      averageWage = dec(input.choice.averageWage, 'choice.averageWage', { positive: true });
    }
    if (!averageWage) {
      throw new CalcInputError('choice.averageWage', 'a 档 needs the average wage');
    }
    chosenBase = roundMoney(ofPct(averageWage, pct));
    steps.push(
      step(
        'chosen_base',
        'averageWage × pctOfAverage',
        { averageWage: formatMoney(averageWage), pctOfAverage: formatPct(pct) },
        formatMoney(chosenBase),
      ),
    );
  }
  const { value: base, adjustment } = clampToBand(chosenBase, band);
  steps.push(
    step(
      'base',
      'min(max(chosenBase, floor), cap)',
      {
        chosenBase: formatMoney(chosenBase),
        floor: formatMoney(band.floor),
        cap: formatMoney(band.cap),
      },
      formatMoney(base),
      adjustment === 'none' ? [] : ['chosen_base_moved_into_band', adjustment],
    ),
  );
  const total = share('total', base, dec(input.totalPct, 'totalPct'), { pct: 'totalPct' });
  const accountPct = dec(input.accountPct, 'accountPct');
  if (accountPct.greaterThan(dec(input.totalPct, 'totalPct'))) {
    throw new CalcInputError('accountPct', 'is above totalPct');
  }
  const account = share('account', base, accountPct, { pct: 'accountPct' });
  const pooled = total.value.minus(account.value);
  steps.push(
    total.step,
    account.step,
    step(
      'pooled',
      'total − account',
      { total: formatMoney(total.value), account: formatMoney(account.value) },
      formatMoney(pooled),
    ),
    yearly('total_yearly', total.value).step,
    yearly('account_yearly', account.value).step,
  );
  const result: FlexiblePensionResult = {
    chosenBase,
    base,
    floor: band.floor,
    cap: band.cap,
    adjustment,
    total: monthlyYearly(total.value),
    account: monthlyYearly(account.value),
    pooled: monthlyYearly(pooled),
    steps,
  };
  if (averageWage) result.averageWage = averageWage;
  return result;
}
