import { z } from 'zod';
import { atLeastOne, figureEntry, Money, Percent, PercentOfAverage, withYear } from '../entry.js';
import { defineTable } from '../table.js';

// ---------------------------------------------------------------------------------------------
// pension-base.yaml: contribution base floor / cap and the average wage behind it; 计发基数

export const BaseTierSchema = z.strictObject({
  label: z.string().min(1),
  floor: Money,
  cap: Money,
});

export const PensionBaseEntrySchema = figureEntry(
  withYear({
    /** Monthly base floor and cap (元/月). Absent only when the region publishes tiers instead. */
    floor: Money.optional(),
    cap: Money.optional(),
    /** Monthly average wage the band rests on (元/月). */
    averageWage: Money.optional(),
    /** The same, per year, where the source gives the annual figure. */
    averageWageAnnual: Money.optional(),
    /** Who the figure applies to when not the whole region (e.g. 广州市及省直单位). */
    scope: z.string().min(1).optional(),
    /** Regions with several bands (湖北 一类/二类/三类地区). */
    tiers: z.array(BaseTierSchema).min(1).optional(),
  }),
  ['floor', 'cap', 'averageWage', 'averageWageAnnual', 'tiers'],
)
  .refine((e) => (e.floor !== undefined && e.cap !== undefined) || e.tiers !== undefined, {
    message: 'needs `floor` and `cap`, or `tiers`',
    path: ['floor'],
  })
  .refine((e) => e.floor === undefined || e.cap === undefined || e.floor <= e.cap, {
    message: '`floor` is above `cap`',
    path: ['floor'],
  });
export type PensionBaseEntry = z.output<typeof PensionBaseEntrySchema>;

export const CalcBaseEntrySchema = figureEntry(
  withYear({
    /** 计发基数: the monthly average wage used to compute pensions of people retiring that year. */
    calcBase: Money,
    scope: z.string().min(1).optional(),
  }),
  ['calcBase'],
);
export type CalcBaseEntry = z.output<typeof CalcBaseEntrySchema>;

export const pensionBases = defineTable({
  file: 'pension-base',
  list: 'bases',
  name: '养老保险缴费基数上下限',
  entry: PensionBaseEntrySchema,
  coverage: '养老缴费基数',
});

export const pensionCalcBases = defineTable({
  file: 'pension-base',
  list: 'calcBases',
  name: '养老金计发基数',
  entry: CalcBaseEntrySchema,
  coverage: '计发基数',
});

// ---------------------------------------------------------------------------------------------
// pension-rates.yaml: enterprise employee pension rates, base band, yearly adjustment

export const PENSION_SCHEMES = ['employee', 'flexible'] as const;

export const PensionRateEntrySchema = figureEntry(
  {
    scheme: z.enum(PENSION_SCHEMES),
    employerPct: Percent.optional(),
    individualPct: Percent.optional(),
    /** Flexible workers: the whole rate they pay, and its split. */
    totalPct: Percent.optional(),
    pooledPct: Percent.optional(),
    accountPct: Percent.optional(),
  },
  ['employerPct', 'individualPct', 'totalPct', 'pooledPct', 'accountPct'],
).refine(atLeastOne(['employerPct', 'individualPct', 'totalPct']), {
  message: 'needs `employerPct`, `individualPct` or `totalPct`',
  path: ['scheme'],
});
export type PensionRateEntry = z.output<typeof PensionRateEntrySchema>;

export const BaseBandEntrySchema = figureEntry(
  {
    /** Base band in percent of the provincial average wage (60 % to 300 %). */
    minPctOfAverage: PercentOfAverage,
    maxPctOfAverage: PercentOfAverage,
    averageDescription: z.string().min(1),
  },
  ['minPctOfAverage', 'maxPctOfAverage'],
);
export type BaseBandEntry = z.output<typeof BaseBandEntrySchema>;

export const PensionAdjustmentEntrySchema = figureEntry(
  withYear({
    /** Overall rise of retirees' basic pensions, in percent of the previous year's average. */
    overallPct: Percent,
    appliesTo: z.string().min(1),
  }),
  ['overallPct'],
);
export type PensionAdjustmentEntry = z.output<typeof PensionAdjustmentEntrySchema>;

export const pensionRateTable = defineTable({
  file: 'pension-rates',
  list: 'rates',
  name: '养老保险费率',
  entry: PensionRateEntrySchema,
  variant: (e) => [e.scheme],
});

export const pensionBaseBands = defineTable({
  file: 'pension-rates',
  list: 'baseBand',
  name: '缴费基数比例',
  entry: BaseBandEntrySchema,
});

export const pensionAdjustments = defineTable({
  file: 'pension-rates',
  list: 'adjustments',
  name: '养老金调整幅度',
  entry: PensionAdjustmentEntrySchema,
});

// ---------------------------------------------------------------------------------------------
// pension-divisor.yaml: 计发月数

export const DivisorTableEntrySchema = figureEntry(
  {
    /** Months by whole retirement age, e.g. {60: 139}. */
    months: z.record(z.string().regex(/^\d{2}$/, 'an age in whole years'), z.number().positive()),
  },
  ['months'],
).refine(
  (e) => {
    const ages = Object.keys(e.months)
      .map(Number)
      .sort((a, b) => a - b);
    return ages.every((age, i) => i === 0 || age === (ages[i - 1] as number) + 1);
  },
  { message: 'ages must be consecutive', path: ['months'] },
);
export type DivisorTableEntry = z.output<typeof DivisorTableEntrySchema>;

export const DivisorInterpolationEntrySchema = figureEntry(
  {
    /** Ages that are not whole years: linear between whole ages, by month. */
    method: z.literal('linear-by-month'),
    /** Decimal places the published month-by-month table keeps. */
    decimals: z.number().int().min(0).max(4),
    examples: z
      .array(
        z.strictObject({
          years: z.number().int(),
          months: z.number().int().min(0).max(11),
          divisor: z.number().positive(),
        }),
      )
      .min(1),
  },
  ['examples'],
);
export type DivisorInterpolationEntry = z.output<typeof DivisorInterpolationEntrySchema>;

export const divisorTables = defineTable({
  file: 'pension-divisor',
  list: 'tables',
  name: '计发月数',
  entry: DivisorTableEntrySchema,
});

export const divisorInterpolation = defineTable({
  file: 'pension-divisor',
  list: 'interpolation',
  name: '计发月数',
  entry: DivisorInterpolationEntrySchema,
});

// ---------------------------------------------------------------------------------------------
// interest-rates.yaml: 记账利率 of the employee pension personal account

export const InterestRateEntrySchema = figureEntry(withYear({ ratePct: Percent }), ['ratePct']);
export type InterestRateEntry = z.output<typeof InterestRateEntrySchema>;

export const interestRateTable = defineTable({
  file: 'interest-rates',
  list: 'rates',
  name: '个人账户记账利率',
  entry: InterestRateEntrySchema,
});

