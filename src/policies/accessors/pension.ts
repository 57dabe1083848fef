import { Decimal } from 'decimal.js';
import type { Policies } from '../load.js';
import { byRegion, lookup, type RegionInput, type Resolved, type When } from '../resolve.js';
import {
  divisorInterpolation,
  divisorTables,
  flexibleRetirementTable,
  interestRateTable,
  minimumYearsTable,
  pensionAdjustments,
  pensionBaseBands,
  pensionBases,
  pensionCalcBases,
  pensionRateTable,
  retirementGroups,
  type FlexibleRetirementEntry,
  type InterestRateEntry,
  type MinimumYearsEntry,
  type PensionAdjustmentEntry,
  type PensionRateEntry,
  type RetirementGroup,
  type RetirementGroupEntry,
} from '../tables/index.js';

/* Named lookups of the pension tables: the generic lookup with each table's own filter. */

/** Contribution base floor / cap (and average wage) of the employee pension. */
export const pensionBase = byRegion(pensionBases);

/** 计发基数 used to compute pensions of people retiring in that year. */
export const pensionCalcBase = byRegion(pensionCalcBases);

/** Employee pension rates; `scheme` flexible = flexible-employment workers (20 %). */
export function pensionRates(
  policies: Policies,
  region: RegionInput,
  when: When,
  scheme: 'employee' | 'flexible' = 'employee',
): Resolved<PensionRateEntry> | undefined {
  return lookup(policies, pensionRateTable, region, when, (e) => e.scheme === scheme);
}

/** The contribution base band (60 %–300 % of the average wage). */
export const pensionBaseBand = byRegion(pensionBaseBands);

/** The yearly rise of retirees' pensions. */
export function pensionAdjustment(
  policies: Policies,
  when: When,
): Resolved<PensionAdjustmentEntry> | undefined {
  return lookup(policies, pensionAdjustments, 'national', when);
}

/** An age given as whole years or years and months (60 y 1 m = `{ years: 60, months: 1 }`). */
export type Age = number | { years: number; months: number };

export interface DivisorValue {
  /** 计发月数 (may have one decimal for ages with months). */
  months: number;
  ageYears: number;
  ageMonths: number;
  interpolated: boolean;
}

/**
 * 计发月数 of the employee pension personal account at a retirement age (60 -> 139, 55 -> 170,
 * 50 -> 195, 47 -> 208). Ages with months (from the 2025 reform) are interpolated linearly by
 * month and rounded as the published month-by-month table (60 y 1 m -> 138.4). `when` defaults to
 * the date the interpolation rule starts. Undefined outside the table (40-70).
 */
export function pensionDivisor(
  policies: Policies,
  age: Age,
  when?: When,
): Resolved<DivisorValue> | undefined {
  const years = typeof age === 'number' ? Math.floor(age) : age.years;
  const months =
    typeof age === 'number' ? Math.round((age - Math.floor(age)) * 12) : Math.round(age.months);
  if (months < 0 || months > 11) throw new RangeError(`months must be 0-11: ${months}`);
  const rule = lookup(policies, divisorInterpolation, 'national', when ?? '2025-01-01');
  const table = lookup(policies, divisorTables, 'national', when ?? '2025-01-01');
  if (!table) return undefined;
  const atAge = table.value.months[String(years)];
  if (atAge === undefined) return undefined;
  let value = atAge;
  let interpolated = false;
  if (months > 0) {
    const next = table.value.months[String(years + 1)];
    if (next === undefined || !rule || rule.timeFallback === 'later') return undefined;
    value = new Decimal(atAge)
      .plus(new Decimal(next).minus(atAge).times(months).dividedBy(12))
      .toDecimalPlaces(rule.value.decimals, Decimal.ROUND_HALF_UP)
      .toNumber();
    interpolated = true;
  }
  const result: Resolved<DivisorValue> = {
    ...table,
    value: { months: value, ageYears: years, ageMonths: months, interpolated },
  };
  if (interpolated && rule) {
    result.source = [...table.source, ...rule.source];
    result.note = [table.note, rule.note].filter(Boolean).join(' ');
  }
  return result;
}

/** 记账利率 of one year (national). */
export function interestRate(
  policies: Policies,
  year: number,
): Resolved<InterestRateEntry> | undefined {
  return lookup(policies, interestRateTable, 'national', year);
}

/** 记账利率 for each year of a span that has a published rate of its own (no fallbacks). */
export function interestRates(
  policies: Policies,
  fromYear: number,
  toYear: number,
): Resolved<InterestRateEntry>[] {
  const out: Resolved<InterestRateEntry>[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const rate = interestRate(policies, year);
    if (rate && rate.timeFallback === 'none') out.push(rate);
  }
  return out;
}

export interface RetirementReform {
  groups: Record<RetirementGroup, Resolved<RetirementGroupEntry> | undefined>;
  /** Minimum contribution years for people retiring in the year asked. */
  minimumYears: Resolved<MinimumYearsEntry> | undefined;
  flexibleRetirement: Resolved<FlexibleRetirementEntry> | undefined;
}

/** The retirement-age reform parameters and the minimum years in force at `when`. */
export function retirementReform(policies: Policies, when: When): RetirementReform {
  const group = (g: RetirementGroup) =>
    lookup(policies, retirementGroups, 'national', when, (e) => e.group === g);
  return {
    groups: {
      male: group('male'),
      female_cadre: group('female_cadre'),
      female_worker: group('female_worker'),
    },
    minimumYears: lookup(policies, minimumYearsTable, 'national', when),
    flexibleRetirement: lookup(policies, flexibleRetirementTable, 'national', when),
  };
}

/** Minimum contribution years for a monthly employee pension, by the year of retirement. */
export function minimumContributionYears(
  policies: Policies,
  retirementYear: number,
): Resolved<MinimumYearsEntry> | undefined {
  return lookup(policies, minimumYearsTable, 'national', retirementYear);
}

