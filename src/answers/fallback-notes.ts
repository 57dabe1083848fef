import type { FigureEntry } from '../policies/entry.js';
import type { Query, Resolved, TimeFallback } from '../policies/resolve.js';
import type { RegionRef } from '../policies/regions.js';

/*
 * The wording of the notes an answer adds when a figure is not the place's own or not the year's
 * own: 未找到上饶市2026年的养老保险费率数据，按全国标准估算. The resolver says what fell back
 * (region, time, table); this module says it in Chinese.
 */

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

/**
 * The note for one figure that fell back in region or time (undefined when it did not). `what`
 * names the table (养老保险费率...); without it the note speaks of 数据 in general.
 */
export function describeFallback(
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

/** The note for a figure that changed within the year asked (the entry chosen and the others). */
export function describePeriodChange(
  query: Query,
  chosen: FigureEntry,
  others: readonly FigureEntry[],
): string | undefined {
  if (others.length === 0 || !('year' in query)) return undefined;
  return `${query.year}年内标准有调整：本标准${startPhrase(chosen)}，此前适用${others
    .map((o) => `${startPhrase(o)}的标准`)
    .join('、')}`;
}
