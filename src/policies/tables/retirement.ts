import { z } from 'zod';
import { YearMonth } from '../dates.js';
import { figureEntry } from '../entry.js';
import { defineTable } from '../table.js';

// ---------------------------------------------------------------------------------------------
// retirement-reform.yaml: 渐进式延迟法定退休年龄, minimum contribution years, flexible retirement

export const RETIREMENT_GROUPS = ['male', 'female_cadre', 'female_worker'] as const;
export type RetirementGroup = (typeof RETIREMENT_GROUPS)[number];

export const RetirementGroupEntrySchema = figureEntry(
  {
    group: z.enum(RETIREMENT_GROUPS),
    label: z.string().min(1),
    oldAge: z.number().int().min(40).max(70),
    newAge: z.number().int().min(40).max(70),
    /** First birth month whose retirement is delayed (by 1 month). */
    firstBirthMonth: YearMonth,
    /** One more month of delay every `stepMonths` months of birth. */
    stepMonths: z.number().int().positive(),
    maxDelayMonths: z.number().int().positive(),
    /** First birth month with the full delay. */
    fullDelayFromBirthMonth: YearMonth,
  },
  ['oldAge', 'newAge', 'firstBirthMonth', 'stepMonths', 'maxDelayMonths'],
).refine((e) => (e.newAge - e.oldAge) * 12 === e.maxDelayMonths, {
  message: '`maxDelayMonths` does not match `newAge` - `oldAge`',
  path: ['maxDelayMonths'],
});
export type RetirementGroupEntry = z.output<typeof RetirementGroupEntrySchema>;

export const MinimumYearsEntrySchema = figureEntry(
  {
    /** Minimum contribution years for a monthly employee pension, by the year of retirement. */
    years: z.number().positive().max(30),
  },
  ['years'],
);
export type MinimumYearsEntry = z.output<typeof MinimumYearsEntrySchema>;

export const FlexibleRetirementEntrySchema = figureEntry(
  {
    maxEarlyYears: z.number().int().nonnegative(),
    maxLateYears: z.number().int().nonnegative(),
    conditions: z.array(z.string().min(1)).min(1),
  },
  ['maxEarlyYears', 'maxLateYears'],
);
export type FlexibleRetirementEntry = z.output<typeof FlexibleRetirementEntrySchema>;

export const retirementGroups = defineTable({
  file: 'retirement-reform',
  list: 'groups',
  name: '退休年龄',
  entry: RetirementGroupEntrySchema,
  variant: (e) => [e.group],
});

export const minimumYearsTable = defineTable({
  file: 'retirement-reform',
  list: 'minimumYears',
  name: '最低缴费年限',
  entry: MinimumYearsEntrySchema,
});

export const flexibleRetirementTable = defineTable({
  file: 'retirement-reform',
  list: 'flexibleRetirement',
  name: '弹性退休规定',
  entry: FlexibleRetirementEntrySchema,
});

