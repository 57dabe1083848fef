import { describe, expect, it } from 'vitest';
import { contributionYears } from '../../src/answers/calc/contribution-years.js';
import { ctx, policies } from './helpers.js';

const run = (slots: Parameters<typeof ctx>[0]) => contributionYears(policies, ctx(slots));

describe('contribution_years', () => {
  it('computes the retirement year, the minimum and the shortfall', () => {
    const { text, bureau } = run({
      gender: 'male',
      birthYear: 1975,
      birthMonth: 5,
      contributionYears: 12,
    });
    expect(bureau).toBe('pension');
    expect(text).toContain('2038年1月退休');
    expect(text).toContain('最低需缴费19年6个月（19.5年，234个月）');
    expect(text).toContain('还差7年6个月');
    expect(text).toContain('一次性补缴');
    expect(text).toContain('城乡居民养老保险');
    expect(text).toContain('依据');
  });

  it('says when the minimum is met', () => {
    const { text } = run({ gender: 'male', birthYear: 1964, birthMonth: 6, contributionYears: 20 });
    expect(text).toContain('最低需缴费15年');
    expect(text).toContain('已满最低年限');
    expect(text).not.toContain('不够年限的办法');
  });

  it('women workers born 1980-03 retire in 2032: 16.5 years', () => {
    const { text } = run({
      gender: 'female',
      jobCategory: 'worker',
      birthYear: 1980,
      birthMonth: 3,
    });
    expect(text).toContain('最低需缴费16年6个月（16.5年');
    expect(text).toContain('告诉我你已经缴了多少年');
  });

  it('without birth data: the schedule and the shortfall at both ends', () => {
    const { text } = run({ contributionYears: 12 });
    expect(text).toContain('2029年及以前退休：15年');
    expect(text).toContain('2030年：15.5年');
    expect(text).toContain('2039年及以后：20年');
    expect(text).toContain('还差3年');
    expect(text).toContain('还差8年');
    expect(text).toContain('社会保险法');
  });
});
