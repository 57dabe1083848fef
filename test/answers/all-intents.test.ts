import { describe, expect, it } from 'vitest';
import { createCalculators } from '../../src/answers/calculators.js';
import type { Slots } from '../../src/nlu/slot-schema.js';
import { BEIJING, ctx, HUNAN, NANCHANG, policies } from './helpers.js';

const calculators = createCalculators(policies);

/** Slot sets that produce figures, per intent. */
const FIGURES: [string, Slots][] = [
  ['pension_contribution', { averageWage: '7570', monthlyIncome: '3000' }],
  ['pension_contribution', { region: NANCHANG, employment: 'flexible' }],
  ['pension_estimate', { averageWage: '8000', contributionYears: 30, accountBalance: '150000' }],
  [
    'pension_estimate',
    { region: NANCHANG, contributionYears: 25, gender: 'female', birthYear: 1980 },
  ],
  ['retirement_age', { gender: 'female', birthYear: 1972, birthMonth: 6 }],
  ['contribution_years', { gender: 'male', birthYear: 1975, contributionYears: 10 }],
  ['reimbursement', { region: NANCHANG, employment: 'employee', medicalCost: '30000' }],
  ['reimbursement', { region: HUNAN, medicalCost: '30000' }],
  ['low_income_subsidy', { region: NANCHANG, specialGroup: 'dibao' }],
  ['compare_medical_types', { region: BEIJING }],
  ['compare_pension_types', { region: NANCHANG, contributionYears: 20 }],
];

const INTENTS = [
  'pension_contribution',
  'pension_estimate',
  'retirement_age',
  'contribution_years',
  'reimbursement',
  'low_income_subsidy',
  'compare_medical_types',
  'compare_pension_types',
] as const;

describe('calculators', () => {
  it('registers every calculated intent', () => {
    for (const intent of [...INTENTS, 'medical_contribution'] as const) {
      expect(calculators[intent]).toBeTypeOf('function');
    }
  });

  it.each(FIGURES)('%s with figures cites its basis (依据)', (intent, slots) => {
    const calc = calculators[intent as (typeof INTENTS)[number]]!;
    const { text } = calc(ctx(slots));
    expect(text).toMatch(/\d/);
    expect(text).toContain('依据');
    expect(text).not.toMatch(/NaN|undefined|Infinity|\d\.\d{3,}元/);
  });

  it.each(INTENTS)('%s never throws on empty or odd slots', (intent) => {
    const calc = calculators[intent]!;
    const odd: Slots[] = [
      {},
      { region: { province: '西藏自治区', code: '540000' } },
      { monthlyIncome: '0', contributionBase: '0', medicalCost: '0', contributionYears: 0 },
      { gender: 'female', age: 70, employment: 'retiree', specialGroup: 'disabled' },
      { retirementAge: 75, contributionYears: 60, accountBalance: '0', averageWage: '1' },
    ];
    for (const slots of odd) {
      const { text } = calc(ctx(slots));
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});
