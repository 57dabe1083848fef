import type { FigureEntry } from '../entry.js';
import type { Policies } from '../load.js';
import { byRegion, lookup, type RegionInput, type Resolved, type When } from '../resolve.js';
import type { TableDeclaration } from '../table.js';
import {
  birthCoverTable,
  collectionPeriodTable,
  crossProvinceTable,
  employeeMedicalRateTable,
  flexibleMedicalTable,
  incentiveTable,
  inpatientTable,
  largeMedicalTable,
  levelRulesTable,
  lowIncomeLineTable,
  medicalMinYearsTable,
  outpatientPoolingTable,
  personalAccountTable,
  reimbursementStatistics,
  residentAccountDivisors,
  residentBasicPensions,
  residentEligibility,
  residentMedicalTable,
  residentPensionSubsidies,
  residentPensionTiers,
  seriousIllnessTable,
  specialGroupSubsidies,
  waitingPeriodTable,
  type BirthCoverEntry,
  type CollectionPeriodEntry,
  type CrossProvinceEntry,
  type EmployeeMedicalRateEntry,
  type FlexibleMedicalEntry,
  type IncentiveEntry,
  type InpatientEntry,
  type LevelRulesEntry,
  type MedicalScheme,
  type OutpatientPoolingEntry,
  type ReimbursementStatisticEntry,
  type ResidentAccountDivisorEntry,
  type ResidentBasicPensionEntry,
  type ResidentEligibilityEntry,
  type ResidentPensionSubsidyEntry,
  type ResidentPensionTiersEntry,
  type SeriousIllnessEntry,
  type SpecialGroupSubsidyEntry,
  type SubsidyGroup,
} from '../tables/index.js';

/* Named lookups of the medical tables: the generic lookup with each table's own filter. */

/**
 * Band selection where a region has several (深圳 一档 / 二档): without `tier`, the untiered
 * entry or 一档; with `tier`, that band (or an untiered entry).
 */
function tierFilter(tier: string | undefined) {
  return (e: { tier?: string | undefined }) =>
    e.tier === undefined || e.tier === (tier ?? '一档');
}

/** Employee medical employer / individual rates. */
export function employeeMedicalRates(
  policies: Policies,
  region: RegionInput,
  when: When,
  options: { tier?: string } = {},
): Resolved<EmployeeMedicalRateEntry> | undefined {
  return lookup(policies, employeeMedicalRateTable, region, when, tierFilter(options.tier));
}

/** 大额医疗互助 and similar monthly supplements of employee medical insurance. */
export const largeMedicalSupplement = byRegion(largeMedicalTable);

/** Years of employee medical contributions needed for cover in retirement. */
export const medicalMinYears = byRegion(medicalMinYearsTable);

/** Flexible-employment workers in employee medical insurance. */
export function flexibleMedical(
  policies: Policies,
  region: RegionInput,
  when: When,
  options: { tier?: string } = {},
): Resolved<FlexibleMedicalEntry> | undefined {
  return lookup(policies, flexibleMedicalTable, region, when, tierFilter(options.tier));
}

/** Resident medical individual contribution and fiscal subsidy (元/人/年) of a 待遇年度. */
export const residentMedical = byRegion(residentMedicalTable);

/** The usual resident medical collection window, and a one-off extension for the year asked. */
export function collectionPeriod(
  policies: Policies,
  region: RegionInput,
  when: When,
): {
  regular: Resolved<CollectionPeriodEntry> | undefined;
  extension: Resolved<CollectionPeriodEntry> | undefined;
} {
  const find = (kind: CollectionPeriodEntry['kind']) =>
    lookup(policies, collectionPeriodTable, region, when, (e) => e.kind === kind);
  const extension = find('extension');
  return {
    regular: find('regular'),
    // An extension only ever concerns its own year: no fallbacks in time.
    extension: extension?.timeFallback === 'none' ? extension : undefined,
  };
}

/** How the employee medical personal account is credited. */
export const medicalPersonalAccount = byRegion(personalAccountTable);

/** The waiting period after enrolling late or after a break. */
export const waitingPeriod = byRegion(waitingPeriodTable);

export interface ResidentPension {
  tiers: Resolved<ResidentPensionTiersEntry> | undefined;
  subsidy: Resolved<ResidentPensionSubsidyEntry> | undefined;
  basicPension: Resolved<ResidentBasicPensionEntry> | undefined;
  accountDivisor: Resolved<ResidentAccountDivisorEntry> | undefined;
  eligibility: Resolved<ResidentEligibilityEntry> | undefined;
}

/** Urban-rural resident pension: tiers, subsidy, basic pension, 139 divisor, eligibility. */
export function residentPension(
  policies: Policies,
  region: RegionInput,
  when: When,
): ResidentPension {
  const find = <E extends FigureEntry>(table: TableDeclaration<string, string, E>) =>
    lookup(policies, table, region, when);
  return {
    tiers: find(residentPensionTiers),
    subsidy: find(residentPensionSubsidies),
    basicPension: find(residentBasicPensions),
    accountDivisor: find(residentAccountDivisors),
    eligibility: find(residentEligibility),
  };
}

export interface Reimbursement {
  inpatient: Resolved<InpatientEntry> | undefined;
  seriousIllness: Resolved<SeriousIllnessEntry> | undefined;
  outpatientPooling: Resolved<OutpatientPoolingEntry> | undefined;
  births: Resolved<BirthCoverEntry> | undefined;
  crossProvince: Resolved<CrossProvinceEntry> | undefined;
  levelRules: Resolved<LevelRulesEntry> | undefined;
  statistics: Resolved<ReimbursementStatisticEntry> | undefined;
  incentives: Resolved<IncentiveEntry> | undefined;
}

/**
 * Reimbursement parameters for a scheme. Inpatient tables for a narrower population (e.g. 北京
 * students) are picked with `population`; by default the general table.
 */
export function reimbursement(
  policies: Policies,
  region: RegionInput,
  when: When,
  scheme: MedicalScheme,
  options: { population?: string } = {},
): Reimbursement {
  const find = <E extends FigureEntry>(
    table: TableDeclaration<string, string, E>,
    filter?: (e: E) => boolean,
  ) => lookup(policies, table, region, when, filter);
  const forScheme = <E extends { scheme: MedicalScheme }>(e: E) => e.scheme === scheme;
  return {
    inpatient: find(
      inpatientTable,
      (e) => e.scheme === scheme && e.population === options.population,
    ),
    seriousIllness: find(seriousIllnessTable, forScheme),
    outpatientPooling: find(outpatientPoolingTable, forScheme),
    births: find(birthCoverTable),
    crossProvince: find(crossProvinceTable),
    levelRules: find(levelRulesTable),
    statistics: find(reimbursementStatistics, forScheme),
    incentives: scheme === 'resident' ? find(incentiveTable) : undefined,
  };
}

/** What a low-income group pays / gets for resident medical insurance. */
export function specialGroupSubsidy(
  policies: Policies,
  region: RegionInput,
  group: SubsidyGroup,
  when: When,
): Resolved<SpecialGroupSubsidyEntry> | undefined {
  return lookup(policies, specialGroupSubsidies, region, when, (e) =>
    e.groups.includes(group),
  );
}

/** 低保 lines (context for low-income answers). */
export const lowIncomeLine = byRegion(lowIncomeLineTable);