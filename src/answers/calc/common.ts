import type { Slots } from '../../nlu/slot-schema.js';
import type { Resolved } from '../../policies/index.js';
import { regionName } from '../describe-slots.js';
import { sourceLabel } from '../source-label.js';

/** The region code to look policies up with: the person's, or national. */
export function regionCode(slots: Slots): string {
  return slots.region?.code ?? 'national';
}

/** The place as the reply names it. */
export function placeName(slots: Slots): string {
  return slots.region ? regionName(slots.region) : '全国';
}

/** The policy year asked about, else the current year. */
export function policyYear(slots: Slots, now: Date): number {
  return slots.year ?? now.getFullYear();
}

/** "依据：…" for the resolved figures used, each source once, by the name a reader can look up. */
export function citeSources(...resolved: (Resolved<unknown> | undefined)[]): string {
  const seen = new Set<string>();
  for (const r of resolved) for (const s of r?.source ?? []) seen.add(sourceLabel(s));
  return `依据：${[...seen].filter(Boolean).join('；')}。`;
}

/**
 * The caveats a figure carries: where it fell back, and when it is uncertain or background
 * knowledge. Figures that fell back the same way share one line: 未找到南昌市2026年的城乡居民基础
 * 养老金、居民养老保险计发月数数据，按全国标准估算.
 */
export function caveats(...resolved: (Resolved<unknown> | undefined)[]): string[] {
  const fallbacks = new Map<string, string[]>();
  const notes = new Set<string>();
  for (const r of resolved) {
    if (!r) continue;
    if (r.fallback) {
      const named = r.what !== undefined && r.fallback.includes(`的${r.what}数据`);
      const key = named ? r.fallback.replace(`的${r.what}数据`, '的\u0000数据') : r.fallback;
      const whats = fallbacks.get(key) ?? [];
      if (named && !whats.includes(r.what!)) whats.push(r.what!);
      fallbacks.set(key, whats);
    }
    if (r.uncertain || r.confidence === 'knowledge' || r.confidence === 'qa') {
      notes.add(`注意：${r.region.name}这一数据来源可信度有限，仅作参考。`);
    }
  }
  const lines = [...fallbacks].map(([key, whats]) => key.replace('\u0000', whats.join('、')));
  return [...lines, ...notes];
}
