import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalcInputError,
  contributionYears,
  formatNumber,
  minimumYearsFor,
} from '../../src/calc/index.js';
import { MINIMUM_YEARS } from './fixtures.js';

describe('minimumYearsFor', () => {
  it.each([
    [2025, '15'],
    [2029, '15'],
    [2030, '15.5'],
    [2031, '16'],
    [2034, '17.5'],
    [2038, '19.5'],
    [2039, '20'],
    [2050, '20'],
  ])('%i -> %s years', (year, years) => {
    expect(formatNumber(minimumYearsFor(MINIMUM_YEARS, year))).toBe(years);
  });

  it('refuses a year before the schedule', () => {
    expect(() => minimumYearsFor(MINIMUM_YEARS, 2000)).toThrow(CalcInputError);
  });

  it('property: never decreases with the retirement year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2011, max: 2100 }), (year) => {
        expect(
          minimumYearsFor(MINIMUM_YEARS, year + 1).greaterThanOrEqualTo(
            minimumYearsFor(MINIMUM_YEARS, year),
          ),
        ).toBe(true);
      }),
    );
  });
});

describe('contributionYears', () => {
  it('15 years paid, retiring in 2029: met', () => {
    const r = contributionYears({ paidYears: 15, retirementYear: 2029, schedule: MINIMUM_YEARS });
    expect(r.met).toBe(true);
    expect(r.options).toEqual([]);
    expect(r.shortfall.totalMonths).toBe(0);
  });

  it('15 years paid, retiring in 2030: 15.5 needed (186 months), 6 months short', () => {
    const r = contributionYears({ paidYears: 15, retirementYear: 2030, schedule: MINIMUM_YEARS });
    expect(r.requiredMonths).toBe(186);
    expect(r.met).toBe(false);
    expect(r.shortfall).toEqual({ totalMonths: 6, years: 0, months: 6 });
    expect(r.options).toEqual(['keep_paying', 'lump_sum_top_up', 'move_to_resident_scheme']);
  });

  it('12 y 3 m paid, retiring in 2035: 18 years = 216 months needed, 216 − 147 = 69 = 5 y 9 m short', () => {
    const r = contributionYears({
      paidYears: 12,
      paidMonths: 3,
      retirementYear: 2035,
      schedule: MINIMUM_YEARS,
    });
    expect(r.paidMonths).toBe(147);
    expect(r.shortfall).toEqual({ totalMonths: 69, years: 5, months: 9 });
  });

  it('years that are not whole months are rounded down: 14.95 years = 179.4 -> 179 months, 1 short', () => {
    const r = contributionYears({
      paidYears: '14.95',
      retirementYear: 2025,
      schedule: MINIMUM_YEARS,
    });
    expect(r.paidMonths).toBe(179);
    expect(r.shortfall.totalMonths).toBe(1);
    expect(r.steps.find((s) => s.label === 'paid')?.notes).toEqual(['paid_rounded_down_to_month']);
  });

  it('20 years paid, retiring in 2040: met', () => {
    expect(
      contributionYears({ paidMonths: 240, retirementYear: 2040, schedule: MINIMUM_YEARS }).met,
    ).toBe(true);
  });

  it('property: paid + shortfall ≥ required, met iff no shortfall', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 2011, max: 2060 }),
        (months, year) => {
          const r = contributionYears({
            paidMonths: months,
            retirementYear: year,
            schedule: MINIMUM_YEARS,
          });
          expect(r.paidMonths + r.shortfall.totalMonths).toBeGreaterThanOrEqual(r.requiredMonths);
          expect(r.met).toBe(r.shortfall.totalMonths === 0);
          expect(r.shortfall.years * 12 + r.shortfall.months).toBe(r.shortfall.totalMonths);
          if (!r.met) expect(r.paidMonths + r.shortfall.totalMonths).toBe(r.requiredMonths);
        },
      ),
    );
  });
});
