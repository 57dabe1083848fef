import { describe, expect, it } from 'vitest';
import { reimbursement } from '../../src/answers/calc/reimbursement.js';
import { BEIJING, ctx, HUNAN, NANCHANG, policies } from './helpers.js';

const run = (slots: Parameters<typeof ctx>[0]) => reimbursement(policies, ctx(slots));

describe('reimbursement', () => {
  it('golden: 南昌 employee level 3, bill 30000 -> 24820 / 5180', () => {
    const { text, bureau } = run({
      region: NANCHANG,
      employment: 'employee',
      hospitalLevel: 3,
      medicalCost: '30000',
    });
    expect(bureau).toBe('medical');
    expect(text).toContain('(30000 − 起付线800) × 85% = 报销约24820元，自付约5180元');
    expect(text).toContain('依据：洪医保发〔2025〕27号');
  });

  it('南昌 residents: all three levels when the level is missing', () => {
    const { text } = run({ region: NANCHANG, employment: 'farmer', medicalCost: '10000' });
    expect(text).toContain('(10000 − 起付线100) × 90% = 报销约8910元');
    expect(text).toContain('(10000 − 起付线400) × 80% = 报销约7680元');
    expect(text).toContain('(10000 − 起付线600) × 60% = 报销约5640元');
    expect(text).toContain('洪府发〔2022〕38号');
  });

  it('without a table: a rough range from typical ratios, never a made-up table', () => {
    const { text } = run({ region: HUNAN, employment: 'employee', medicalCost: '30000' });
    expect(text).toContain('没有找到湖南省职工医保住院报销的具体标准');
    expect(text).toContain('24000–28500元');
    expect(text).toContain('粗略');
    expect(text).toContain('依据');
  });

  it('Beijing residents: the known deductible, the ratio as a range', () => {
    const { text } = run({
      region: BEIJING,
      employment: 'unemployed',
      medicalCost: '30000',
      hospitalLevel: 2,
    });
    expect(text).toContain('起付线800元');
    expect(text).toContain('18000–22500元');
  });

  it('retirees: says the uplift is not included', () => {
    const { text } = run({
      region: NANCHANG,
      employment: 'retiree',
      hospitalLevel: 3,
      medicalCost: '30000',
    });
    expect(text).toContain('24820');
    expect(text).toContain('退休人员');
  });

  it('without a bill: the rules and a request', () => {
    const { text } = run({ region: NANCHANG, employment: 'employee' });
    expect(text).toContain('起付线800元');
    expect(text).toContain('告诉我住院总费用');
  });

  it('a cap is applied and said', () => {
    const { text } = run({
      region: NANCHANG,
      employment: 'employee',
      hospitalLevel: 1,
      medicalCost: '200000',
    });
    expect(text).toContain('报销约100000元');
    expect(text).toContain('大病保险');
  });
});
