import { z } from 'zod';
import { normalizeRegionCode, regionRef, type RegionRef } from './regions.js';

/*
 * Zod schemas for policies/*.yaml. Every object is strict (an unknown key is an error).
 * Every figure entry carries: region, effective {from, to?, basis?}, source [..], confidence,
 * and optionally year (the policy year it belongs to), uncertain, note and fieldConfidence.
 */

// ---------------------------------------------------------------------------------------------
// Dates

/** An ISO 8601 calendar date, full or reduced precision: 2025, 2025-07 or 2025-07-01. */
export const ISO_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 1949 || year > 2100) return false;
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day an ISO date (of any precision) covers, as YYYY-MM-DD. */
export function startOfIsoDate(value: string): string {
  const [, y, m = '01', d = '01'] = ISO_DATE_PATTERN.exec(value) ?? [];
  return `${y}-${m}-${d}`;
}

/** The last day an ISO date (of any precision) covers, as YYYY-MM-DD. */
export function endOfIsoDate(value: string): string {
  const [, y, m, d] = ISO_DATE_PATTERN.exec(value) ?? [];
  if (m === undefined) return `${y}-12-31`;
  if (d === undefined) return `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}`;
  return `${y}-${m}-${d}`;
}

const DATE_MESSAGE = 'Invalid date (expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD)';

export const IsoDate = z.string({ error: DATE_MESSAGE }).refine(isValidIsoDate, DATE_MESSAGE);

/** A month of birth or similar: YYYY-MM. */
export const YearMonth = z
  .string({ error: 'Invalid month (expected YYYY-MM)' })
  .refine((v) => /^\d{4}-\d{2}$/.test(v) && isValidIsoDate(v), 'Invalid month (expected YYYY-MM)');

/** A day of the year: MM-DD (collection windows). */
export const MonthDay = z
  .string({ error: 'Invalid day (expected MM-DD)' })
  .refine(
    (v) => /^\d{2}-\d{2}$/.test(v) && isValidIsoDate(`2024-${v}`),
    'Invalid day (expected MM-DD)',
  );

export const EFFECTIVE_BASES = ['stated', 'document-date', 'as-of'] as const;

/**
 * When a figure applies. `basis` says what `from` is: `stated` (the start date the source states,
 * the default), `document-date` (only the document's date or year is known) or `as-of` (the source
 * shows the figure in force at that date; the real start date is unknown).
 */
export const EffectiveSchema = z
  .strictObject({
    from: IsoDate,
    to: IsoDate.optional(),
    basis: z.enum(EFFECTIVE_BASES).optional(),
  })
  .refine((e) => e.to === undefined || endOfIsoDate(e.to) >= startOfIsoDate(e.from), {
    message: 'Invalid date range: `to` is before `from`',
    path: ['to'],
  });
export type Effective = z.output<typeof EffectiveSchema>;

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
function figureEntry<S extends z.core.$ZodLooseShape, K extends keyof S & string>(
  shape: S,
  figureKeys: readonly [K, ...K[]],
) {
  const merged = { ...baseShape, ...shape } as Omit<typeof baseShape, keyof S> & S;
  return z.strictObject({
    ...merged,
    fieldConfidence: z.partialRecord(z.enum(figureKeys), ConfidenceSchema).optional(),
  });
}

function withYear<S extends z.core.$ZodLooseShape>(shape: S) {
  return { ...shape, year: PolicyYear };
}

function topicFile<T extends string, S extends z.core.$ZodLooseShape>(topic: T, shape: S) {
  return z.strictObject({
    topic: z.literal(topic),
    title: z.string().min(1),
    notes: z.array(z.string().min(1)).optional(),
    ...shape,
  });
}

const atLeastOne =
  <E extends Record<string, unknown>>(keys: readonly (keyof E & string)[]) =>
  (e: E) =>
    keys.some((k) => e[k] !== undefined);

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

export const PensionBaseFileSchema = topicFile('pension-base', {
  bases: z.array(PensionBaseEntrySchema),
  calcBases: z.array(CalcBaseEntrySchema),
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

export const PensionRatesFileSchema = topicFile('pension-rates', {
  rates: z.array(PensionRateEntrySchema),
  baseBand: z.array(BaseBandEntrySchema),
  adjustments: z.array(PensionAdjustmentEntrySchema),
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

export const PensionDivisorFileSchema = topicFile('pension-divisor', {
  tables: z.array(DivisorTableEntrySchema),
  interpolation: z.array(DivisorInterpolationEntrySchema),
});

// ---------------------------------------------------------------------------------------------
// interest-rates.yaml: 记账利率 of the employee pension personal account

export const InterestRateEntrySchema = figureEntry(withYear({ ratePct: Percent }), ['ratePct']);
export type InterestRateEntry = z.output<typeof InterestRateEntrySchema>;

export const InterestRatesFileSchema = topicFile('interest-rates', {
  rates: z.array(InterestRateEntrySchema),
});

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

export const RetirementReformFileSchema = topicFile('retirement-reform', {
  groups: z.array(RetirementGroupEntrySchema),
  minimumYears: z.array(MinimumYearsEntrySchema),
  flexibleRetirement: z.array(FlexibleRetirementEntrySchema),
});

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

export const EmployeeMedicalFileSchema = topicFile('employee-medical', {
  rates: z.array(EmployeeMedicalRateEntrySchema),
  largeMedical: z.array(LargeMedicalEntrySchema),
  minYears: z.array(MedicalMinYearsEntrySchema),
  personalAccount: z.array(PersonalAccountEntrySchema),
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

export const FlexibleMedicalFileSchema = topicFile('flexible-medical', {
  entries: z.array(FlexibleMedicalEntrySchema),
});

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

export const ResidentMedicalFileSchema = topicFile('resident-medical', {
  contributions: z.array(ResidentMedicalEntrySchema),
  collectionPeriods: z.array(CollectionPeriodEntrySchema),
  waitingPeriods: z.array(WaitingPeriodEntrySchema),
});

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

export const ResidentPensionFileSchema = topicFile('resident-pension', {
  tiers: z.array(ResidentPensionTiersEntrySchema),
  subsidies: z.array(ResidentPensionSubsidyEntrySchema),
  basicPension: z.array(ResidentBasicPensionEntrySchema),
  accountDivisor: z.array(ResidentAccountDivisorEntrySchema),
  eligibility: z.array(ResidentEligibilityEntrySchema),
});

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

export const ReimbursementFileSchema = topicFile('reimbursement', {
  inpatient: z.array(InpatientEntrySchema),
  seriousIllness: z.array(SeriousIllnessEntrySchema),
  outpatientPooling: z.array(OutpatientPoolingEntrySchema),
  births: z.array(BirthCoverEntrySchema),
  crossProvince: z.array(CrossProvinceEntrySchema),
  levelRules: z.array(LevelRulesEntrySchema),
  statistics: z.array(ReimbursementStatisticEntrySchema),
  incentives: z.array(IncentiveEntrySchema),
});

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

export const SpecialGroupsFileSchema = topicFile('special-groups', {
  subsidies: z.array(SpecialGroupSubsidyEntrySchema),
  lowIncomeLines: z.array(LowIncomeLineEntrySchema),
});

// ---------------------------------------------------------------------------------------------
// The registry: one schema a file.

export const POLICY_FILE_SCHEMAS = {
  'pension-base': PensionBaseFileSchema,
  'pension-rates': PensionRatesFileSchema,
  'pension-divisor': PensionDivisorFileSchema,
  'interest-rates': InterestRatesFileSchema,
  'retirement-reform': RetirementReformFileSchema,
  'employee-medical': EmployeeMedicalFileSchema,
  'flexible-medical': FlexibleMedicalFileSchema,
  'resident-medical': ResidentMedicalFileSchema,
  'resident-pension': ResidentPensionFileSchema,
  reimbursement: ReimbursementFileSchema,
  'special-groups': SpecialGroupsFileSchema,
} as const;

export type PolicyTopic = keyof typeof POLICY_FILE_SCHEMAS;
export const POLICY_TOPICS = Object.keys(POLICY_FILE_SCHEMAS) as PolicyTopic[];

export type PolicyFiles = { [T in PolicyTopic]: z.output<(typeof POLICY_FILE_SCHEMAS)[T]> };

/** The fields every figure entry has, whatever its topic. */
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
