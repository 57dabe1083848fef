import { Decimal } from 'decimal.js';

/** A number the calculators accept: a `Decimal`, a decimal string ('466.38') or a JS number. */
export type DecimalLike = Decimal | string | number;

/** A calculator input that is missing, not a finite number, negative or inconsistent. */
export class CalcInputError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'CalcInputError';
  }
}

/** Converts an input to a `Decimal`, refusing NaN, infinities and (by default) negatives. */
export function dec(
  value: DecimalLike,
  field: string,
  options: { positive?: boolean } = {},
): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new CalcInputError(field, `not a number: ${String(value)}`);
  }
  if (!d.isFinite()) throw new CalcInputError(field, `not a finite number: ${String(value)}`);
  if (d.isNegative() && !d.isZero())
    throw new CalcInputError(field, `must not be negative: ${d.toFixed()}`);
  if (options.positive && d.isZero()) throw new CalcInputError(field, 'must be greater than 0');
  return d;
}

/** Rounds money half-up to the fen (2 decimals). Applied once to each figure that is shown. */
export function roundMoney(value: DecimalLike): Decimal {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * Money as shown everywhere: rounded half-up to the fen, whole amounts without decimals
 * ("800"), others with exactly two ("466.38", "466.40").
 */
export function formatMoney(value: DecimalLike): string {
  const rounded = roundMoney(value);
  if (rounded.isZero()) return '0';
  return rounded.isInteger() ? rounded.toFixed(0) : rounded.toFixed(2);
}

/** A percent given in percent units (8 -> "8%", 9.5 -> "9.5%"). */
export function formatPct(pct: DecimalLike): string {
  return `${new Decimal(pct).toFixed()}%`;
}

/** A plain number in decimal notation (index 0.8 -> "0.8", divisor 138.4 -> "138.4"). */
export function formatNumber(value: DecimalLike): string {
  return new Decimal(value).toFixed();
}

/** `amount × pct %`, unrounded. */
export function ofPct(amount: Decimal, pct: Decimal): Decimal {
  return amount.times(pct).dividedBy(100);
}

/** A monthly figure and its yearly total (yearly = the shown monthly figure × 12). */
export interface MonthlyYearly {
  monthly: Decimal;
  yearly: Decimal;
}

export const MONTHS_PER_YEAR = 12;

export function monthlyYearly(monthly: Decimal): MonthlyYearly {
  return { monthly, yearly: monthly.times(MONTHS_PER_YEAR) };
}
