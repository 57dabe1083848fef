import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { employeeMedical, formatMoney } from '../../src/calc/index.js';
import { money, pct } from './arbitraries.js';

const BEIJING_2025 = { floor: 7162, cap: 35811 };

describe('employeeMedical', () => {
  it('北京-like: income 10000, 2 % + 9.8 % + 大额 3', () => {
    // 10000 × 2 % = 200; 10000 × 9.8 % = 980; 200 + 3 = 203; 200 + 980 + 3 = 1183; × 12 = 14196
    const r = employeeMedical({
      income: 10000,
      band: BEIJING_2025,
      individualPct: 2,
      employerPct: '9.8',
      largeAmountFeeMonthly: 3,
    });
    expect(formatMoney(r.individual.monthly)).toBe('200');
    expect(formatMoney(r.employer.monthly)).toBe('980');
    expect(formatMoney(r.individualTotal.monthly)).toBe('203');
    expect(formatMoney(r.total.monthly)).toBe('1183');
    expect(formatMoney(r.total.yearly)).toBe('14196');
    expect(formatMoney(r.largeAmountFee.yearly)).toBe('36');
    expect(r.steps.map((s) => s.label)).toEqual([
      'base',
      'individual',
      'employer',
      'individual_total',
      'total',
      'total_yearly',
    ]);
    expect(r.steps[1]).toEqual({
      label: 'individual',
      formula: 'base × individualPct',
      values: { base: '10000', individualPct: '2%' },
      result: '200',
    });
  });

  it('raises a low income to the floor before applying the rates', () => {
    // base 7162; 7162 × 2 % = 143.24; 7162 × 9.8 % = 701.876 -> 701.88;
    // total 143.24 + 701.88 + 3 = 848.12; × 12 = 10177.44
    const r = employeeMedical({
      income: 5000,
      band: BEIJING_2025,
      individualPct: 2,
      employerPct: '9.8',
      largeAmountFeeMonthly: 3,
    });
    expect(r.base.adjustment).toBe('raised_to_floor');
    expect(formatMoney(r.individual.monthly)).toBe('143.24');
    expect(formatMoney(r.employer.monthly)).toBe('701.88');
    expect(formatMoney(r.total.monthly)).toBe('848.12');
    expect(formatMoney(r.total.yearly)).toBe('10177.44');
    expect(formatMoney(r.individual.yearly)).toBe('1718.88');
  });

  it('南京: employer 7 %, individual 2 %, no 大额 fee', () => {
    // Jiangsu band 4952–24762; income 8000: 160 + 560 = 720; × 12 = 8640
    const r = employeeMedical({
      income: 8000,
      band: { floor: 4952, cap: 24762 },
      individualPct: 2,
      employerPct: 7,
    });
    expect(formatMoney(r.individual.monthly)).toBe('160');
    expect(formatMoney(r.employer.monthly)).toBe('560');
    expect(formatMoney(r.total.monthly)).toBe('720');
    expect(formatMoney(r.total.yearly)).toBe('8640');
    expect(r.steps.map((s) => s.label)).not.toContain('individual_total');
  });

  it('properties: shares add up, yearly = monthly × 12, more income never costs less', () => {
    fc.assert(
      fc.property(
        money(60_000),
        money(60_000),
        pct(3),
        pct(12),
        money(20),
        (x, y, ind, emp, fee) => {
          const input = {
            band: { floor: 4000, cap: 30000 },
            individualPct: ind,
            employerPct: emp,
            largeAmountFeeMonthly: fee,
          };
          const a = employeeMedical({ ...input, income: x.lessThan(y) ? x : y });
          const b = employeeMedical({ ...input, income: x.lessThan(y) ? y : x });
          expect(
            a.individual.monthly
              .plus(a.employer.monthly)
              .plus(a.largeAmountFee.monthly)
              .equals(a.total.monthly),
          ).toBe(true);
          expect(a.individualTotal.monthly.plus(a.employer.monthly).equals(a.total.monthly)).toBe(
            true,
          );
          expect(a.total.yearly.equals(a.total.monthly.times(12))).toBe(true);
          expect(a.total.monthly.lessThanOrEqualTo(b.total.monthly)).toBe(true);
          expect(a.individualTotal.monthly.lessThanOrEqualTo(b.individualTotal.monthly)).toBe(true);
        },
      ),
    );
  });
});
