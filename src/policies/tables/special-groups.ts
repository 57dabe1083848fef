import { z } from 'zod';
import { atLeastOne, figureEntry, Money, Percent, withYear } from '../entry.js';
import { defineTable } from '../table.js';

// ---------------------------------------------------------------------------------------------
// special-groups.yaml: resident-medical contribution subsidies for low-income groups

/** The CONTRACT's specialGroup values plus the extra groups local rules name. */
export const SUBSIDY_GROUPS = [
  'tekun',
  'dibao',
  'dibao_edge',
  'disabled',
  'poverty',
  'monitored',
  'orphan',
  'elderly70',
  'university_student',
] as const;
export type SubsidyGroup = (typeof SUBSIDY_GROUPS)[number];

export const SpecialGroupSubsidyEntrySchema = figureEntry(
  {
    groups: z.array(z.enum(SUBSIDY_GROUPS)).min(1),
    /** The groups as the source names them. */
    groupLabel: z.string().min(1),
    /** full: the premium is paid in full; fixed: a fixed amount; share: at least a share of it. */
    kind: z.enum(['full', 'fixed', 'share']),
    individualPays: Money.optional(),
    subsidyAmount: Money.optional(),
    minSharePct: Percent.optional(),
    /** Medical aid share of eligible costs (at least). */
    medicalAidMinPct: Percent.optional(),
  },
  ['kind', 'individualPays', 'subsidyAmount', 'minSharePct', 'medicalAidMinPct'],
);
export type SpecialGroupSubsidyEntry = z.output<typeof SpecialGroupSubsidyEntrySchema>;

export const LowIncomeLineEntrySchema = figureEntry(
  withYear({
    /** 低保 line, 元/人/月. */
    monthly: Money.optional(),
    urbanMonthly: Money.optional(),
    ruralMonthly: Money.optional(),
    /** e.g. "year-end average". */
    kind: z.string().min(1).optional(),
  }),
  ['monthly', 'urbanMonthly', 'ruralMonthly'],
).refine(atLeastOne(['monthly', 'urbanMonthly', 'ruralMonthly']), {
  message: 'needs `monthly`, `urbanMonthly` or `ruralMonthly`',
  path: ['monthly'],
});
export type LowIncomeLineEntry = z.output<typeof LowIncomeLineEntrySchema>;

export const specialGroupSubsidies = defineTable({
  file: 'special-groups',
  list: 'subsidies',
  name: '困难群体参保资助标准',
  entry: SpecialGroupSubsidyEntrySchema,
  variant: (e) => e.groups,
});

export const lowIncomeLineTable = defineTable({
  file: 'special-groups',
  list: 'lowIncomeLines',
  name: '低保标准',
  entry: LowIncomeLineEntrySchema,
});

