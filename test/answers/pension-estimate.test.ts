import fc from 'fast-check';
import type { Slots } from '../../src/nlu/slot-schema.js';
import { describe, expect, it } from 'vitest';
import { pensionEstimate } from '../../src/answers/calc/pension-estimate.js';
import { ctx, NANCHANG, policies } from './helpers.js';

describe('pension_estimate', () => {
  it('golden: 8000, index 1, 30 years, balance 150000 at 60 -> 3479.14', () => {
    const { text, bureau } = pensionEstimate(
      policies,
      ctx(
        {
          averageWage: '8000',
          contributionIndex: '1',
          contributionYears: 30,
          accountBalance: '150000',
          retirementAge: 60,
        },
        ['contributionIndex'],
      ),
    );
    expect(bureau).toBe('pension');
    expect(text).toContain('(8000 + 8000 × 1) ÷ 2 × 30年 × 1% = 2400元');
    expect(text).toContain('150000 ÷ 计发月数139 = 1079.14元');
    expect(text).toContain('2400 + 1079.14 = 3479.14元/月');
    expect(text).toContain('按缴费指数1（平均档）估算');
    expect(text).toContain('依据');
    expect(text).toContain('国发〔2005〕38号');
  });

  it('uses the region 计发基数, the statutory age and a stated projection', () => {
    const { text } = pensionEstimate(
      policies,
      ctx({
        region: NANCHANG,
        contributionYears: 30,
        gender: 'male',
        birthYear: 1975,
        birthMonth: 5,
      }),
    );
    expect(text).toContain('江西省2025年计发基数7054元');
    expect(text).toContain('(7054 + 7054 × 1) ÷ 2 × 30年 × 1% = 2116.20元');
    expect(text).toContain('62岁8个月');
    // 计发月数 at 62 y 8 m: 125 + (117 − 125) × 8 ÷ 12 = 119.67 -> 119.7
    expect(text).toContain('计发月数119.7');
    expect(text).toContain('推算值');
    expect(text).toContain('记账利率');
  });

  it('says 60 is assumed without an age', () => {
    const { text } = pensionEstimate(
      policies,
      ctx({ averageWage: '8000', contributionYears: 15, accountBalance: '0' }),
    );
    expect(text).toContain('按60岁退休估算');
    expect(text).toContain('(8000 + 8000 × 1) ÷ 2 × 15年 × 1% = 1200元');
  });

  it('explains what is needed without contribution years', () => {
    const { text } = pensionEstimate(policies, ctx({ region: NANCHANG }));
    expect(text).toContain('缴费年限');
    expect(text).toContain('计算公式');
  });

  it('asks for the place when no 计发基数 is known', () => {
    const { text } = pensionEstimate(policies, ctx({ contributionYears: 20 }));
    expect(text).toContain('哪个省市');
  });

  it('answers politely for an age outside the divisor table', () => {
    const { text } = pensionEstimate(
      policies,
      ctx({
        averageWage: '8000',
        contributionYears: 20,
        accountBalance: '1000',
        retirementAge: 75,
      }),
    );
    expect(text).toContain('没法算出');
  });
});

describe('whether the years reach the minimum for the retirement year (issue 12)', () => {
  const XIAN = { province: '陕西省', city: '西安市', code: '610100' };

  it('a man born 1990-03 with 15 years retires in 2053, needs 20 and is 5 short', () => {
    const { text } = pensionEstimate(
      policies,
      ctx({ gender: 'male', birthYear: 1990, birthMonth: 3, contributionYears: 15, region: XIAN }),
    );
    expect(text).toContain('2053年退休，领取按月养老金最低需缴费20年');
    expect(text).toContain('还差5年');
    expect(text).toContain('一次性补缴');
  });

  it('with no birth or retirement year it says the minimum was not checked', () => {
    const { text } = pensionEstimate(policies, ctx({ contributionYears: 15, region: XIAN }));
    expect(text).toContain('没有核对最低缴费年限');
  });

  it('for any birth month, gender and years: it qualifies, or says by how much it does not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Slots['gender']>('male', 'female'),
        fc.constantFrom<Slots['jobCategory']>('worker', 'cadre'),
        fc.integer({ min: 1966, max: 2000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (gender, jobCategory, birthYear, birthMonth, years) => {
          const { text } = pensionEstimate(
            policies,
            ctx({
              gender,
              jobCategory,
              birthYear,
              birthMonth,
              contributionYears: years,
              region: XIAN,
            }),
          );
          return /已满/.test(text) || /还差\d+年|还差\d+个月/.test(text);
        },
      ),
      { numRuns: 120, seed: 12 },
    );
  });
});
