import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { employeePension, formatMoney } from '../../src/calc/index.js';
import { money } from './arbitraries.js';

const RATES = { employerPct: 16, individualPct: 8 };
const AVG_7570 = { averageWage: 7570, floorPct: 60, capPct: 300 };

describe('employeePension', () => {
  it('base 5000: employer 800, individual 400', () => {
    const r = employeePension({ income: 5000, band: AVG_7570, ...RATES });
    expect(formatMoney(r.employer.monthly)).toBe('800');
    expect(formatMoney(r.individual.monthly)).toBe('400');
    expect(formatMoney(r.total.monthly)).toBe('1200');
    expect(formatMoney(r.individual.yearly)).toBe('4800');
    expect(formatMoney(r.total.yearly)).toBe('14400');
  });

  it('average wage 7570, income 3000 -> base 4542, individual 363.36', () => {
    // 4542 × 8 % = 363.36; 4542 × 16 % = 726.72; total 1090.08
    const r = employeePension({ income: 3000, band: AVG_7570, ...RATES });
    expect(formatMoney(r.base.base)).toBe('4542');
    expect(r.base.adjustment).toBe('raised_to_floor');
    expect(formatMoney(r.individual.monthly)).toBe('363.36');
    expect(formatMoney(r.employer.monthly)).toBe('726.72');
    expect(formatMoney(r.total.monthly)).toBe('1090.08');
  });

  it('income above the cap is cut: 30000 -> 22710 -> individual 1816.80, employer 3633.60', () => {
    const r = employeePension({ income: 30000, band: AVG_7570, ...RATES });
    expect(formatMoney(r.individual.monthly)).toBe('1816.80');
    expect(formatMoney(r.employer.monthly)).toBe('3633.60');
  });

  it('上海 2025 floor 7460: individual 596.80, employer 1193.60', () => {
    const r = employeePension({ income: 6000, band: { floor: 7460, cap: 37302 }, ...RATES });
    expect(formatMoney(r.individual.monthly)).toBe('596.80');
    expect(formatMoney(r.employer.monthly)).toBe('1193.60');
  });

  it('properties: individual + employer = total; more income never costs less', () => {
    fc.assert(
      fc.property(money(50_000), money(50_000), (x, y) => {
        const [lo, hi] = x.lessThan(y) ? [x, y] : [y, x];
        const a = employeePension({ income: lo, band: AVG_7570, ...RATES });
        const b = employeePension({ income: hi, band: AVG_7570, ...RATES });
        expect(a.individual.monthly.plus(a.employer.monthly).equals(a.total.monthly)).toBe(true);
        expect(a.individual.yearly.plus(a.employer.yearly).equals(a.total.yearly)).toBe(true);
        expect(a.total.monthly.lessThanOrEqualTo(b.total.monthly)).toBe(true);
        expect(a.individual.monthly.lessThanOrEqualTo(b.individual.monthly)).toBe(true);
      }),
    );
  });
});
