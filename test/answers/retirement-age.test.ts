import { describe, expect, it } from 'vitest';
import { retirementAge } from '../../src/answers/calc/retirement-age.js';
import { ctx, policies } from './helpers.js';

const run = (slots: Parameters<typeof ctx>[0]) => retirementAge(policies, ctx(slots));

describe('retirement_age', () => {
  it('men born 1975-05 -> 62岁8个月, 2038年1月', () => {
    const { text, bureau } = run({ gender: 'male', birthYear: 1975, birthMonth: 5 });
    expect(bureau).toBe('pension');
    expect(text).toContain('62岁8个月');
    expect(text).toContain('2038年1月退休');
    expect(text).toContain('最早60岁');
    expect(text).toContain('最晚65岁8个月');
    expect(text).toContain('2024年9月13日');
    expect(text).toContain('2025年1月1日起施行');
    expect(text).toContain('依据：全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定');
  });

  it('women workers born 1980-03 -> 52岁8个月, 2032年11月', () => {
    const { text } = run({
      gender: 'female',
      jobCategory: 'worker',
      birthYear: 1980,
      birthMonth: 3,
    });
    expect(text).toContain('52岁8个月');
    expect(text).toContain('2032年11月退休');
    expect(text).not.toContain('干部');
  });

  it('women cadres born 1972-06 -> 55岁8个月, 2028年2月', () => {
    const { text } = run({
      gender: 'female',
      jobCategory: 'cadre',
      birthYear: 1972,
      birthMonth: 6,
    });
    expect(text).toContain('55岁8个月');
    expect(text).toContain('2028年2月退休');
  });

  it('a woman without a job category gets both results', () => {
    const { text } = run({ gender: 'female', birthYear: 1980, birthMonth: 3 });
    expect(text).toContain('52岁8个月');
    expect(text).toContain('57岁7个月');
  });

  it('birth month missing: January and December', () => {
    const { text } = run({ gender: 'male', birthYear: 1970 });
    expect(text).toContain('1970年1月出生');
    expect(text).toContain('1970年12月出生');
    // 1970-01: idx 60 -> 16 months; 1970-12: idx 71 -> 18 months
    expect(text).toContain('61岁4个月，2031年5月退休');
    expect(text).toContain('61岁6个月，2032年6月退休');
  });

  it('only an age: estimates the birth year and says so', () => {
    const { text } = run({ gender: 'male', age: 40 });
    expect(text).toContain('按1986年出生估算');
    expect(text).toContain('63岁');
  });

  it('born before the reform: no delay', () => {
    const { text } = run({ gender: 'male', birthYear: 1964, birthMonth: 12 });
    expect(text).toContain('不延迟');
    expect(text).toContain('2024年12月退休');
  });

  it('without gender or birth: the rule and a polite request', () => {
    const { text } = run({});
    expect(text).toContain('告诉我你的性别');
    expect(text).toContain('63岁');
    expect(text).toContain('依据');
  });
});

describe('someone already at or past the statutory age (issue 12)', () => {
  it('a woman worker born 1972-08 is told she reached it in 2022, with no window in the past', () => {
    const { text } = retirementAge(
      policies,
      ctx({ gender: 'female', jobCategory: 'worker', birthYear: 1972, birthMonth: 8 }),
    );
    expect(text).toContain('已经到了法定退休年龄（2022年8月）');
    expect(text).not.toContain('弹性范围');
    expect(text).toContain('弹性推迟的期限也已过');
  });

  it('a man born 1966-03 reached it in 2026-07 and may still defer to 2029-07', () => {
    const { text } = retirementAge(
      policies,
      ctx({ gender: 'male', birthYear: 1966, birthMonth: 3 }),
    );
    expect(text).toContain('已经到了法定退休年龄（2026年7月）');
    expect(text).toContain('还可推迟到2029年7月');
  });

  it('someone not there yet still gets the whole window', () => {
    const { text } = retirementAge(
      policies,
      ctx({ gender: 'female', jobCategory: 'cadre', birthYear: 1975, birthMonth: 5 }),
    );
    expect(text).toContain('弹性范围：最早55岁（2030年5月');
  });
});
