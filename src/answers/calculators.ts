import type { IntentName } from '../nlu/intent-names.js';
import type { Policies } from '../policies/index.js';
import type { CalcAnswer } from './answerer.js';
import { compareMedicalTypes } from './calc/compare-medical.js';
import { comparePensionTypes } from './calc/compare-pension.js';
import { contributionYears } from './calc/contribution-years.js';
import { lowIncomeSubsidy } from './calc/low-income-subsidy.js';
import { medicalContribution } from './calc/medical-contribution.js';
import { pensionContribution } from './calc/pension-contribution.js';
import { pensionEstimate } from './calc/pension-estimate.js';
import { reimbursement } from './calc/reimbursement.js';
import { retirementAge } from './calc/retirement-age.js';

/** The answers that compute figures, by intent, over the loaded policy data. */
export function createCalculators(policies: Policies): Partial<Record<IntentName, CalcAnswer>> {
  return {
    medical_contribution: (ctx) => medicalContribution(policies, ctx),
    pension_contribution: (ctx) => pensionContribution(policies, ctx),
    pension_estimate: (ctx) => pensionEstimate(policies, ctx),
    retirement_age: (ctx) => retirementAge(policies, ctx),
    contribution_years: (ctx) => contributionYears(policies, ctx),
    reimbursement: (ctx) => reimbursement(policies, ctx),
    low_income_subsidy: (ctx) => lowIncomeSubsidy(policies, ctx),
    compare_medical_types: (ctx) => compareMedicalTypes(policies, ctx),
    compare_pension_types: (ctx) => comparePensionTypes(policies, ctx),
  };
}
