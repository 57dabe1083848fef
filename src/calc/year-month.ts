import { CalcInputError } from './money.js';

/** A calendar month. */
export interface YearMonth {
  year: number;
  month: number;
}

/** Parses 'YYYY-MM' (or passes a `{year, month}` through), checking the month is 1-12. */
export function toYearMonth(value: string | YearMonth, field: string): YearMonth {
  let ym: YearMonth;
  if (typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    if (!match) throw new CalcInputError(field, `expected YYYY-MM: ${value}`);
    ym = { year: Number(match[1]), month: Number(match[2]) };
  } else {
    ym = value;
  }
  if (!Number.isInteger(ym.year) || !Number.isInteger(ym.month) || ym.month < 1 || ym.month > 12) {
    throw new CalcInputError(field, `not a month: ${JSON.stringify(value)}`);
  }
  return ym;
}

/** 'YYYY-MM'. */
export function formatYearMonth(ym: YearMonth): string {
  return `${String(ym.year).padStart(4, '0')}-${String(ym.month).padStart(2, '0')}`;
}

/** Months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/** The month `months` after `ym`. */
export function addMonths(ym: YearMonth, months: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
