import { describe, expect, it } from 'vitest';
import { lowIncomeSubsidy } from '../../src/answers/calc/low-income-subsidy.js';
import { ctx, NANCHANG, policies } from './helpers.js';

const run = (slots: Parameters<typeof ctx>[0]) => lowIncomeSubsidy(policies, ctx(slots));

describe('low_income_subsidy', () => {
  it('Jiangxi 低保: 400 − 320 = 80, with the data caveat', () => {
    const { text, bureau } = run({ region: NANCHANG, specialGroup: 'dibao' });
    expect(bureau).toBe('medical');
    expect(text).toContain('400 − 320 = 80元/年');
    expect(text).toContain('30元');
    expect(text).toContain('国办发〔2021〕42号');
    expect(text).toContain('依据');
  });

  it('特困: fully paid, 0', () => {
    const { text } = run({ region: NANCHANG, specialGroup: 'tekun' });
    expect(text).toContain('= 0元/年');
    expect(text).toContain('全额资助');
  });

  it('national 低保: the amount is local, not invented', () => {
    const { text } = run({ specialGroup: 'dibao' });
    expect(text).toContain('金额由当地确定');
    expect(text).not.toContain('个人实际缴纳');
    expect(text).toContain('70%');
  });

  it('without a group: the groups and the national rules', () => {
    const { text } = run({});
    expect(text).toContain('特困人员：个人缴费部分全额资助');
    expect(text).toContain('告诉我你属于哪一类');
    expect(text).toContain('依据');
  });
});
