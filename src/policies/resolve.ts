import { LRUCache } from 'lru-cache';
import { describeFallback, describePeriodChange } from '../answers/fallback-notes.js';
import { endOfIsoDate, isValidIsoDate, startOfIsoDate, type Effective } from './dates.js';
import type { Confidence, FigureEntry, Source } from './entry.js';
import { regionChain, type RegionRef } from './regions.js';
import { entriesOf, type TableDeclaration } from './table.js';
import { tableName } from './table-names.js';

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
      const periodNote = describePeriodChange(
        query,
        chosen.entry,
        others.map((o) => o.entry),
      );
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

/**
 * The figure of a declared table for a region and a time: the generic lookup every accessor uses,
 * and all a new table needs.
 */
export function lookup<E extends FigureEntry>(
  loaded: object,
  table: TableDeclaration<string, string, E>,
  region: RegionInput,
  when: When,
  filter?: (entry: E) => boolean,
): Resolved<E> | undefined {
  return resolveEntry(entriesOf(loaded, table), region, when, filter);
}

/**
 * The named lookup of a table that needs no filter: `(policies, region, when) => figure`, e.g.
 * `pensionBase = byRegion(pensionBases)`.
 */
export function byRegion<E extends FigureEntry>(table: TableDeclaration<string, string, E>) {
  return (policies: object, region: RegionInput, when: When): Resolved<E> | undefined =>
    lookup(policies, table, region, when);
}
