import { employeeMedicalRateTable, largeMedicalTable, medicalMinYearsTable, personalAccountTable, flexibleMedicalTable } from './employee-medical.js';
import { pensionBases, pensionCalcBases, pensionRateTable, pensionBaseBands, pensionAdjustments, divisorTables, divisorInterpolation, interestRateTable } from './pension.js';
import { inpatientTable, seriousIllnessTable, outpatientPoolingTable, birthCoverTable, crossProvinceTable, levelRulesTable, reimbursementStatistics, incentiveTable } from './reimbursement.js';
import { residentMedicalTable, collectionPeriodTable, waitingPeriodTable } from './resident-medical.js';
import { residentPensionTiers, residentPensionSubsidies, residentBasicPensions, residentAccountDivisors, residentEligibility } from './resident-pension.js';
import { retirementGroups, minimumYearsTable, flexibleRetirementTable } from './retirement.js';
import { specialGroupSubsidies, lowIncomeLineTable } from './special-groups.js';

/**
 * Every policy table, each declared once in its own module. Files are read in the order their
 * first table appears here.
 */
export const TABLES = [
  pensionBases,
  pensionCalcBases,
  pensionRateTable,
  pensionBaseBands,
  pensionAdjustments,
  divisorTables,
  divisorInterpolation,
  interestRateTable,
  retirementGroups,
  minimumYearsTable,
  flexibleRetirementTable,
  employeeMedicalRateTable,
  largeMedicalTable,
  medicalMinYearsTable,
  personalAccountTable,
  flexibleMedicalTable,
  residentMedicalTable,
  collectionPeriodTable,
  waitingPeriodTable,
  residentPensionTiers,
  residentPensionSubsidies,
  residentBasicPensions,
  residentAccountDivisors,
  residentEligibility,
  inpatientTable,
  seriousIllnessTable,
  outpatientPoolingTable,
  birthCoverTable,
  crossProvinceTable,
  levelRulesTable,
  reimbursementStatistics,
  incentiveTable,
  specialGroupSubsidies,
  lowIncomeLineTable,
] as const;

export * from './employee-medical.js';
export * from './pension.js';
export * from './reimbursement.js';
export * from './resident-medical.js';
export * from './resident-pension.js';
export * from './retirement.js';
export * from './special-groups.js';
