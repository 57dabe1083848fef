import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountDivisor,
  CalcInputError,
  formatMoney,
  formatNumber,
  pensionEstimate,
} from '../../src/calc/index.js';
import { money } from './arbitraries.js';
import { DIVISOR_TABLE } from './fixtures.js';

const base = { accrualPct: 1, divisorTable: DIVISOR_TABLE };

describe('accountDivisor (计发月数)', () => {
  it.each([
    [60, 0, '139'],
    [55, 0, '170'],
    [50, 0, '195'],
    [47, 0, '208'],
    // 60 y 1 m: 139 + (132 − 139) × 1/12 = 138.4167 -> 138.4 (POLICY-FACTS §3.1)
    [60, 1, '138.4'],
    // 50 y 1 m: 195 + (190 − 195) × 1/12 = 194.5833 -> 194.6 (POLICY-FACTS §3.1)
    [50, 1, '194.6'],
    // 62 y 8 m: 125 + (117 − 125) × 8/12 = 119.6667 -> 119.7
    [62, 8, '119.7'],
    // 55 y 8 m: 170 + (164 − 170) × 8/12 = 166
    [55, 8, '166'],
    // 52 y 8 m: 185 + (180 − 185) × 8/12 = 181.6667 -> 181.7
    [52, 8, '181.7'],
    // 63 y 6 m: 117 + (109 − 117) × 6/12 = 113
    [63, 6, '113'],
  ])('%i y %i m -> %s', (years, months, expected) => {
    const r = accountDivisor(DIVISOR_TABLE, { years, months });
    expect(formatNumber(r.divisor)).toBe(expected);
    expect(r.interpolated).toBe(months > 0);
  });

  it('refuses ages outside the table and months without an interpolation rule', () => {
    expect(() => accountDivisor(DIVISOR_TABLE, { years: 39, months: 0 })).toThrow(CalcInputError);
    expect(() => accountDivisor(DIVISOR_TABLE, { years: 70, months: 1 })).toThrow(CalcInputError);
    expect(() => accountDivisor(DIVISOR_TABLE, { years: 60, months: 12 })).toThrow(CalcInputError);
    expect(() =>
      accountDivisor({ months: DIVISOR_TABLE.months }, { years: 60, months: 1 }),
    ).toThrow(CalcInputError);
  });

  it('property: an age with months lies between its whole-age neighbours', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 69 }),
        fc.integer({ min: 0, max: 11 }),
        (years, months) => {
          const d = accountDivisor(DIVISOR_TABLE, { years, months }).divisor;
          const at = DIVISOR_TABLE.months[String(years)] as number;
          const next = DIVISOR_TABLE.months[String(years + 1)] as number;
          expect(d.lessThanOrEqualTo(at) && d.greaterThanOrEqualTo(next)).toBe(true);
        },
      ),
    );
  });
});

describe('pensionEstimate', () => {
  it('golden: C平 8000, index 1.0, 30 years, balance 150000, at 60 -> 2400 + 1079.14 = 3479.14', () => {
    // (8000 + 8000 × 1.0) ÷ 2 × 30 × 1 % = 2400; 150000 ÷ 139 = 1079.1367 -> 1079.14
    const r = pensionEstimate({
      ...base,
      calcBase: 8000,
      averageIndex: '1.0',
      years: 30,
      retirementAge: 60,
      account: { balance: 150000 },
    });
    expect(formatMoney(r.basic)).toBe('2400');
    expect(formatMoney(r.personal)).toBe('1079.14');
    expect(formatMoney(r.total)).toBe('3479.14');
    expect(r.balanceProjected).toBe(false);
    expect(r.steps.map((s) => s.label)).toEqual(['basic', 'divisor', 'personal', 'total']);
    expect(r.steps[0]).toEqual({
      label: 'basic',
      formula: '(calcBase + calcBase × averageIndex) ÷ 2 × years × accrualPct',
      values: { calcBase: '8000', averageIndex: '1', years: '30', accrualPct: '1%' },
      result: '2400',
    });
  });

  it('golden: C平 12049, index 0.8, 30 years -> basic 3253.23', () => {
    // 12049 × 1.8 ÷ 2 × 30 × 1 % = 12049 × 0.27 = 3253.23
    const r = pensionEstimate({
      ...base,
      calcBase: 12049,
      averageIndex: '0.8',
      years: 30,
      retirementAge: 60,
      account: { balance: 0 },
    });
    expect(formatMoney(r.basic)).toBe('3253.23');
  });

  it('fractional years: C平 9493, index 1.2, 25.5 years -> 2662.79', () => {
    // (9493 + 11391.6) ÷ 2 = 10442.3; × 25.5 × 1 % = 2662.7865 -> 2662.79
    const r = pensionEstimate({
      ...base,
      calcBase: 9493,
      averageIndex: '1.2',
      years: '25.5',
      retirementAge: 60,
      account: { balance: 0 },
    });
    expect(formatMoney(r.basic)).toBe('2662.79');
  });

  it('an age with months uses the interpolated divisor: 150000 ÷ 138.4 = 1083.815 -> 1083.82', () => {
    const r = pensionEstimate({
      ...base,
      calcBase: 8000,
      averageIndex: 1,
      years: 30,
      retirementAge: { years: 60, months: 1 },
      account: { balance: 150000 },
    });
    expect(formatNumber(r.divisor)).toBe('138.4');
    expect(formatMoney(r.personal)).toBe('1083.82');
    expect(formatMoney(r.total)).toBe('3483.82');
    expect(r.steps.find((s) => s.label === 'divisor')?.notes).toEqual(['divisor_interpolated']);
  });

  it('projects the balance without rates: 5000 × 8 % = 400 × 120 months = 48000; ÷ 139 = 345.32', () => {
    const r = pensionEstimate({
      ...base,
      calcBase: 8000,
      averageIndex: 1,
      years: 10,
      retirementAge: 60,
      account: { projection: { monthlyBase: 5000, accountPct: 8 } },
    });
    expect(r.balanceProjected).toBe(true);
    expect(formatMoney(r.balance)).toBe('48000');
    expect(formatMoney(r.personal)).toBe('345.32'); // 48000 ÷ 139 = 345.3237
    const balanceStep = r.steps.find((s) => s.label === 'account_balance');
    expect(balanceStep?.notes).toEqual(['projection', 'no_interest']);
    expect(r.steps.find((s) => s.label === 'account_monthly')?.notes).toEqual([
      'projection',
      'constant_base_assumed',
    ]);
    expect(r.steps.find((s) => s.label === 'personal')?.notes).toEqual(['projection']);
  });

  it('projects with credited rates, interest on the opening balance of each year', () => {
    // 6000 × 8 % = 480 a month, 5760 a year; rates 6.12 %, 3.97 %, 2.62 % (2022–2024)
    // y1: 0 + 0 + 5760 = 5760
    // y2: 5760 × 3.97 % = 228.672 -> 228.67; 5760 + 228.67 + 5760 = 11748.67
    // y3: 11748.67 × 2.62 % = 307.8152 -> 307.82; 11748.67 + 307.82 + 5760 = 17816.49
    // at 63: 17816.49 ÷ 117 = 152.2777 -> 152.28; basic 8000 × 3 × 1 % = 240; total 392.28
    const r = pensionEstimate({
      ...base,
      calcBase: 8000,
      averageIndex: 1,
      years: 3,
      retirementAge: 63,
      account: {
        projection: {
          monthlyBase: 6000,
          accountPct: 8,
          creditedRatesPct: ['6.12', '3.97', '2.62'],
        },
      },
    });
    expect(r.projection?.map((y) => formatMoney(y.closing))).toEqual([
      '5760',
      '11748.67',
      '17816.49',
    ]);
    expect(formatMoney(r.personal)).toBe('152.28');
    expect(formatMoney(r.total)).toBe('392.28');
    expect(r.steps.find((s) => s.label === 'account_balance')?.notes).toEqual([
      'projection',
      'interest_from_next_year',
    ]);
  });

  it('projects from an opening balance and repeats the last rate', () => {
    // y1: 100000 × 3.97 % = 3970; 100000 + 3970 + 4800 = 108770
    // y2 (last rate 3.97 % repeated): 108770 × 3.97 % = 4318.169 -> 4318.17; + 4800 = 117888.17
    const r = pensionEstimate({
      ...base,
      calcBase: 8000,
      averageIndex: 1,
      years: 2,
      retirementAge: 60,
      account: {
        projection: {
          monthlyBase: 5000,
          accountPct: 8,
          creditedRatesPct: ['3.97'],
          openingBalance: 100000,
        },
      },
    });
    expect(formatMoney(r.balance)).toBe('117888.17');
    expect(r.steps.find((s) => s.label === 'account_balance')?.notes).toContain(
      'last_rate_repeated',
    );
  });

  it('a part year: 15.5 years = 186 months × 400 = 74400', () => {
    const r = pensionEstimate({
      ...base,
      calcBase: 8000,
      averageIndex: 1,
      years: '15.5',
      retirementAge: 60,
      account: { projection: { monthlyBase: 5000, accountPct: 8 } },
    });
    expect(formatMoney(r.balance)).toBe('74400');
    expect(() =>
      pensionEstimate({
        ...base,
        calcBase: 8000,
        averageIndex: 1,
        years: '15.55',
        retirementAge: 60,
        account: { projection: { monthlyBase: 5000, accountPct: 8 } },
      }),
    ).toThrow(CalcInputError);
  });

  it('properties: total = basic + personal; more balance, years or index never gives less', () => {
    fc.assert(
      fc.property(
        money(20_000),
        fc.integer({ min: 60, max: 300 }),
        fc.integer({ min: 0, max: 45 }),
        money(2_000_000),
        money(100_000),
        fc.integer({ min: 40, max: 69 }),
        fc.integer({ min: 0, max: 11 }),
        (calcBase, index100, years, balance, extra, ageYears, ageMonths) => {
          const input = {
            ...base,
            calcBase: calcBase.plus(1),
            averageIndex: new Decimal(index100).dividedBy(100),
            years,
            retirementAge: { years: ageYears, months: ageMonths },
            account: { balance },
          };
          const r = pensionEstimate(input);
          expect(r.basic.plus(r.personal).equals(r.total)).toBe(true);
          const more = pensionEstimate({
            ...input,
            years: years + 1,
            averageIndex: input.averageIndex.plus('0.01'),
            account: { balance: balance.plus(extra) },
          });
          expect(more.basic.greaterThanOrEqualTo(r.basic)).toBe(true);
          expect(more.personal.greaterThanOrEqualTo(r.personal)).toBe(true);
        },
      ),
    );
  });

  it('property: a later retirement age never gives a smaller account pension', () => {
    fc.assert(
      fc.property(
        money(1_000_000),
        fc.integer({ min: 40 * 12, max: 70 * 12 - 1 }),
        (balance, months) => {
          const at = (m: number) =>
            pensionEstimate({
              ...base,
              calcBase: 8000,
              averageIndex: 1,
              years: 15,
              retirementAge: { years: Math.floor(m / 12), months: m % 12 },
              account: { balance },
            }).personal;
          expect(at(months + 1).greaterThanOrEqualTo(at(months))).toBe(true);
        },
      ),
    );
  });
});
