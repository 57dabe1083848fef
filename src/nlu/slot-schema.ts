import { z } from 'zod';

/** A non-negative decimal amount written as a string, e.g. "12000" or "466.38". */
export const DecimalString = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal number');

/** A place, with full official names and the GB/T 2260 code of the most precise level named. */
export const RegionSchema = z.object({
  province: z.string().min(1),
  city: z.string().min(1).optional(),
  county: z.string().min(1).optional(),
  code: z.string().regex(/^\d{6}$/),
});
export type Region = z.infer<typeof RegionSchema>;

export const GENDERS = ['male', 'female'] as const;
export const JOB_CATEGORIES = ['worker', 'cadre'] as const;
export const EMPLOYMENTS = [
  'employee',
  'flexible',
  'unemployed',
  'student',
  'retiree',
  'farmer',
] as const;
export const HUKOUS = ['urban', 'rural'] as const;
export const SPECIAL_GROUPS = ['dibao', 'tekun', 'dibao_edge', 'disabled', 'poverty'] as const;

/** Every slot of CONTRACT.md section 3. Only slots the text states are present. */
export const SlotsSchema = z
  .object({
    age: z.number().int().min(0).max(120),
    birthYear: z.number().int().min(1900).max(2100),
    birthMonth: z.number().int().min(1).max(12),
    gender: z.enum(GENDERS),
    jobCategory: z.enum(JOB_CATEGORIES),
    region: RegionSchema,
    monthlyIncome: DecimalString,
    contributionBase: DecimalString,
    averageWage: DecimalString,
    contributionIndex: DecimalString,
    year: z.number().int().min(1990).max(2100),
    employment: z.enum(EMPLOYMENTS),
    hukou: z.enum(HUKOUS),
    specialGroup: z.enum(SPECIAL_GROUPS),
    contributionYears: z.number().min(0).max(60),
    accountBalance: DecimalString,
    medicalCost: DecimalString,
    hospitalLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    retirementAge: z.number().int().min(40).max(75),
    retirementYear: z.number().int().min(1950).max(2100),
  })
  .partial();
export type Slots = z.infer<typeof SlotsSchema>;
export type SlotName = keyof Slots;
export const SLOT_NAMES = Object.keys(SlotsSchema.shape) as SlotName[];

/** True when, for every slot named in `when`, the slots hold one of the listed values. */
export function slotsMatch(when: Partial<Record<SlotName, unknown[]>>, slots: Slots): boolean {
  return Object.entries(when).every(([slot, values]) =>
    (values ?? []).some((v) => JSON.stringify(v) === JSON.stringify(slots[slot as SlotName])),
  );
}
