/** The intent names of CONTRACT.md section 2. Fixed: extend, never rename. */
export const INTENT_NAMES = [
  'greet',
  'help',
  'thanks_bye',
  'reset',
  'inform',
  'compare_medical_types',
  'compare_pension_types',
  'medical_contribution',
  'pension_contribution',
  'pension_estimate',
  'retirement_age',
  'contribution_years',
  'reimbursement',
  'dual_enrollment',
  'low_income_subsidy',
  'payment_period',
  'payment_method',
  'transfer',
  'personal_account',
  'cross_region_medical',
  'card_password',
  'hotline',
  'out_of_scope',
] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

export function isIntentName(name: string): name is IntentName {
  return (INTENT_NAMES as readonly string[]).includes(name);
}
