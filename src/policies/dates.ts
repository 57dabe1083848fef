import { z } from 'zod';

/* Dates of policy entries: ISO dates of any precision, and the period an entry is in force. */

/** An ISO 8601 calendar date, full or reduced precision: 2025, 2025-07 or 2025-07-01. */
export const ISO_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 1949 || year > 2100) return false;
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day an ISO date (of any precision) covers, as YYYY-MM-DD. */
export function startOfIsoDate(value: string): string {
  const [, y, m = '01', d = '01'] = ISO_DATE_PATTERN.exec(value) ?? [];
  return `${y}-${m}-${d}`;
}

/** The last day an ISO date (of any precision) covers, as YYYY-MM-DD. */
export function endOfIsoDate(value: string): string {
  const [, y, m, d] = ISO_DATE_PATTERN.exec(value) ?? [];
  if (m === undefined) return `${y}-12-31`;
  if (d === undefined) return `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}`;
  return `${y}-${m}-${d}`;
}

const DATE_MESSAGE = 'Invalid date (expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD)';

export const IsoDate = z.string({ error: DATE_MESSAGE }).refine(isValidIsoDate, DATE_MESSAGE);

/** A month of birth or similar: YYYY-MM. */
export const YearMonth = z
  .string({ error: 'Invalid month (expected YYYY-MM)' })
  .refine((v) => /^\d{4}-\d{2}$/.test(v) && isValidIsoDate(v), 'Invalid month (expected YYYY-MM)');

/** A day of the year: MM-DD (collection windows). */
export const MonthDay = z
  .string({ error: 'Invalid day (expected MM-DD)' })
  .refine(
    (v) => /^\d{2}-\d{2}$/.test(v) && isValidIsoDate(`2024-${v}`),
    'Invalid day (expected MM-DD)',
  );

export const EFFECTIVE_BASES = ['stated', 'document-date', 'as-of'] as const;

/**
 * When a figure applies. `basis` says what `from` is: `stated` (the start date the source states,
 * the default), `document-date` (only the document's date or year is known) or `as-of` (the source
 * shows the figure in force at that date; the real start date is unknown).
 */
export const EffectiveSchema = z
  .strictObject({
    from: IsoDate,
    to: IsoDate.optional(),
    basis: z.enum(EFFECTIVE_BASES).optional(),
  })
  .refine((e) => e.to === undefined || endOfIsoDate(e.to) >= startOfIsoDate(e.from), {
    message: 'Invalid date range: `to` is before `from`',
    path: ['to'],
  });
export type Effective = z.output<typeof EffectiveSchema>;

