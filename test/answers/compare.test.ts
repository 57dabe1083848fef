import { describe, expect, it } from 'vitest';
import { compareMedicalTypes } from '../../src/answers/calc/compare-medical.js';
import { comparePensionTypes } from '../../src/answers/calc/compare-pension.js';
import { BEIJING, ctx, NANCHANG, policies } from './helpers.js';

describe('compare_medical_types', () => {
  it('Beijing: yearly cost of each option', () => {
    const { text, bureau } = compareMedicalTypes(policies, ctx({ region: BEIJING, age: 35 }));
    expect(bureau).toBe('medical');
    expect(text).toContain('7019.04');
    expect(text).toContain('795元/年');
    expect(text).toContain('7019.04 − 795 = 6224.04');
    expect(text).toContain('不替你做决定');
    expect(text).toContain('依据');
  });

  it('without slots: a general comparison and an invitation', () => {
    const { text } = compareMedicalTypes(policies, ctx({}));
    expect(text).toContain('告诉我你的城市');
    expect(text).not.toMatch(/建议你选|应该选/);
  });
});

describe('compare_pension_types', () => {
  it('Nanchang: flexible 60 % 档 vs two resident tiers', () => {
    const { text, bureau } = comparePensionTypes(policies, ctx({ region: NANCHANG }));
    expect(bureau).toBe('pension');
    expect(text).toContain('3915 × 20% = 783元');
    expect(text).toContain('一年9396元');
    // (7054 + 7054 × 0.6) ÷ 2 × 15 × 1% = 846.48
    expect(text).toContain('基础养老金846.48元');
    // resident 100 档: (100 + 30) × 15 = 1950; 163 + 1950 ÷ 139 = 177.03
    expect(text).toContain('163 + 1950 ÷ 139 = 177.03元/月');
    expect(text).toContain('按15年计算');
    expect(text).toContain('不替你做决定');
    expect(text).toContain('依据');
  });

  it('without slots: a general comparison and an invitation', () => {
    const { text } = comparePensionTypes(policies, ctx({}));
    expect(text).toContain('告诉我你的城市、年龄');
  });
});
