import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, residentPension } from '../../src/calc/index.js';
import { money } from './arbitraries.js';

describe('residentPension', () => {
  it('tier 500 + subsidy 60 for 15 years, basic 143: account 8400, 8400 ÷ 139 = 60.43, monthly 203.43', () => {
    const r = residentPension({
      years: { contribution: 500, subsidy: 60, count: 15 },
      basicPensionMonthly: 143,
      divisor: 139,
    });
    expect(formatMoney(r.balance)).toBe('8400');
    expect(formatMoney(r.totalContributions)).toBe('7500');
    expect(formatMoney(r.totalSubsidies)).toBe('900');
    expect(formatMoney(r.personal)).toBe('60.43');
    expect(formatMoney(r.monthly)).toBe('203.43');
    expect(r.steps.find((s) => s.label === 'account_balance')?.notes).toEqual([
      'projection',
      'no_interest',
    ]);
  });

  it('a mixed history with a collective subsidy: 130 + 230 + 580 = 940; ÷ 139 = 6.76; + 123 = 129.76', () => {
    const r = residentPension({
      years: [
        { contribution: 100, subsidy: 30 },
        { contribution: 200, subsidy: 30 },
        { contribution: 500, subsidy: 60, collective: 20 },
      ],
      basicPensionMonthly: 123,
      divisor: 139,
    });
    expect(formatMoney(r.balance)).toBe('940');
    expect(formatMoney(r.personal)).toBe('6.76');
    expect(formatMoney(r.monthly)).toBe('129.76');
  });

  it('with credited rates: y1 1060; y2 1060 × 1.5 % = 15.90, 1060 + 15.90 + 1060 = 2135.90; ÷ 139 = 15.37', () => {
    const r = residentPension({
      years: { contribution: 1000, subsidy: 60, count: 2 },
      basicPensionMonthly: 163,
      divisor: 139,
      creditedRatesPct: ['2.62', '1.5'],
    });
    expect(formatMoney(r.balance)).toBe('2135.90');
    expect(formatMoney(r.personal)).toBe('15.37');
    expect(formatMoney(r.monthly)).toBe('178.37');
  });

  it('property: one more year never gives less; monthly = basic + personal', () => {
    fc.assert(
      fc.property(money(6000), money(300), fc.integer({ min: 0, max: 40 }), (c, s, n) => {
        const at = (count: number) =>
          residentPension({
            years: { contribution: c, subsidy: s, count },
            basicPensionMonthly: 143,
            divisor: 139,
            creditedRatesPct: ['2.62'],
          });
        const a = at(n);
        expect(a.basic.plus(a.personal).equals(a.monthly)).toBe(true);
        expect(at(n + 1).monthly.greaterThanOrEqualTo(a.monthly)).toBe(true);
      }),
    );
  });
});
