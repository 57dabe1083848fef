import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flexibleMedical, formatMoney } from '../../src/calc/index.js';
import { money, pct } from './arbitraries.js';

describe('flexibleMedical', () => {
  it('西安 2025: 5182 × 9 % = 466.38, + 8 = 474.38 a month, 5692.56 a year', () => {
    const r = flexibleMedical({ kind: 'rate', base: 5182, ratePct: 9, largeAmountFeeMonthly: 8 });
    expect(formatMoney(r.premium.monthly)).toBe('466.38');
    expect(formatMoney(r.total.monthly)).toBe('474.38');
    expect(formatMoney(r.total.yearly)).toBe('5692.56');
    expect(formatMoney(r.premium.yearly)).toBe('5596.56'); // 466.38 × 12
    expect(formatMoney(r.largeAmountFee.yearly)).toBe('96');
    expect(r.steps).toEqual([
      {
        label: 'premium',
        formula: 'base × ratePct',
        values: { base: '5182', ratePct: '9%' },
        result: '466.38',
      },
      {
        label: 'total',
        formula: 'premium + largeAmountFee',
        values: { premium: '466.38', largeAmountFee: '8' },
        result: '474.38',
      },
      {
        label: 'total_yearly',
        formula: 'monthly × 12',
        values: { monthly: '474.38' },
        result: '5692.56',
      },
    ]);
  });

  it('北京 from 2025-07: fixed 584.92 a month -> 7019.04 a year', () => {
    const r = flexibleMedical({ kind: 'fixed-monthly', monthly: '584.92' });
    expect(formatMoney(r.total.monthly)).toBe('584.92');
    expect(formatMoney(r.total.yearly)).toBe('7019.04');
  });

  it('重庆 2025 fixed yearly tiers: 3075 -> 256.25 a month, 6765 -> 563.75', () => {
    const one = flexibleMedical({ kind: 'fixed-yearly', yearly: 3075 });
    expect(formatMoney(one.total.monthly)).toBe('256.25');
    expect(formatMoney(one.total.yearly)).toBe('3075');
    expect(one.steps[0]?.notes).toEqual(['monthly_from_yearly']);
    expect(formatMoney(flexibleMedical({ kind: 'fixed-yearly', yearly: 6765 }).total.monthly)).toBe(
      '563.75',
    );
  });

  it('rounds half-up: 成都 2025 6117 × 9.5 % = 581.115 -> 581.12; × 12 = 6973.44', () => {
    const r = flexibleMedical({ kind: 'rate', base: 6117, ratePct: '9.5' });
    expect(formatMoney(r.total.monthly)).toBe('581.12');
    expect(formatMoney(r.total.yearly)).toBe('6973.44');
  });

  it('上海 11 % at the 2025 floor 7460 = 820.6 (shown 820.60); a base below the band is moved into it', () => {
    expect(
      formatMoney(flexibleMedical({ kind: 'rate', base: 7460, ratePct: 11 }).total.monthly),
    ).toBe('820.60');
    // chosen 3000 below a 5510 floor -> 5510 × 8 % = 440.8
    const r = flexibleMedical({
      kind: 'rate',
      base: 3000,
      ratePct: 8,
      band: { floor: 5510, cap: 27549 },
    });
    expect(formatMoney(r.base ?? 0)).toBe('5510');
    expect(r.adjustment).toBe('raised_to_floor');
    expect(formatMoney(r.total.monthly)).toBe('440.80');
  });

  it('properties: total = premium + fee, yearly = monthly × 12, a higher base never costs less', () => {
    fc.assert(
      fc.property(money(40_000), money(40_000), pct(12), money(20), (x, y, rate, fee) => {
        const [lo, hi] = x.lessThan(y) ? [x, y] : [y, x];
        const a = flexibleMedical({
          kind: 'rate',
          base: lo,
          ratePct: rate,
          largeAmountFeeMonthly: fee,
        });
        const b = flexibleMedical({
          kind: 'rate',
          base: hi,
          ratePct: rate,
          largeAmountFeeMonthly: fee,
        });
        expect(a.premium.monthly.plus(a.largeAmountFee.monthly).equals(a.total.monthly)).toBe(true);
        expect(a.total.yearly.equals(a.total.monthly.times(12))).toBe(true);
        expect(a.total.monthly.lessThanOrEqualTo(b.total.monthly)).toBe(true);
      }),
    );
  });
});
