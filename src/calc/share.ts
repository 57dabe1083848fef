import type { Decimal } from 'decimal.js';
import { formatMoney, formatPct, ofPct, roundMoney } from './money.js';
import { step, type Step } from './step.js';

/** `amount × pct %` rounded to the fen, with its step (`label: amountName × pctName`). */
export function share(
  label: string,
  amount: Decimal,
  pct: Decimal,
  names: { amount?: string; pct: string },
): { value: Decimal; step: Step } {
  const amountName = names.amount ?? 'base';
  const value = roundMoney(ofPct(amount, pct));
  return {
    value,
    step: step(
      label,
      `${amountName} × ${names.pct}`,
      { [amountName]: formatMoney(amount), [names.pct]: formatPct(pct) },
      formatMoney(value),
    ),
  };
}

/** `a + b + …` of shown figures, with its step. */
export function sum(label: string, parts: Record<string, Decimal>): { value: Decimal; step: Step } {
  const names = Object.keys(parts);
  const value = names.reduce((acc, name) => acc.plus(parts[name] as Decimal), roundMoney(0));
  const values: Record<string, string> = {};
  for (const name of names) values[name] = formatMoney(parts[name] as Decimal);
  return { value, step: step(label, names.join(' + '), values, formatMoney(value)) };
}

/** `monthly × 12`, with its step. */
export function yearly(label: string, monthly: Decimal): { value: Decimal; step: Step } {
  const value = monthly.times(12);
  return {
    value,
    step: step(label, 'monthly × 12', { monthly: formatMoney(monthly) }, formatMoney(value)),
  };
}
