import { z } from 'zod';
import { EffectiveSchema, IsoDate, type Effective } from './dates.js';
import { normalizeRegionCode, regionRef, type RegionRef } from './regions.js';

/*
 * The fields every figure entry of policies/*.yaml carries: region, effective {from, to?, basis?},
 * source [..], confidence, and optionally year (the policy year it belongs to), uncertain, note
 * and fieldConfidence. Every object is strict (an unknown key is an error).
 */

// ---------------------------------------------------------------------------------------------
// Provenance

/**
 * Where a figure comes from, as POLICY-FACTS gives it: the document number or title (`doc`) and/or
 * its `url`; `via` names the stored material it was read in (a GitHub repo or a seed file).
 */
export const SourceSchema = z
  .strictObject({
    doc: z.string().min(1).optional(),
    url: z.url().optional(),
    published: IsoDate.optional(),
    via: z.string().min(1).optional(),
  })
  .refine((s) => s.doc !== undefined || s.url !== undefined, {
    message: 'a source needs `doc` (document number or title) or `url`',
  });
export type Source = z.output<typeof SourceSchema>;

/**
 * Confidence tags, mirroring POLICY-FACTS: official [OFF] · official-cited [OFF-c] · derived [DER] ·
 * third-party [3P] · qa [QA] · knowledge [KNOW] (background knowledge, not found in stored material).
 */
export const CONFIDENCES = [
  'official',
  'official-cited',
  'derived',
  'third-party',
  'qa',
  'knowledge',
] as const;
export const ConfidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.output<typeof ConfidenceSchema>;

// ---------------------------------------------------------------------------------------------
// Regions

/** `national`, or `<6-digit GB/T 2260 code> <official name>`, e.g. `361100 上饶市`. */
export const RegionSchema = z
  .string({ error: 'Invalid region (expected `national` or `<6-digit code> <name>`)' })
  .transform((value, ctx): RegionRef => {
    if (value === 'national') return regionRef('national') as RegionRef;
    const match = /^(\d{6}) (\S+)$/.exec(value);
    const code = match?.[1];
    const name = match?.[2];
    if (code === undefined || name === undefined || normalizeRegionCode(code) !== code) {
      ctx.addIssue({
        code: 'custom',
        message: 'Invalid region (expected `national` or `<6-digit code> <name>`)',
      });
      return z.NEVER;
    }
    const ref = regionRef(code);
    if (!ref) {
      ctx.addIssue({ code: 'custom', message: `Unknown GB/T 2260 region code ${code}` });
      return z.NEVER;
    }
    if (ref.name !== name) {
      ctx.addIssue({ code: 'custom', message: `Region ${code} is ${ref.name}, not ${name}` });
      return z.NEVER;
    }
    return ref;
  });

// ---------------------------------------------------------------------------------------------
// Building blocks

export const Money = z.number().nonnegative();
export const Percent = z.number().min(0).max(100);
/** A share of an average wage, in percent (the base band goes up to 300 %). */
export const PercentOfAverage = z.number().min(0).max(1000);
export const PolicyYear = z.number().int().min(1990).max(2100);

export const RangeSchema = z
  .strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() })
  .refine((r) => r.min <= r.max, { message: '`min` is above `max`', path: ['max'] });

const baseShape = {
  /** `national` or a GB/T 2260 region. */
  region: RegionSchema,
  /** Parts of `region` the figure does not cover (e.g. 山东 计发基数 except 菏泽市). */
  excludes: z.array(RegionSchema).min(1).optional(),
  /** The policy year the figure belongs to (年度 / 待遇年度), where the source labels one. */
  year: PolicyYear.optional(),
  effective: EffectiveSchema,
  source: z.array(SourceSchema).min(1, 'every figure needs at least one source'),
  confidence: ConfidenceSchema,
  /** Marked "?", "low", "pending check" or contradicted in POLICY-FACTS: say so when answering. */
  uncertain: z.boolean().optional(),
  note: z.string().min(1).optional(),
};

/**
 * A figure entry: the common fields, the topic's own fields, and `fieldConfidence`, which
 * overrides `confidence` for named figure fields (e.g. an average wage derived as cap ÷ 3).
 */
export function figureEntry<S extends z.core.$ZodLooseShape, K extends keyof S & string>(
  shape: S,
  figureKeys: readonly [K, ...K[]],
) {
  const merged = { ...baseShape, ...shape } as Omit<typeof baseShape, keyof S> & S;
  return z.strictObject({
    ...merged,
    fieldConfidence: z.partialRecord(z.enum(figureKeys), ConfidenceSchema).optional(),
  });
}

export function withYear<S extends z.core.$ZodLooseShape>(shape: S) {
  return { ...shape, year: PolicyYear };
}

export const atLeastOne =
  <E extends Record<string, unknown>>(keys: readonly (keyof E & string)[]) =>
  (e: E) =>
    keys.some((k) => e[k] !== undefined);

/** The fields every figure entry has, whatever its table. */
export interface FigureEntry {
  region: RegionRef;
  excludes?: RegionRef[] | undefined;
  year?: number | undefined;
  effective: Effective;
  source: Source[];
  confidence: Confidence;
  uncertain?: boolean | undefined;
  note?: string | undefined;
  fieldConfidence?: Partial<Record<string, Confidence>> | undefined;
}
