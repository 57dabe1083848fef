import { z } from 'zod';
import { IsoDate, MonthDay } from '../dates.js';
import { atLeastOne, figureEntry, Money, withYear } from '../entry.js';
import { defineTable } from '../table.js';

// ---------------------------------------------------------------------------------------------
// resident-medical.yaml: 城乡居民医保 financing, collection periods, waiting period

export const ResidentMedicalEntrySchema = figureEntry(
  withYear({
    /** Individual contribution, 元/人/年. */
    individual: Money.optional(),
    /** Where the region charges groups differently. */
    individualByGroup: z
      .strictObject({
        elderly: Money.optional(),
        student: Money.optional(),
        workingAge: Money.optional(),
      })
      .optional(),
    /** Fiscal subsidy per person per year. */
    subsidy: Money.optional(),
    individualIncrease: Money.optional(),
    subsidyIncrease: Money.optional(),
    /** True for national floors ("每人每年不低于"). */
    minimum: z.boolean(),
  }),
  ['individual', 'individualByGroup', 'subsidy', 'individualIncrease', 'subsidyIncrease'],
).refine(atLeastOne(['individual', 'individualByGroup', 'subsidy']), {
  message: 'needs `individual`, `individualByGroup` or `subsidy`',
  path: ['individual'],
});
export type ResidentMedicalEntry = z.output<typeof ResidentMedicalEntrySchema>;

export const CollectionPeriodEntrySchema = figureEntry(
  {
    /** regular: the usual yearly window; extension: a one-off extension of one year's window. */
    kind: z.enum(['regular', 'extension']),
    description: z.string().min(1),
    opens: MonthDay.optional(),
    closes: MonthDay.optional(),
    /** The window closes in the year after it opens. */
    closesFollowingYear: z.boolean().optional(),
    /** A one-off deadline (an extension). */
    deadline: IsoDate.optional(),
    /** Paying inside the window covers the following calendar year. */
    coversFollowingYear: z.boolean().optional(),
  },
  ['opens', 'closes', 'deadline'],
);
export type CollectionPeriodEntry = z.output<typeof CollectionPeriodEntrySchema>;

export const WaitingPeriodEntrySchema = figureEntry(
  {
    fixedMonths: z.number().int().nonnegative(),
    extraMonthsPerYearOfBreak: z.number().nonnegative(),
    reductionMonthsPerYearPaidBack: z.number().nonnegative(),
    appliesTo: z.array(z.string().min(1)).min(1),
    noWaitingFor: z.array(z.string().min(1)).optional(),
  },
  ['fixedMonths', 'extraMonthsPerYearOfBreak', 'reductionMonthsPerYearPaidBack', 'noWaitingFor'],
);
export type WaitingPeriodEntry = z.output<typeof WaitingPeriodEntrySchema>;

export const residentMedicalTable = defineTable({
  file: 'resident-medical',
  list: 'contributions',
  name: '居民医保缴费标准',
  entry: ResidentMedicalEntrySchema,
  coverage: '居民医保缴费',
});

export const collectionPeriodTable = defineTable({
  file: 'resident-medical',
  list: 'collectionPeriods',
  name: '居民医保集中缴费期',
  entry: CollectionPeriodEntrySchema,
  variant: (e) => [e.kind],
});

export const waitingPeriodTable = defineTable({
  file: 'resident-medical',
  list: 'waitingPeriods',
  name: '居民医保待遇等待期',
  entry: WaitingPeriodEntrySchema,
});

