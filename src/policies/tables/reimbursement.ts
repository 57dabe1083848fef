import { z } from 'zod';
import { atLeastOne, figureEntry, Money, Percent, RangeSchema, withYear } from '../entry.js';
import { defineTable } from '../table.js';

// ---------------------------------------------------------------------------------------------
// reimbursement.yaml

export const MEDICAL_SCHEMES = ['employee', 'resident'] as const;
export type MedicalScheme = (typeof MEDICAL_SCHEMES)[number];

const LevelSchema = z.strictObject({
  deductible: Money.optional(),
  ratioPct: Percent.optional(),
});
const ByLevelSchema = z.strictObject({
  '1': LevelSchema.optional(),
  '2': LevelSchema.optional(),
  '3': LevelSchema.optional(),
});

export const InpatientEntrySchema = figureEntry(
  {
    scheme: z.enum(MEDICAL_SCHEMES),
    /** Who the figures are for, where narrower than the scheme. */
    population: z.string().min(1).optional(),
    /** By hospital level (1 一级/社区, 2 二级, 3 三级). */
    levels: ByLevelSchema.optional(),
    /** Typical reimbursement ratio range where no table is known. */
    ratioPctRange: RangeSchema.optional(),
    cap: z
      .strictObject({
        pooledFund: Money.optional(),
        seriousIllness: Money.optional(),
        total: Money.optional(),
      })
      .optional(),
    rules: z.array(z.string().min(1)).optional(),
  },
  ['levels', 'ratioPctRange', 'cap'],
).refine(atLeastOne(['levels', 'ratioPctRange', 'cap']), {
  message: 'needs `levels`, `ratioPctRange` or `cap`',
  path: ['levels'],
});
export type InpatientEntry = z.output<typeof InpatientEntrySchema>;

export const SeriousIllnessEntrySchema = figureEntry(
  {
    scheme: z.enum(MEDICAL_SCHEMES),
    /** Fixed deductible or threshold, 元/年. */
    deductible: Money.optional(),
    /** How the deductible is set when it is a rule, with an approximate amount. */
    deductibleRule: z.string().min(1).optional(),
    deductibleApprox: Money.optional(),
    ratioPct: Percent,
    hardshipRatioPct: Percent.optional(),
    cap: Money.optional(),
    capMin: Money.optional(),
    rules: z.array(z.string().min(1)).optional(),
  },
  ['deductible', 'deductibleApprox', 'ratioPct', 'hardshipRatioPct', 'cap', 'capMin'],
);
export type SeriousIllnessEntry = z.output<typeof SeriousIllnessEntrySchema>;

export const OutpatientPoolingEntrySchema = figureEntry(
  {
    scheme: z.enum(MEDICAL_SCHEMES),
    deductible: Money,
    levels: ByLevelSchema,
    retireeExtraPct: Percent.optional(),
    capInService: Money.optional(),
    capRetired: Money.optional(),
  },
  ['deductible', 'levels', 'retireeExtraPct', 'capInService', 'capRetired'],
);
export type OutpatientPoolingEntry = z.output<typeof OutpatientPoolingEntrySchema>;

export const BirthCoverEntrySchema = figureEntry({ levels: ByLevelSchema }, ['levels']);
export type BirthCoverEntry = z.output<typeof BirthCoverEntrySchema>;

export const CrossProvinceEntrySchema = figureEntry(
  {
    filedLongTermResidents: z.string().min(1),
    referralSelfPayFirstPct: Percent,
    unfiledSelfPayFirstPct: Percent,
  },
  ['referralSelfPayFirstPct', 'unfiledSelfPayFirstPct'],
);
export type CrossProvinceEntry = z.output<typeof CrossProvinceEntrySchema>;

export const LevelRulesEntrySchema = figureEntry(
  {
    /** Inpatient ratios should differ by about this many points per hospital level. */
    ratioGapPointsPerLevel: z.number().nonnegative(),
    rules: z.array(z.string().min(1)).min(1),
  },
  ['ratioGapPointsPerLevel'],
);
export type LevelRulesEntry = z.output<typeof LevelRulesEntrySchema>;

export const ReimbursementStatisticEntrySchema = figureEntry(
  withYear({
    scheme: z.enum(MEDICAL_SCHEMES),
    /** Actual policy-range inpatient fund share, percent. */
    actualSharePct: Percent.optional(),
    level3SharePct: Percent.optional(),
    /** Target share (about). */
    targetSharePct: Percent.optional(),
  }),
  ['actualSharePct', 'level3SharePct', 'targetSharePct'],
).refine(atLeastOne(['actualSharePct', 'targetSharePct']), {
  message: 'needs `actualSharePct` or `targetSharePct`',
  path: ['actualSharePct'],
});
export type ReimbursementStatisticEntry = z.output<typeof ReimbursementStatisticEntrySchema>;

export const IncentiveEntrySchema = figureEntry(
  {
    /** 大病保险 cap rise for each consecutive year after `afterYears` years. */
    afterYears: z.number().int().positive().optional(),
    continuousStep: Money.optional(),
    /** Cap rise the year after a year without fund reimbursement. */
    zeroClaimStep: Money.optional(),
    /** True when the steps are minimums ("不低于"). */
    minimum: z.boolean(),
    maxRisePctOfCap: Percent.optional(),
  },
  ['afterYears', 'continuousStep', 'zeroClaimStep', 'maxRisePctOfCap'],
);
export type IncentiveEntry = z.output<typeof IncentiveEntrySchema>;

export const inpatientTable = defineTable({
  file: 'reimbursement',
  list: 'inpatient',
  name: '住院报销标准',
  entry: InpatientEntrySchema,
  variant: (e) => [`${e.scheme}/${e.population ?? ''}`],
});

export const seriousIllnessTable = defineTable({
  file: 'reimbursement',
  list: 'seriousIllness',
  name: '大病保险标准',
  entry: SeriousIllnessEntrySchema,
  variant: (e) => [e.scheme],
});

export const outpatientPoolingTable = defineTable({
  file: 'reimbursement',
  list: 'outpatientPooling',
  name: '门诊统筹标准',
  entry: OutpatientPoolingEntrySchema,
  variant: (e) => [e.scheme],
});

export const birthCoverTable = defineTable({
  file: 'reimbursement',
  list: 'births',
  name: '生育医疗费用标准',
  entry: BirthCoverEntrySchema,
});

export const crossProvinceTable = defineTable({
  file: 'reimbursement',
  list: 'crossProvince',
  name: '异地就医规定',
  entry: CrossProvinceEntrySchema,
});

export const levelRulesTable = defineTable({
  file: 'reimbursement',
  list: 'levelRules',
  name: '分级诊疗报销规定',
  entry: LevelRulesEntrySchema,
});

export const reimbursementStatistics = defineTable({
  file: 'reimbursement',
  list: 'statistics',
  name: '医保统计数据',
  entry: ReimbursementStatisticEntrySchema,
  variant: (e) => [e.scheme],
});

export const incentiveTable = defineTable({
  file: 'reimbursement',
  list: 'incentives',
  name: '居民医保连续参保激励',
  entry: IncentiveEntrySchema,
});

