import { describe, expect, it } from 'vitest';
import { pensionContribution } from '../../src/answers/calc/pension-contribution.js';
import { ctx, NANCHANG, policies } from './helpers.js';

const run = (slots: Parameters<typeof ctx>[0]) => pensionContribution(policies, ctx(slots));

describe('pension_contribution', () => {
  it('raises a low income to the floor of the average wage band', () => {
    const { text, bureau } = run({ averageWage: '7570', monthlyIncome: '3000' });
    expect(bureau).toBe('pension');
    expect(text).toContain('4542');
    expect(text).toContain('22710');
    expect(text).toContain('4542 × 8% = 363.36');
    expect(text).toContain('低于下限');
    expect(text).toContain('依据');
    expect(text).toContain('国办发〔2019〕13号');
  });

  it('computes employer and individual shares inside the band', () => {
    const { text } = run({ region: NANCHANG, monthlyIncome: '5000' });
    expect(text).toContain('5000 × 8% = 400');
    expect(text).toContain('5000 × 16% = 800');
    expect(text).toContain('3915');
    expect(text).toContain('19575');
    expect(text).toContain('江西省2025年');
  });

  it('shows the floor and cap figures when the income is missing', () => {
    const { text } = run({ region: NANCHANG });
    expect(text).toContain('3915 × 8% = 313.20');
    expect(text).toContain('19575 × 8% = 1566');
  });

  it('flexible: 20 % of the chosen base, 8 % to the account', () => {
    const { text } = run({ employment: 'flexible', averageWage: '7570', contributionBase: '5000' });
    expect(text).toContain('5000元 × 20% = 1000元/月');
    expect(text).toContain('5000 × 8% = 400元记入个人账户');
    expect(text).toContain('依据');
  });

  it('flexible without a base: the 60 %, 100 % and 300 % 档', () => {
    const { text } = run({ employment: 'flexible', averageWage: '7570' });
    expect(text).toContain('60%档：基数4542元 × 20% = 908.40元/月');
    expect(text).toContain('100%档：基数7570元 × 20% = 1514元/月');
    expect(text).toContain('300%档：基数22710元 × 20% = 4542元/月');
  });

  it('flexible with a region: the 档 from the region average wage', () => {
    const { text } = run({ employment: 'flexible', region: NANCHANG });
    expect(text).toContain('60%档：基数3915元');
    expect(text).toContain('300%档：基数19575元 × 20% = 3915元/月');
  });

  it('asks politely for a city and income when nothing is known', () => {
    const { text } = run({});
    expect(text).toContain('16%');
    expect(text).toContain('告诉我你的城市和月收入');
  });

  it('retirees do not pay', () => {
    expect(run({ employment: 'retiree' }).text).toContain('不再缴纳');
  });
});
