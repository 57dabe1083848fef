import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcInputError, clampBase, formatMoney } from '../../src/calc/index.js';
import { money, pct } from './arbitraries.js';

const AVG_7570 = { averageWage: 7570, floorPct: 60, capPct: 300 };

describe('clampBase', () => {
  it('derives the band from the average wage: 7570 -> 4542 / 22710', () => {
    // 7570 × 60 % = 4542; 7570 × 300 % = 22710
    const r = clampBase({ income: 5000, band: AVG_7570 });
    expect(formatMoney(r.floor)).toBe('4542');
    expect(formatMoney(r.cap)).toBe('22710');
    expect(formatMoney(r.base)).toBe('5000');
    expect(r.adjustment).toBe('none');
    expect(r.steps.map((s) => s.label)).toEqual(['floor', 'cap', 'base']);
    expect(r.steps[0]).toMatchObject({
      formula: 'averageWage × floorPct',
      values: { averageWage: '7570', floorPct: '60%' },
      result: '4542',
      notes: ['band_from_average_wage'],
    });
  });

  it('raises income below the floor and cuts income above the cap', () => {
    const low = clampBase({ income: 3000, band: AVG_7570 });
    expect(formatMoney(low.base)).toBe('4542');
    expect(low.adjustment).toBe('raised_to_floor');
    expect(low.steps.at(-1)?.notes).toEqual(['raised_to_floor']);
    const high = clampBase({ income: 30000, band: AVG_7570 });
    expect(formatMoney(high.base)).toBe('22710');
    expect(high.adjustment).toBe('cut_to_cap');
  });

  it('takes a published band: 北京 2025 7162–35811', () => {
    const r = clampBase({ income: '6000', band: { floor: 7162, cap: 35811 } });
    expect(formatMoney(r.base)).toBe('7162');
    expect(r.steps).toHaveLength(1);
    // Beijing's average 11937 × 60 % = 7162.2: a derived floor keeps the fen.
    expect(
      formatMoney(
        clampBase({ income: 0, band: { averageWage: 11937, floorPct: 60, capPct: 300 } }).base,
      ),
    ).toBe('7162.20');
  });

  it('keeps income exactly on the limits unchanged', () => {
    expect(clampBase({ income: 4542, band: AVG_7570 }).adjustment).toBe('none');
    expect(clampBase({ income: 22710, band: AVG_7570 }).adjustment).toBe('none');
  });

  it('refuses a floor above the cap and negative income', () => {
    expect(() => clampBase({ income: 1, band: { floor: 10, cap: 5 } })).toThrow(CalcInputError);
    expect(() => clampBase({ income: -1, band: AVG_7570 })).toThrow(CalcInputError);
  });

  it('property: the base stays within [floor, cap] and equals income inside it', () => {
    fc.assert(
      fc.property(money(100_000), money(20_000), money(100_000), (income, a, b) => {
        const [floor, cap] = a.lessThan(b) ? [a, b] : [b, a];
        const r = clampBase({ income, band: { floor, cap } });
        expect(r.base.greaterThanOrEqualTo(floor) && r.base.lessThanOrEqualTo(cap)).toBe(true);
        if (income.greaterThanOrEqualTo(floor) && income.lessThanOrEqualTo(cap)) {
          expect(r.base.equals(income)).toBe(true);
        }
      }),
    );
  });

  it('property: more income never gives a lower base', () => {
    fc.assert(
      fc.property(money(100_000), money(100_000), money(20_000), pct(400), (x, y, avg, capPct) => {
        const band = { averageWage: avg.plus(1), floorPct: 60, capPct: capPct.plus(60) };
        const [lo, hi] = x.lessThan(y) ? [x, y] : [y, x];
        expect(
          clampBase({ income: lo, band }).base.lessThanOrEqualTo(
            clampBase({ income: hi, band }).base,
          ),
        ).toBe(true);
      }),
    );
  });
});
