import { Decimal } from 'decimal.js';
import { LRUCache } from 'lru-cache';
import type { Policies } from './load.js';
import { tableName } from './table-names.js';
import { regionChain, type RegionRef } from './regions.js';
import {
  endOfIsoDate,
  isValidIsoDate,
  startOfIsoDate,
  type BaseBandEntry,
  type BirthCoverEntry,
  type CalcBaseEntry,
  type CollectionPeriodEntry,
  type Confidence,
  type CrossProvinceEntry,
  type DivisorInterpolationEntry,
  type DivisorTableEntry,
  type Effective,
  type EmployeeMedicalRateEntry,
  type FigureEntry,
  type FlexibleMedicalEntry,
  type FlexibleRetirementEntry,
  type IncentiveEntry,
  type InpatientEntry,
  type InterestRateEntry,
  type LargeMedicalEntry,
  type LevelRulesEntry,
  type LowIncomeLineEntry,
  type MedicalMinYearsEntry,
  type MedicalScheme,
  type MinimumYearsEntry,
  type OutpatientPoolingEntry,
  type PensionAdjustmentEntry,
  type PensionBaseEntry,
  type PensionRateEntry,
  type PersonalAccountEntry,
  type ReimbursementStatisticEntry,
  type ResidentAccountDivisorEntry,
  type ResidentBasicPensionEntry,
  type ResidentEligibilityEntry,
  type ResidentMedicalEntry,
  type ResidentPensionSubsidyEntry,
  type ResidentPensionTiersEntry,
  type RetirementGroup,
  type RetirementGroupEntry,
  type SeriousIllnessEntry,
  type Source,
  type SpecialGroupSubsidyEntry,
  type SubsidyGroup,
  type WaitingPeriodEntry,
} from './schema.js';

/*
 * "Which figure applies to this region at this time": pure functions over loaded policies.
 *
 * Region: the most precise level with data wins, climbing county -> city -> province -> national.
 * Time: a year (number) matches entries labelled with that policy year, or unlabelled entries in
 * force during it; a date (YYYY-MM-DD, YYYY-MM or a Date) matches the entry in force that day.
 * At each level, an exact match is taken first, else the latest earlier one (said in `fallback`);
 * only when no level has anything exact or earlier is the earliest later entry used (said too).
 */

/** A policy year (2025) or a day (`2025-07-01`, `2025-07`, a Date). */
export type When = number | string | Date;

/** A GB/T 2260 code (2, 4 or 6 digits) or `national`, or a slot region `{code}`. */
export type RegionInput = string | { code: string };

export type TimeFallback = 'none' | 'earlier' | 'later';

export type Query = { year: number } | { date: string };

/** A figure with everything an answer needs to say where it comes from. */
export interface Resolved<T> {
  value: T;
  /** The region whose entry was used. */
  region: RegionRef;
  /** The region asked about. */
  requestedRegion: RegionRef;
  query: Query;
  /** The policy year of the entry, where labelled. */
  year?: number;
  effective: Effective;
  source: Source[];
  confidence: Confidence;
  /** Per-field overrides of `confidence` (see `confidenceOf`). */
  fieldConfidence: Partial<Record<string, Confidence>>;
  /** Marked uncertain in POLICY-FACTS (a "?", "low", a conflict): the answer must say so. */
  uncertain: boolean;
  note?: string;
  /** Chinese sentence when the region or the time fell back, e.g. 未找到上饶市2025年数据，按江西省标准估算. */
  fallback?: string;
  /** What the table holds (养老保险费率...), as `fallback` names it. */
  what?: string;
  regionFallback: boolean;
  timeFallback: TimeFallback;
  /** Set when the figure changed within the year asked. */
  periodNote?: string;
}

/** The confidence of one field of a resolved figure. */
export function confidenceOf(resolved: Resolved<unknown>, field: string): Confidence {
  return resolved.fieldConfidence[field] ?? resolved.confidence;
}

// ---------------------------------------------------------------------------------------------
// Time

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function toQuery(when: When): Query {
  if (typeof when === 'number') {
    if (!Number.isInteger(when) || when < 1900 || when > 2200) {
      throw new RangeError(`not a policy year: ${when}`);
    }
    return { year: when };
  }
  if (when instanceof Date) {
    if (Number.isNaN(when.getTime())) throw new RangeError('invalid Date');
    return {
      date: `${when.getUTCFullYear()}-${pad2(when.getUTCMonth() + 1)}-${pad2(when.getUTCDate())}`,
    };
  }
  if (/^\d{4}$/.test(when)) return toQuery(Number(when));
  if (!isValidIsoDate(when)) throw new RangeError(`not an ISO date: ${JSON.stringify(when)}`);
  return { date: startOfIsoDate(when) };
}

function dayAfter(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return `${next.getUTCFullYear()}-${pad2(next.getUTCMonth() + 1)}-${pad2(next.getUTCDate())}`;
}

function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1 + months, d));
  return `${next.getUTCFullYear()}-${pad2(next.getUTCMonth() + 1)}-${pad2(next.getUTCDate())}`;
}

interface Interval {
  start: string;
  /** First day no longer covered; undefined = open-ended. */
  endExcl: string | undefined;
}

/**
 * Each entry's period. Without `to`, an entry ends where the next one (same region, same
 * variant) starts; an entry labelled with a policy year is presumed annual: it ends at the later
 * of the next 1 January and 12 months after its start, unless a successor starts earlier.
 */
function intervalsOf<E extends FigureEntry>(entries: readonly E[]): Map<E, Interval> {
  const sorted = [...entries].sort((a, b) =>
    startOfIsoDate(a.effective.from).localeCompare(startOfIsoDate(b.effective.from)),
  );
  const out = new Map<E, Interval>();
  sorted.forEach((entry) => {
    const start = startOfIsoDate(entry.effective.from);
    if (entry.effective.to !== undefined) {
      out.set(entry, { start, endExcl: dayAfter(endOfIsoDate(entry.effective.to)) });
      return;
    }
    const next = sorted.find((other) => startOfIsoDate(other.effective.from) > start);
    let endExcl = next ? startOfIsoDate(next.effective.from) : undefined;
    if (entry.year !== undefined) {
      const yearEnd = `${entry.year + 1}-01-01`;
      const twelveMonths = addMonths(start, 12);
      const annualEnd = yearEnd > twelveMonths ? yearEnd : twelveMonths;
      if (endExcl === undefined || annualEnd < endExcl) endExcl = annualEnd;
    }
    out.set(entry, { start, endExcl });
  });
  return out;
}

type Relation = 'exact' | 'earlier' | 'later';

function relation(entry: FigureEntry, interval: Interval, query: Query): Relation {
  if ('year' in query) {
    if (entry.year !== undefined) {
      return entry.year === query.year ? 'exact' : entry.year < query.year ? 'earlier' : 'later';
    }
    const yearStart = `${query.year}-01-01`;
    const yearEndExcl = `${query.year + 1}-01-01`;
    if (interval.start >= yearEndExcl) return 'later';
    if (interval.endExcl !== undefined && interval.endExcl <= yearStart) return 'earlier';
    return 'exact';
  }
  if (interval.start > query.date) return 'later';
  if (interval.endExcl !== undefined && interval.endExcl <= query.date) return 'earlier';
  return 'exact';
}

function formatIsoZh(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

function queryLabel(query: Query): string {
  return 'year' in query ? `${query.year}年` : `${formatIsoZh(query.date)}适用的`;
}

function periodLabel(entry: Period): string {
  return entry.year !== undefined
    ? `${entry.year}年`
    : `自${formatIsoZh(entry.effective.from)}起施行的`;
}

function startPhrase(entry: FigureEntry): string {
  return `自${formatIsoZh(entry.effective.from)}起施行`;
}

/** When a figure applies: its policy year, or the date it took effect. */
type Period = Pick<FigureEntry, 'year' | 'effective'>;

function describeFallback(
  requested: RegionRef,
  used: RegionRef,
  entry: Period,
  query: Query,
  time: TimeFallback,
  what: string | undefined,
): string | undefined {
  const regionFell = requested.code !== used.code;
  if (!regionFell && time === 'none') return undefined;
  // 上饶市2026年数据, or with the table named: 上饶市2026年的养老保险费率数据
  const asked = what
    ? `${requested.name}${queryLabel(query).replace(/的$/, '')}的${what}`
    : `${requested.name}${queryLabel(query)}`;
  if (time === 'none') return `未找到${asked}数据，按${used.name}标准估算`;
  if (time === 'earlier') {
    return `未找到${asked}数据，按最近的${used.name}${periodLabel(entry)}标准估算`;
  }
  const before = 'year' in query ? `${query.year}年及以前` : `${formatIsoZh(query.date)}及以前`;
  return `未找到${requested.name}${before}的${what ?? ''}数据，按最早的${used.name}${periodLabel(entry)}标准估算`;
}

/**
 * The fallback notes of several figures, one line for those that fell back the same way:
 * 未找到南昌市2026年的城乡居民基础养老金、居民养老保险计发月数数据，按全国标准估算.
 */
export function fallbackNotes(resolved: readonly Resolved<unknown>[]): string[] {
  const HOLE = '\u0000';
  const groups = new Map<string, string[]>();
  for (const r of resolved) {
    if (r.fallback === undefined) continue;
    const key =
      r.what === undefined
        ? r.fallback
        : describeFallback(r.requestedRegion, r.region, r, r.query, r.timeFallback, HOLE)!;
    const whats = groups.get(key) ?? [];
    if (r.what !== undefined && !whats.includes(r.what)) whats.push(r.what);
    groups.set(key, whats);
  }
  return [...groups].map(([key, whats]) => key.replace(HOLE, whats.join('、')));
}

function regionCodeOf(region: RegionInput): string {
  return typeof region === 'string' ? region : region.code;
}

function build<E extends FigureEntry>(
  entry: E,
  requested: RegionRef,
  query: Query,
  time: TimeFallback,
  what: string | undefined,
  periodNote?: string,
): Resolved<E> {
  const fallback = describeFallback(requested, entry.region, entry, query, time, what);
  return {
    value: entry,
    region: entry.region,
    requestedRegion: requested,
    query,
    ...(entry.year !== undefined ? { year: entry.year } : {}),
    effective: entry.effective,
    source: entry.source,
    confidence: entry.confidence,
    fieldConfidence: entry.fieldConfidence ?? {},
    uncertain: entry.uncertain ?? false,
    ...(entry.note !== undefined ? { note: entry.note } : {}),
    ...(fallback !== undefined ? { fallback } : {}),
    ...(what !== undefined ? { what } : {}),
    regionFallback: requested.code !== entry.region.code,
    timeFallback: time,
    ...(periodNote !== undefined ? { periodNote } : {}),
  };
}

/**
 * The core lookup over one list of entries. `filter` narrows the list to one variant (a scheme,
 * a tier...). Returns undefined when no entry of any level of the region's chain exists.
 */
export function resolveEntry<E extends FigureEntry>(
  entries: readonly E[],
  region: RegionInput,
  when: When,
  filter: (entry: E) => boolean = () => true,
): Resolved<E> | undefined {
  const chain = regionChain(regionCodeOf(region));
  const requested = chain[0] as RegionRef;
  const query = toQuery(when);
  const chainCodes = new Set(chain.map((r) => r.code));
  const candidates = entries.filter(
    (e) => filter(e) && !(e.excludes ?? []).some((x) => chainCodes.has(x.code)),
  );
  // Everything below depends only on the region, the query and the candidates: remembered.
  const key = `${requested.code}|${'year' in query ? query.year : query.date}|${candidates
    .map(entryId)
    .join(',')}`;
  let result = resolved.get(key);
  if (result === undefined) {
    const chosen = choose(candidates, chain, requested, query, tableName(entries));
    result = chosen ? Object.freeze(chosen) : 'none';
    resolved.set(key, result);
  }
  return result === 'none' ? undefined : (result as Resolved<E>);
}

/** A number for each policy entry, for cache keys. */
const entryIds = new WeakMap<object, number>();
let nextEntryId = 0;
function entryId(entry: object): number {
  let id = entryIds.get(entry);
  if (id === undefined) entryIds.set(entry, (id = nextEntryId++));
  return id;
}

/**
 * Recent lookups: a pure function of the region, the query and the candidate entries, which
 * are loaded once and never change. Results are frozen, as every caller shares them.
 */
const resolved = new LRUCache<string, Readonly<Resolved<FigureEntry>> | 'none'>({
  max: 20_000,
});

function choose<E extends FigureEntry>(
  candidates: E[],
  chain: RegionRef[],
  requested: RegionRef,
  query: Query,
  what: string | undefined,
): Resolved<E> | undefined {
  const levels = chain.map((level) => {
    const atLevel = candidates.filter((e) => e.region.code === level.code);
    const intervals = intervalsOf(atLevel);
    return atLevel.map((entry) => ({
      entry,
      interval: intervals.get(entry) as Interval,
      relation: relation(entry, intervals.get(entry) as Interval, query),
    }));
  });
  const byStartDesc = (a: { interval: Interval; entry: E }, b: { interval: Interval; entry: E }) =>
    (b.entry.year ?? 0) - (a.entry.year ?? 0) || b.interval.start.localeCompare(a.interval.start);

  for (const level of levels) {
    const exact = level.filter((c) => c.relation === 'exact').sort(byStartDesc);
    const chosen = exact[0];
    if (chosen) {
      const others = exact.slice(1);
      const periodNote =
        others.length > 0 && 'year' in query
          ? `${query.year}年内标准有调整：本标准${startPhrase(chosen.entry)}，此前适用${others
              .map((o) => `${startPhrase(o.entry)}的标准`)
              .join('、')}`
          : undefined;
      return build(chosen.entry, requested, query, 'none', what, periodNote);
    }
    const earlier = level.filter((c) => c.relation === 'earlier').sort(byStartDesc)[0];
    if (earlier) return build(earlier.entry, requested, query, 'earlier', what);
  }
  for (const level of levels) {
    const later = level.filter((c) => c.relation === 'later').sort((a, b) => byStartDesc(b, a))[0];
    if (later) return build(later.entry, requested, query, 'later', what);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Pension

/** Contribution base floor / cap (and average wage) of the employee pension. */
export function pensionBase(
  policies: Policies,
  region: RegionInput,
  when: When,
): Resolved<PensionBaseEntry> | undefined {
  return resolveEntry(policies.pensionBase.bases, region, when);
}

/** 计发基数 used to compute pensions of people retiring in that year. */
export function pensionCalcBase(
  policies: Policies,
  region: RegionInput,
  when: When,
): Resolved<CalcBaseEntry> | undefined {
  return resolveEntry(policies.pensionBase.calcBases, region, when);
}

/** Employee pension rates; `scheme` flexible = flexible-employment workers (20 %). */
export function pensionRates(
  policies: Policies,
  region: RegionInput,
  when: When,
  scheme: 'employee' | 'flexible' = 'employee',
): Resolved<PensionRateEntry> | undefined {
  return resolveEntry(policies.pensionRates.rates, region, when, (e) => e.scheme === scheme);
}

/** The contribution base band (60 %–300 % of the average wage). */
export function pensionBaseBand(
  policies: Policies,
  region: RegionInput,
  when: When,
): Resolved<BaseBandEntry> | undefined {
  return resolveEntry(policies.pensionRates.baseBand, region, when);
}

/** The yearly rise of retirees' pensions. */
export function pensionAdjustment(
  policies: Policies,
  when: When,
): Resolved<PensionAdjustmentEntry> | undefined {
  return resolveEntry(policies.pensionRates.adjustments, 'national', when);
}

/** An age given as whole years or years and months (60 y 1 m = `{ years: 60, months: 1 }`). */
export type Age = number | { years: number; months: number };

export interface DivisorValue {
  /** 计发月数 (may have one decimal for ages with months). */
  months: number;
  ageYears: number;
  ageMonths: number;
  interpolated: boolean;
}

/**
 * 计发月数 of the employee pension personal account at a retirement age (60 -> 139, 55 -> 170,
 * 50 -> 195, 47 -> 208). Ages with months (from the 2025 reform) are interpolated linearly by
 * month and rounded as the published month-by-month table (60 y 1 m -> 138.4). `when` defaults to
 * the date the interpolation rule starts. Undefined outside the table (40-70).
 */
export function pensionDivisor(
  policies: Policies,
  age: Age,
  when?: When,
): Resolved<DivisorValue> | undefined {
  const years = typeof age === 'number' ? Math.floor(age) : age.years;
  const months =
    typeof age === 'number' ? Math.round((age - Math.floor(age)) * 12) : Math.round(age.months);
  if (months < 0 || months > 11) throw new RangeError(`months must be 0-11: ${months}`);
  const rule = resolveEntry<DivisorInterpolationEntry>(
    policies.pensionDivisor.interpolation,
    'national',
    when ?? '2025-01-01',
  );
  const table = resolveEntry<DivisorTableEntry>(
    policies.pensionDivisor.tables,
    'national',
    when ?? '2025-01-01',
  );
  if (!table) return undefined;
  const atAge = table.value.months[String(years)];
  if (atAge === undefined) return undefined;
  let value = atAge;
  let interpolated = false;
  if (months > 0) {
    const next = table.value.months[String(years + 1)];
    if (next === undefined || !rule || rule.timeFallback === 'later') return undefined;
    value = new Decimal(atAge)
      .plus(new Decimal(next).minus(atAge).times(months).dividedBy(12))
      .toDecimalPlaces(rule.value.decimals, Decimal.ROUND_HALF_UP)
      .toNumber();
    interpolated = true;
  }
  const result: Resolved<DivisorValue> = {
    ...table,
    value: { months: value, ageYears: years, ageMonths: months, interpolated },
  };
  if (interpolated && rule) {
    result.source = [...table.source, ...rule.source];
    result.note = [table.note, rule.note].filter(Boolean).join(' ');
  }
  return result;
}

/** 记账利率 of one year (national). */
export function interestRate(
  policies: Policies,
  year: number,
): Resolved<InterestRateEntry> | undefined {
  return resolveEntry(policies.interestRates.rates, 'national', year);
}

/** 记账利率 for each year of a span that has a published rate of its own (no fallbacks). */
export function interestRates(
  policies: Policies,
  fromYear: number,
  toYear: number,
): Resolved<InterestRateEntry>[] {
  const out: Resolved<InterestRateEntry>[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const rate = interestRate(policies, year);
    if (rate && rate.timeFallback === 'none') out.push(rate);
  }
  return out;
}

export interface RetirementReform {
  groups: Record<RetirementGroup, Resolved<RetirementGroupEntry> | undefined>;
  /** Minimum contribution years for people retiring in the year asked. */
  minimumYears: Resolved<MinimumYearsEntry> | undefined;
  flexibleRetirement: Resolved<FlexibleRetirementEntry> | undefined;
}

/** The retirement-age reform parameters and the minimum years in force at `when`. */
export function retirementReform(policies: Policies, when: When): RetirementReform {
  const data = policies.retirementReform;
  const group = (g: RetirementGroup) =>
    resolveEntry(data.groups, 'national', when, (e) => e.group === g);
  return {
    groups: {
      male: group('male'),
      female_cadre: group('female_cadre'),
      female_worker: group('female_worker'),
    },
    minimumYears: resolveEntry(data.minimumYears, 'national', when),
    flexibleRetirement: resolveEntry(data.flexibleRetirement, 'national', when),
  };
}

/** Minimum contribution years for a monthly employee pension, by the year of retirement. */
export function minimumContributionYears(
  policies: Policies,
  retirementYear: number,
): Resolved<MinimumYearsEntry> | undefined {
  return resolveEntry(policies.retirementReform.minimumYears, 'national', retirementYear);
}

export interface StatutoryRetirement {
  group: RetirementGroup;
  delayMonths: number;
  /** The new statutory age. */
  ageYears: number;
  ageMonths: number;
  /** The month the person reaches it. */
  retireYear: number;
  retireMonth: number;
  rule: Resolved<RetirementGroupEntry>;
}

/**
 * The statutory retirement age under the 2025 reform: delay = min(floor(idx / step) + 1, max)
 * where idx = months from the group's first birth month; none when born before it.
 */
export function statutoryRetirement(
  policies: Policies,
  group: RetirementGroup,
  birthYear: number,
  birthMonth: number,
): StatutoryRetirement | undefined {
  const rule = resolveEntry(
    policies.retirementReform.groups,
    'national',
    '2025-01-01',
    (e) => e.group === group,
  );
  if (!rule) return undefined;
  const g = rule.value;
  const [firstY, firstM] = g.firstBirthMonth.split('-').map(Number) as [number, number];
  const idx = (birthYear - firstY) * 12 + (birthMonth - firstM);
  const delayMonths = idx < 0 ? 0 : Math.min(Math.floor(idx / g.stepMonths) + 1, g.maxDelayMonths);
  const ageInMonths = g.oldAge * 12 + delayMonths;
  const retireIndex = birthYear * 12 + (birthMonth - 1) + ageInMonths;
  return {
    group,
    delayMonths,
    ageYears: Math.floor(ageInMonths / 12),
    ageMonths: ageInMonths % 12,
    retireYear: Math.floor(retireIndex / 12),
    retireMonth: (retireIndex % 12) + 1,
    rule,
  };
}

// ---------------------------------------------------------------------------------------------
// Medical

/**
 * Band selection where a region has several (深圳 一档 / 二档): without `tier`, the untiered
 * entry or 一档; with `tier`, that band (or an untiered entry).
 */
function tierFilter(tier: string | undefined) {
  return (e: { tier?: string | undefined }) =>
    e.tier === undefined || e.tier === (tier ?? '一档');
}

/** Employee medical employer / individual rates. */
export function employeeMedicalRates(
  policies: Policies,
  region: RegionInput,
  when: When,
  options: { tier?: string } = {},
): Resolved<EmployeeMedicalRateEntry> | undefined {
  return resolveEntry(policies.employeeMedical.rates, region, when, tierFilter(options.tier));
}

/** 大额医疗互助 and similar monthly supplements of employee medical insurance. */
export function largeMedicalSupplement(
  policies: Policies,
  region: RegionInput,
  when: When,
): Resolved<LargeMedicalEntry> | undefined {
  return resolveEntry(policies.employeeMedical.largeMedical, region, when);
}

/** Years of employee medical contributions needed for cover in retirement. */
export function medicalMinYears(
  policies: Policies,
  region: RegionInput,
  when: When,
): Resolved<MedicalMinYearsEntry> | undefined {
  return resolveEntry(policies.employeeMedical.minYears, region, when);
}

/** Flexible-employment workers in employee medical insurance. */
export function flexibleMedical(
  policies: Policies,
  region: RegionInput,
  when: When,
  options: { tier?: string } = {},
): Resolved<FlexibleMedicalEntry> | undefined {
  return resolveEntry(policies.flexibleMedical.entries, region, when, tierFilter(options.tier));
}

/** Resident medical individual contribution and fiscal subsidy (元/人/年) of a 待遇年度. */
export function residentMedical(
  policies: Policies,
  region: RegionInput,
  when: When,
): Resolved<ResidentMedicalEntry> | undefined {
  return resolveEntry(policies.residentMedical.contributions, region, when);
}

/** The usual resident medical collection window, and a one-off extension for the year asked. */
export function collectionPeriod(
  policies: Policies,
  region: RegionInput,
  when: When,
): {
  regular: Resolved<CollectionPeriodEntry> | undefined;
  extension: Resolved<CollectionPeriodEntry> | undefined;
} {
  const list = policies.residentMedical.collectionPeriods;
  const extension = resolveEntry(list, region, when, (e) => e.kind === 'extension');
  return {
    regular: resolveEntry(list, region, when, (e) => e.kind === 'regular'),
    // An extension only ever concerns its own year: no fallbacks in time.
    extension: extension?.timeFallback === 'none' ? extension : undefined,
  };
}

/** How the employee medical personal account is credited. */
export function medicalPersonalAccount(
  policies: Policies,
  region: RegionInput,
  when: When,
): Resolved<PersonalAccountEntry> | undefined {
  return resolveEntry(policies.employeeMedical.personalAccount, region, when);
}

/** The waiting period after enrolling late or after a break. */
export function waitingPeriod(
  policies: Policies,
  region: RegionInput,
  when: When,
): Resolved<WaitingPeriodEntry> | undefined {
  return resolveEntry(policies.residentMedical.waitingPeriods, region, when);
}

export interface ResidentPension {
  tiers: Resolved<ResidentPensionTiersEntry> | undefined;
  subsidy: Resolved<ResidentPensionSubsidyEntry> | undefined;
  basicPension: Resolved<ResidentBasicPensionEntry> | undefined;
  accountDivisor: Resolved<ResidentAccountDivisorEntry> | undefined;
  eligibility: Resolved<ResidentEligibilityEntry> | undefined;
}

/** Urban-rural resident pension: tiers, subsidy, basic pension, 139 divisor, eligibility. */
export function residentPension(
  policies: Policies,
  region: RegionInput,
  when: When,
): ResidentPension {
  const data = policies.residentPension;
  return {
    tiers: resolveEntry(data.tiers, region, when),
    subsidy: resolveEntry(data.subsidies, region, when),
    basicPension: resolveEntry(data.basicPension, region, when),
    accountDivisor: resolveEntry(data.accountDivisor, region, when),
    eligibility: resolveEntry(data.eligibility, region, when),
  };
}

export interface Reimbursement {
  inpatient: Resolved<InpatientEntry> | undefined;
  seriousIllness: Resolved<SeriousIllnessEntry> | undefined;
  outpatientPooling: Resolved<OutpatientPoolingEntry> | undefined;
  births: Resolved<BirthCoverEntry> | undefined;
  crossProvince: Resolved<CrossProvinceEntry> | undefined;
  levelRules: Resolved<LevelRulesEntry> | undefined;
  statistics: Resolved<ReimbursementStatisticEntry> | undefined;
  incentives: Resolved<IncentiveEntry> | undefined;
}

/**
 * Reimbursement parameters for a scheme. Inpatient tables for a narrower population (e.g. 北京
 * students) are picked with `population`; by default the general table.
 */
export function reimbursement(
  policies: Policies,
  region: RegionInput,
  when: When,
  scheme: MedicalScheme,
  options: { population?: string } = {},
): Reimbursement {
  const data = policies.reimbursement;
  const forScheme = <E extends { scheme: MedicalScheme }>(e: E) => e.scheme === scheme;
  return {
    inpatient: resolveEntry(
      data.inpatient,
      region,
      when,
      (e) => e.scheme === scheme && e.population === options.population,
    ),
    seriousIllness: resolveEntry(data.seriousIllness, region, when, forScheme),
    outpatientPooling: resolveEntry(data.outpatientPooling, region, when, forScheme),
    births: resolveEntry(data.births, region, when),
    crossProvince: resolveEntry(data.crossProvince, region, when),
    levelRules: resolveEntry(data.levelRules, region, when),
    statistics: resolveEntry(data.statistics, region, when, forScheme),
    incentives: scheme === 'resident' ? resolveEntry(data.incentives, region, when) : undefined,
  };
}

/** What a low-income group pays / gets for resident medical insurance. */
export function specialGroupSubsidy(
  policies: Policies,
  region: RegionInput,
  group: SubsidyGroup,
  when: When,
): Resolved<SpecialGroupSubsidyEntry> | undefined {
  return resolveEntry(policies.specialGroups.subsidies, region, when, (e) =>
    e.groups.includes(group),
  );
}

/** 低保 lines (context for low-income answers). */
export function lowIncomeLine(
  policies: Policies,
  region: RegionInput,
  when: When,
): Resolved<LowIncomeLineEntry> | undefined {
  return resolveEntry(policies.specialGroups.lowIncomeLines, region, when);
}
