import { SlotsSchema, type SlotName, type Slots } from '../slot-schema.js';
import { extractAge } from './age.js';
import { extractMedical } from './medical.js';
import { extractMoney } from './money.js';
import { extractPerson } from './person.js';
import { extractRegion } from './region.js';

export { parseAmount, scanNumbers } from './numbers.js';
export { findPlaces } from './region.js';

/** One extractor per slot family, each pure over normalised text. */
const EXTRACTORS: readonly ((text: string, now: Date) => Partial<Slots>)[] = [
  extractMoney,
  extractAge,
  extractRegion,
  extractPerson,
  extractMedical,
];

/**
 * The part of the date the extractors read (only the year: ages from birth years, policy years),
 * so that a parse can be reused for any date with the same key.
 */
export function slotsDateKey(now: Date): string {
  return String(now.getFullYear());
}

/**
 * Every slot the (normalised) text states. Each value is checked against the slot schema on its
 * own: an impossible one (an age of 130, a month 13) is dropped, never passed on or clamped.
 */
export function extractSlots(text: string, now: Date = new Date()): Slots {
  const out: Record<string, unknown> = {};
  for (const extract of EXTRACTORS) {
    for (const [name, value] of Object.entries(extract(text, now))) {
      if (value === undefined || out[name] !== undefined) continue;
      const shape = SlotsSchema.shape[name as SlotName] as
        (typeof SlotsSchema.shape)[SlotName] | undefined;
      if (shape?.safeParse(value).success) out[name] = value;
    }
  }
  return out as Slots;
}
