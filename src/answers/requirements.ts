import type { Alternative, Requirements } from '../dialogue/requirements.js';
import type { IntentName } from '../nlu/intent-names.js';
import type { Policies } from '../policies/index.js';
import { contributionKind, pensionScheme } from './calc/contribution-kind.js';
import { minimumYearsUnknownGender } from './calc/contribution-years.js';

/**
 * What each calculated answer needs, as alternatives (src/dialogue/requirements.ts), declared
 * here once, beside the registry of the answers (calculators.ts) and read from the same slots
 * those answers read. A test plays every alternative of every intent through the answer and
 * checks it gives figures from exactly that set.
 */

/** An employee's pension: the base, or the income banded by the average wage or the region. */
const EMPLOYEE_PENSION: readonly Alternative[] = [
  { needs: ['contributionBase'] },
  { needs: ['monthlyIncome', 'averageWage'] },
  { needs: ['monthlyIncome', 'region'] },
  { needs: ['region'], fallback: true },
];

/** An employee's medical insurance: the base, or the income banded like the pension's. */
const EMPLOYEE_MEDICAL: readonly Alternative[] = [
  { needs: ['contributionBase'] },
  { needs: ['monthlyIncome', 'averageWage'] },
  { needs: ['monthlyIncome', 'region'] },
  { needs: ['region'], fallback: true },
];

/** The job not known yet: it is asked first, towards the employee's answer (its default). */
const withJob = (alternatives: readonly Alternative[]): Alternative[] =>
  alternatives.map((a) => ({ ...a, needs: ['employment', ...a.needs] }));

const medicalContribution: Requirements = {
  asks: ['employment', 'monthlyIncome', 'region'],
  defaults: { employment: 'employee' },
  alternatives(ctx) {
    switch (contributionKind(ctx, 'medical')) {
      case 'unknown':
        return withJob(EMPLOYEE_MEDICAL);
      case 'retiree':
        return [{ needs: [] }];
      case 'employee':
        return EMPLOYEE_MEDICAL;
      default:
        return [{ needs: ['region'] }];
    }
  },
};

const pensionContribution: Requirements = {
  asks: ['employment', 'monthlyIncome', 'region'],
  defaults: { employment: 'employee' },
  alternatives(ctx) {
    switch (contributionKind(ctx, 'pension')) {
      case 'unknown':
        return withJob(EMPLOYEE_PENSION);
      case 'retiree':
        return [{ needs: [] }];
      case 'employee':
        return EMPLOYEE_PENSION;
      case 'flexible':
        return [{ needs: ['contributionBase'] }, { needs: ['averageWage'] }, { needs: ['region'] }];
      default:
        return [{ needs: ['region'] }];
    }
  },
};

/**
 * The employee pension needs the years and what the basic pension is reckoned on (the average
 * wage named, or the region's); the index is taken as 1 and the account estimated unless given,
 * and the answer says so. The resident pension needs the place, or a stated account balance.
 */
const pensionEstimate: Requirements = {
  asks: ['region', 'contributionYears'],
  uses: [
    'averageWage',
    'contributionIndex',
    'accountBalance',
    'retirementAge',
    'gender',
    'birthYear',
  ],
  alternatives({ slots, scheme }) {
    if (pensionScheme(slots, scheme) === 'resident') {
      return [
        { needs: ['accountBalance'] },
        { needs: ['region'], optional: ['contributionYears'] },
      ];
    }
    return [
      // 个人账户那部分每月能领多少: the balance and the retirement age answer that part alone
      { needs: ['accountBalance', 'retirementAge'] },
      { needs: ['averageWage', 'contributionYears'] },
      { needs: ['region', 'contributionYears'] },
    ];
  },
};

/** The birth, as a birth year or an age. */
const BIRTH = [['birthYear'], ['age']] as const;

const retirementAge: Requirements = {
  asks: ['gender', 'jobCategory', 'birthYear'],
  uses: ['birthMonth', 'age'],
  alternatives({ slots }) {
    const job = slots.gender === 'female' ? { optional: ['jobCategory'] as const } : {};
    return BIRTH.map((birth) => ({ needs: ['gender', ...birth], ...job }));
  },
};

function contributionYearsNeeds(p: Policies): Requirements {
  return {
    asks: ['gender', 'jobCategory', 'birthYear'],
    uses: ['contributionYears', 'retirementYear', 'birthMonth', 'age'],
    alternatives({ slots }) {
      const alternatives: Alternative[] = [{ needs: ['retirementYear'] }];
      // born early or late enough that every group retires under the same minimum
      if (slots.gender === undefined && minimumYearsUnknownGender(p, slots) !== undefined) {
        alternatives.push({ needs: ['birthYear'] });
      }
      const job = slots.gender === 'female' ? { optional: ['jobCategory'] as const } : {};
      for (const birth of BIRTH) alternatives.push({ needs: ['gender', ...birth], ...job });
      return alternatives;
    },
  };
}

/** A bill's reimbursement: the hospital level is not asked, the answer shows every level. */
const reimbursement: Requirements = {
  asks: ['medicalCost', 'employment', 'region'],
  uses: ['hospitalLevel'],
  defaults: { employment: 'employee' },
  alternatives({ scheme }) {
    return [
      { needs: scheme ? ['medicalCost', 'region'] : ['medicalCost', 'employment', 'region'] },
    ];
  },
};

const lowIncomeSubsidy: Requirements = {
  asks: ['specialGroup'],
  alternatives: () => [{ needs: ['specialGroup'] }],
};

/** The requirements of every answer that computes figures, by intent. */
export function createRequirements(p: Policies): Partial<Record<IntentName, Requirements>> {
  return {
    medical_contribution: medicalContribution,
    pension_contribution: pensionContribution,
    pension_estimate: pensionEstimate,
    retirement_age: retirementAge,
    contribution_years: contributionYearsNeeds(p),
    reimbursement,
    low_income_subsidy: lowIncomeSubsidy,
  };
}
