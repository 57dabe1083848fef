import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcInputError, flexiblePension, formatMoney } from '../../src/calc/index.js';
import { money, pct } from './arbitraries.js';

const RATES = { totalPct: 20, accountPct: 8 };
const AVG_7570 = { averageWage: 7570, floorPct: 60, capPct: 300 };

describe('flexiblePension', () => {
  it('base 5000: 1000 a month, 400 to the account, 600 to the pool', () => {
    const r = flexiblePension({ choice: { base: 5000 }, band: AVG_7570, ...RATES });
    expect(formatMoney(r.total.monthly)).toBe('1000');
    expect(formatMoney(r.account.monthly)).toBe('400');
    expect(formatMoney(r.pooled.monthly)).toBe('600');
    expect(formatMoney(r.total.yearly)).toBe('12000');
    expect(formatMoney(r.account.yearly)).toBe('4800');
  });

  it('档 60 % of 7570 = 4542: 908.40, account 363.36, pool 545.04', () => {
    const r = flexiblePension({ choice: { pctOfAverage: 60 }, band: AVG_7570, ...RATES });
    expect(formatMoney(r.base)).toBe('4542');
    expect(formatMoney(r.total.monthly)).toBe('908.40');
    expect(formatMoney(r.account.monthly)).toBe('363.36');
    expect(formatMoney(r.pooled.monthly)).toBe('545.04');
    expect(r.steps.find((s) => s.label === 'chosen_base')).toMatchObject({
      values: { averageWage: '7570', pctOfAverage: '60%' },
      result: '4542',
    });
  });

  it('档 100 % of 7570: 1514, account 605.60; 档 300 %: 22710 -> 4542', () => {
    const r = flexiblePension({ choice: { pctOfAverage: 100 }, band: AVG_7570, ...RATES });
    expect(formatMoney(r.total.monthly)).toBe('1514');
    expect(formatMoney(r.account.monthly)).toBe('605.60');
    expect(
      formatMoney(
        flexiblePension({ choice: { pctOfAverage: 300 }, band: AVG_7570, ...RATES }).total.monthly,
      ),
    ).toBe('4542');
  });

  it('江苏 published band 4952–24762: a base of 3000 is moved to 4952 -> 990.40 / 396.16 / 594.24', () => {
    const r = flexiblePension({
      choice: { base: 3000 },
      band: { floor: 4952, cap: 24762 },
      ...RATES,
    });
    expect(r.adjustment).toBe('raised_to_floor');
    expect(r.steps.find((s) => s.label === 'base')?.notes).toEqual([
      'chosen_base_moved_into_band',
      'raised_to_floor',
    ]);
    expect(formatMoney(r.total.monthly)).toBe('990.40');
    expect(formatMoney(r.account.monthly)).toBe('396.16');
    expect(formatMoney(r.pooled.monthly)).toBe('594.24');
  });

  it('a 档 on a published band needs the average wage', () => {
    expect(() =>
      flexiblePension({
        choice: { pctOfAverage: 60 },
        band: { floor: 4952, cap: 24762 },
        ...RATES,
      }),
    ).toThrow(CalcInputError);
    const r = flexiblePension({
      choice: { pctOfAverage: 60, averageWage: 8254 },
      band: { floor: 4952, cap: 24762 },
      ...RATES,
    });
    expect(formatMoney(r.base)).toBe('4952.40'); // 8254 × 60 %
  });

  it('properties: account + pool = total, base within the band, a higher base never costs less', () => {
    fc.assert(
      fc.property(money(40_000), money(40_000), pct(30), (x, y, accountPct) => {
        const [lo, hi] = x.lessThan(y) ? [x, y] : [y, x];
        const input = { band: AVG_7570, totalPct: 30, accountPct };
        const a = flexiblePension({ ...input, choice: { base: lo } });
        const b = flexiblePension({ ...input, choice: { base: hi } });
        expect(a.account.monthly.plus(a.pooled.monthly).equals(a.total.monthly)).toBe(true);
        expect(a.base.greaterThanOrEqualTo(4542) && a.base.lessThanOrEqualTo(22710)).toBe(true);
        expect(a.total.monthly.lessThanOrEqualTo(b.total.monthly)).toBe(true);
      }),
    );
  });
});
