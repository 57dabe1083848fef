/**
 * Policy figures from /work/shared/POLICY-FACTS.md, written out by hand for the calculator
 * tests (the calculators take them as inputs and never hard-code them).
 */
import type { DivisorTable, MinimumYearsRow, RetirementReformRules } from '../../src/calc/index.js';

/** §3.1 计发月数 (国发〔2005〕38号 附件); 47 = 208. Ages with months: linear, 1 decimal (济南 12345). */
export const DIVISOR_TABLE: DivisorTable = {
  months: {
    40: 233,
    41: 230,
    42: 226,
    43: 223,
    44: 220,
    45: 216,
    46: 212,
    47: 208,
    48: 204,
    49: 199,
    50: 195,
    51: 190,
    52: 185,
    53: 180,
    54: 175,
    55: 170,
    56: 164,
    57: 158,
    58: 152,
    59: 145,
    60: 139,
    61: 132,
    62: 125,
    63: 117,
    64: 109,
    65: 101,
    66: 93,
    67: 84,
    68: 75,
    69: 65,
    70: 56,
  },
  interpolation: { decimals: 1 },
};

/** §4: the reform groups and the ±3-year flexible window. */
export const REFORM: RetirementReformRules = {
  groups: {
    male: {
      oldAgeYears: 60,
      newAgeYears: 63,
      firstBirthMonth: '1965-01',
      stepMonths: 4,
      maxDelayMonths: 36,
    },
    female_cadre: {
      oldAgeYears: 55,
      newAgeYears: 58,
      firstBirthMonth: '1970-01',
      stepMonths: 4,
      maxDelayMonths: 36,
    },
    female_worker: {
      oldAgeYears: 50,
      newAgeYears: 55,
      firstBirthMonth: '1975-01',
      stepMonths: 2,
      maxDelayMonths: 60,
    },
  },
  earlyMaxMonths: 36,
  lateMaxMonths: 36,
};

/** §4: 15 years until 2029 (社会保险法, in force 2011-07-01), then +0.5 a year, 20 from 2039. */
export const MINIMUM_YEARS: MinimumYearsRow[] = [
  { fromYear: 2011, years: 15 },
  { fromYear: 2030, years: 15.5 },
  { fromYear: 2031, years: 16 },
  { fromYear: 2032, years: 16.5 },
  { fromYear: 2033, years: 17 },
  { fromYear: 2034, years: 17.5 },
  { fromYear: 2035, years: 18 },
  { fromYear: 2036, years: 18.5 },
  { fromYear: 2037, years: 19 },
  { fromYear: 2038, years: 19.5 },
  { fromYear: 2039, years: 20 },
];

/** §3.2 记账利率 2016–2024 (percent). 2025 (1.50 ?) is uncertain and left out. */
export const CREDITED_RATES_2016_2024 = [
  '8.31',
  '7.12',
  '8.29',
  '7.61',
  '6.04',
  '6.69',
  '6.12',
  '3.97',
  '2.62',
];

/** Nanchang inpatient rules (§7), level 3 / level 1. */
export const NANCHANG_EMPLOYEE_L3 = { deductible: 800, ratioPct: 85, annualCap: 100000 };
export const NANCHANG_EMPLOYEE_L1 = { deductible: 200, ratioPct: 95, annualCap: 100000 };
export const NANCHANG_RESIDENT_L3 = { deductible: 600, ratioPct: 60, annualCap: 100000 };
