import { z } from 'zod';
import { atLeastOne, figureEntry, Money, RangeSchema, withYear } from '../entry.js';
import { defineTable } from '../table.js';

// ---------------------------------------------------------------------------------------------
// resident-pension.yaml: 城乡居民基本养老保险

export const ResidentPensionTiersEntrySchema = figureEntry(
  {
    /** Contribution tiers, 元/年. */
    amounts: z.array(Money).min(1).optional(),
    /** Where only the lowest and highest are known. */
    range: RangeSchema.optional(),
    provincesMayAdd: z.boolean().optional(),
  },
  ['amounts', 'range'],
).refine(atLeastOne(['amounts', 'range']), {
  message: 'needs `amounts` or `range`',
  path: ['amounts'],
});
export type ResidentPensionTiersEntry = z.output<typeof ResidentPensionTiersEntrySchema>;

export const ResidentPensionSubsidyEntrySchema = figureEntry(
  {
    /** Local government contribution subsidy, 元/年, at the lowest tier. */
    lowestTierMin: Money,
    /** ... at tiers of `higherTierFrom` and above. */
    higherTierMin: Money,
    higherTierFrom: Money,
  },
  ['lowestTierMin', 'higherTierMin', 'higherTierFrom'],
);
export type ResidentPensionSubsidyEntry = z.output<typeof ResidentPensionSubsidyEntrySchema>;

export const ResidentBasicPensionEntrySchema = figureEntry(
  withYear({
    /** 基础养老金, 元/月. */
    monthly: Money,
    increase: Money.optional(),
    /** True for the national minimum standard. */
    minimum: z.boolean(),
  }),
  ['monthly', 'increase'],
);
export type ResidentBasicPensionEntry = z.output<typeof ResidentBasicPensionEntrySchema>;

export const ResidentAccountDivisorEntrySchema = figureEntry(
  { months: z.number().positive() },
  ['months'],
);
export type ResidentAccountDivisorEntry = z.output<typeof ResidentAccountDivisorEntrySchema>;

export const ResidentEligibilityEntrySchema = figureEntry(
  { age: z.number().int().positive(), minYears: z.number().positive() },
  ['age', 'minYears'],
);
export type ResidentEligibilityEntry = z.output<typeof ResidentEligibilityEntrySchema>;

export const residentPensionTiers = defineTable({
  file: 'resident-pension',
  list: 'tiers',
  name: '居民养老保险缴费档次',
  entry: ResidentPensionTiersEntrySchema,
  coverage: '居民养老档次',
});

export const residentPensionSubsidies = defineTable({
  file: 'resident-pension',
  list: 'subsidies',
  name: '居民养老保险缴费补贴',
  entry: ResidentPensionSubsidyEntrySchema,
});

export const residentBasicPensions = defineTable({
  file: 'resident-pension',
  list: 'basicPension',
  name: '城乡居民基础养老金',
  entry: ResidentBasicPensionEntrySchema,
  coverage: '居民基础养老金',
});

export const residentAccountDivisors = defineTable({
  file: 'resident-pension',
  list: 'accountDivisor',
  name: '居民养老保险计发月数',
  entry: ResidentAccountDivisorEntrySchema,
});

export const residentEligibility = defineTable({
  file: 'resident-pension',
  list: 'eligibility',
  name: '居民养老保险领取条件',
  entry: ResidentEligibilityEntrySchema,
});

