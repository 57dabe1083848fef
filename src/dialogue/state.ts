import { z } from 'zod';
import { INTENT_NAMES } from '../nlu/intent-names.js';
import { SCHEMES } from '../nlu/scheme.js';
import { SLOT_NAMES, SlotsSchema } from '../nlu/slot-schema.js';

/** The question the bot asked and is waiting on. */
export const PendingSchema = z.object({
  intent: z.enum(INTENT_NAMES),
  slot: z.enum(SLOT_NAMES as [string, ...string[]]),
  /** How many times in a row this slot has been asked. */
  asks: z.number().int().min(1),
});

/** One conversation, as kept in the store (JSON, checked with this schema on every read). */
export const ConversationStateSchema = z.object({
  /** Bumped on every write. */
  version: z.number().int().min(0),
  slots: SlotsSchema,
  /** The last question topic (an intent the bot answers), kept for follow-ups. */
  topic: z.enum(INTENT_NAMES).optional(),
  /** The insurance the topic's question named (居民医保, 职工养老...), if it named one. */
  scheme: z.enum(SCHEMES).optional(),
  pending: PendingSchema.optional(),
  /** Slots the bot filled with a stated default rather than the user's word. */
  defaulted: z.array(z.enum(SLOT_NAMES as [string, ...string[]])).default([]),
  updatedAt: z.string(),
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;
export type Pending = z.infer<typeof PendingSchema>;

export function emptyState(now: Date): ConversationState {
  return { version: 0, slots: {}, defaulted: [], updatedAt: now.toISOString() };
}
