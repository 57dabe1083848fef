import { z } from 'zod';
import { IsoDate } from '../dates.js';
import { atLeastOne, figureEntry, Money, Percent, PercentOfAverage, RangeSchema } from '../entry.js';
import { defineTable } from '../table.js';

// ---------------------------------------------------------------------------------------------
// employee-medical.yaml: employee medical rates, 大额 supplements, minimum years for retirement cover

export const EmployeeMedicalRateEntrySchema = figureEntry(
  {
    /** A named band where a city has several (深圳 一档 / 二档); absent = the only band. */
    tier: z.string().min(1).optional(),
    scope: z.string().min(1).optional(),
    employerPct: Percent.optional(),
    individualPct: Percent.optional(),
    /** Part of `employerPct` that is maternity insurance, where the source says so. */
    maternityIncludedPct: Percent.optional(),
  },
  ['employerPct', 'individualPct', 'maternityIncludedPct'],
).refine(atLeastOne(['employerPct', 'individualPct']), {
  message: 'needs `employerPct` or `individualPct`',
  path: ['employerPct'],
});
export type EmployeeMedicalRateEntry = z.output<typeof EmployeeMedicalRateEntrySchema>;

export const LargeMedicalEntrySchema = figureEntry(
  {
    /** 大额医疗互助 / 大额医疗补助 paid on top of the rate. */
    label: z.string().min(1),
    payer: z.enum(['individual', 'employer']),
    monthly: Money,
  },
  ['monthly'],
);
export type LargeMedicalEntry = z.output<typeof LargeMedicalEntrySchema>;

export const MedicalMinYearsEntrySchema = figureEntry(
  {
    /** Years of employee medical contributions needed for free cover in retirement. */
    maleYears: z.number().positive().optional(),
    femaleYears: z.number().positive().optional(),
    /** Where the source gives one figure for everyone. */
    years: z.number().positive().optional(),
    /** Years that must have been paid in this city. */
    localYearsMin: z.number().positive().optional(),
    lumpSumTopUp: z.boolean().optional(),
  },
  ['maleYears', 'femaleYears', 'years', 'localYearsMin'],
).refine(atLeastOne(['maleYears', 'femaleYears', 'years']), {
  message: 'needs `maleYears`/`femaleYears` or `years`',
  path: ['years'],
});
export type MedicalMinYearsEntry = z.output<typeof MedicalMinYearsEntrySchema>;

export const PersonalAccountEntrySchema = figureEntry(
  {
    /** In service: percent of the own base credited to the personal account (the individual 2 %). */
    inServicePctOfBase: Percent.optional(),
    /** Share of the employer contribution credited to the account. */
    employerToAccountPct: Percent.optional(),
    /** Retirees: fixed monthly credit, in principle about this percent of the local average pension. */
    retireePctOfAveragePension: Percent.optional(),
    rules: z.array(z.string().min(1)).min(1),
  },
  ['inServicePctOfBase', 'employerToAccountPct', 'retireePctOfAveragePension'],
);
export type PersonalAccountEntry = z.output<typeof PersonalAccountEntrySchema>;

export const employeeMedicalRateTable = defineTable({
  file: 'employee-medical',
  list: 'rates',
  name: '职工医保费率',
  entry: EmployeeMedicalRateEntrySchema,
  variant: (e) => [e.tier ?? ''],
  coverage: '职工医保费率',
});

export const largeMedicalTable = defineTable({
  file: 'employee-medical',
  list: 'largeMedical',
  name: '大额医疗费用补助',
  entry: LargeMedicalEntrySchema,
});

export const medicalMinYearsTable = defineTable({
  file: 'employee-medical',
  list: 'minYears',
  name: '职工医保最低缴费年限',
  entry: MedicalMinYearsEntrySchema,
});

export const personalAccountTable = defineTable({
  file: 'employee-medical',
  list: 'personalAccount',
  name: '职工医保个人账户划入标准',
  entry: PersonalAccountEntrySchema,
});

// ---------------------------------------------------------------------------------------------
// flexible-medical.yaml: flexible-employment workers in employee medical insurance

export const FlexibleMedicalEntrySchema = figureEntry(
  {
    tier: z.string().min(1).optional(),
    /** Percent of the contribution base. */
    ratePct: Percent.optional(),
    /** A typical range where no single rate is known. */
    ratePctRange: RangeSchema.optional(),
    components: z
      .array(z.strictObject({ label: z.string().min(1), ratePct: Percent }))
      .min(1)
      .optional(),
    maternityIncludedPct: Percent.optional(),
    base: z
      .strictObject({
        /** A single fixed monthly base. */
        monthly: Money.optional(),
        /** A band, as amounts ... */
        minMonthly: Money.optional(),
        maxMonthly: Money.optional(),
        /** ... or as percent of an average wage. */
        minPctOfAverage: PercentOfAverage.optional(),
        maxPctOfAverage: PercentOfAverage.optional(),
        description: z.string().min(1).optional(),
      })
      .optional(),
    /** Fixed amounts where the city sets the premium directly. */
    fixedMonthly: Money.optional(),
    fixedAnnual: Money.optional(),
    /** 大额医疗补助 etc. on top, per month. */
    largeMedicalMonthly: Money.optional(),
    /** Other fees on top the source names without amounts. */
    extras: z.string().min(1).optional(),
    /** Totals as the source states them (checked against the arithmetic in tests). */
    /** Rate × base per month, as the source states it. */
    statedMonthlyPremium: Money.optional(),
    /** Everything for the year, as the source states it. */
    statedAnnualTotal: Money.optional(),
    paymentWindow: z.strictObject({ from: IsoDate, to: IsoDate }).optional(),
  },
  [
    'ratePct',
    'ratePctRange',
    'components',
    'maternityIncludedPct',
    'base',
    'fixedMonthly',
    'fixedAnnual',
    'largeMedicalMonthly',
    'statedMonthlyPremium',
    'statedAnnualTotal',
    'paymentWindow',
  ],
).refine(atLeastOne(['ratePct', 'ratePctRange', 'fixedMonthly', 'fixedAnnual']), {
  message: 'needs `ratePct`, `ratePctRange`, `fixedMonthly` or `fixedAnnual`',
  path: ['ratePct'],
});
export type FlexibleMedicalEntry = z.output<typeof FlexibleMedicalEntrySchema>;

export const flexibleMedicalTable = defineTable({
  file: 'flexible-medical',
  list: 'entries',
  name: '灵活就业医保缴费标准',
  entry: FlexibleMedicalEntrySchema,
  variant: (e) => [e.tier ?? ''],
  coverage: '灵活就业医保',
});

