import type { Slots } from '../../nlu/slot-schema.js';
import { fallbackNotes, type Resolved } from '../../policies/index.js';
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
 * The caveats a figure carries: where it fell back (figures that fell back the same way share a
 * line), and when it is uncertain or background knowledge.
 */
export function caveats(...resolved: (Resolved<unknown> | undefined)[]): string[] {
  const present = resolved.filter((r): r is Resolved<unknown> => r !== undefined);
  const notes = new Set<string>();
  for (const r of present) {
    if (r.uncertain || r.confidence === 'knowledge' || r.confidence === 'qa') {
      notes.add(`注意：${r.region.name}这一数据来源可信度有限，仅作参考。`);
    }
  }
  return [...fallbackNotes(present), ...notes];
}
