import type { IntentName } from '../nlu/intent-names.js';
import type { Policies } from '../policies/index.js';
import type { CalcAnswer } from './answerer.js';
import { medicalContribution } from './calc/medical-contribution.js';

/** The answers that compute figures, by intent, over the loaded policy data. */
export function createCalculators(policies: Policies): Partial<Record<IntentName, CalcAnswer>> {
  return {
    medical_contribution: (ctx) => medicalContribution(policies, ctx),
  };
}
