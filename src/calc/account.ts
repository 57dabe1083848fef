import { Decimal } from 'decimal.js';
import { dec, formatMoney, formatPct, ofPct, roundMoney, type DecimalLike } from './money.js';
import { step, type Step, type StepNote } from './step.js';

/** One year of a personal account: what is credited in it and the rate credited on it. */
export interface AccountYear {
  opening: Decimal;
  interest: Decimal;
  credit: Decimal;
  closing: Decimal;
  /** Credited rate of the year in percent (0 without rates). */
  ratePct: Decimal;
}

export interface AccumulationResult {
  balance: Decimal;
  years: AccountYear[];
  notes: StepNote[];
  step: Step;
}

/**
 * Accumulates a personal account year by year: closing = opening + opening × rate% (to the fen)
 * + the year's credit. A year's credits earn interest from the next year on (a simplification
 * that slightly understates the balance). `ratesPct[i]` is the rate of year i + 1; fewer rates
 * than years: the last one is repeated; none: no interest.
 */
export function accumulate(
  credits: readonly Decimal[],
  ratesPct: readonly DecimalLike[] = [],
  opening: Decimal = roundMoney(0),
): AccumulationResult {
  const rates = ratesPct.map((r, i) => dec(r, `creditedRatesPct[${i}]`));
  const notes: StepNote[] = [];
  if (rates.length === 0) notes.push('no_interest');
  else {
    notes.push('interest_from_next_year');
    if (rates.length < credits.length) notes.push('last_rate_repeated');
  }
  let balance = roundMoney(opening);
  const years: AccountYear[] = credits.map((credit, i) => {
    const ratePct = rates[Math.min(i, rates.length - 1)] ?? new Decimal(0);
    const interest = roundMoney(ofPct(balance, ratePct));
    const closing = balance.plus(interest).plus(credit);
    const year = { opening: balance, interest, credit, closing, ratePct };
    balance = closing;
    return year;
  });
  const values: Record<string, string> = {
    opening: formatMoney(opening),
    years: String(credits.length),
    credits: credits.map((c) => formatMoney(c)).join(', '),
  };
  if (rates.length > 0) values.creditedRatesPct = rates.map((r) => formatPct(r)).join(', ');
  return {
    balance,
    years,
    notes,
    step: step(
      'account_balance',
      rates.length > 0 ? 'Σ (balance × (1 + rate) + credit) by year' : 'opening + Σ credit',
      values,
      formatMoney(balance),
      ['projection', ...notes],
    ),
  };
}
