import { z } from 'zod';
import { INTENT_NAMES } from '../nlu/intent-names.js';
import { SCHEMES } from '../nlu/scheme.js';
import { SLOT_NAMES, SlotsSchema } from '../nlu/slot-schema.js';

const SlotNameSchema = z.enum(SLOT_NAMES as [string, ...string[]]);

/** The question the bot asked and is waiting on. */
export const PendingSchema = z.object({
  intent: z.enum(INTENT_NAMES),
  slot: SlotNameSchema,
  /** How many times in a row this slot has been asked. */
  asks: z.number().int().min(1),
});

/** Whom the current question is about, when it is not the asker. */
export const SubjectSchema = z.object({
  /** A key of intents/lexicon/kinship.yaml (mother, father, spouse...). */
  key: z.string().min(1),
  /** How replies name the person (你母亲). */
  label: z.string().min(1),
});

/**
 * One conversation, as kept in the store (JSON, checked with this schema on every read). Every
 * field added since the first version is optional, so states written before still read.
 */
export const ConversationStateSchema = z.object({
  /** Bumped on every write. */
  version: z.number().int().min(0),
  /** The facts of the person the current question is about (the asker unless `subject`). */
  slots: SlotsSchema,
  /** The last question topic (an intent the bot answers), kept for follow-ups. */
  topic: z.enum(INTENT_NAMES).optional(),
  /** Further topics of the same question (医保和养老一共交多少: the pension part). */
  alsoTopics: z.array(z.enum(INTENT_NAMES)).optional(),
  /** The insurance the topic's question named (居民医保, 职工养老...), if it named one. */
  scheme: z.enum(SCHEMES).optional(),
  /** The topic's question asked for the national standard (按全国标准), not a place's. */
  national: z.boolean().optional(),
  /** The period the topic's figure was asked for (一年呢). */
  period: z.enum(['month', 'year']).optional(),
  /** The resident pension tier the topic's question named (每年交1000的档), yuan a year. */
  tier: z.number().int().positive().optional(),
  pending: PendingSchema.optional(),
  /** Slots the bot stopped asking for: filled with a stated default, or gone on without. */
  defaulted: z.array(SlotNameSchema).default([]),
  /** The slot last given or asked for: what an unnamed correction ("不对，是8000") changes. */
  lastSlot: SlotNameSchema.optional(),
  /** Whom the current question is about; absent: the asker. */
  subject: SubjectSchema.optional(),
  /** The facts of the other people talked about (and the asker's, while asking for another). */
  people: z.record(z.string(), SlotsSchema).optional(),
  /** A fingerprint of the last reply, so the next one never repeats it word for word. */
  lastReply: z.string().optional(),
  updatedAt: z.string(),
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;
export type Pending = z.infer<typeof PendingSchema>;
export type Subject = z.infer<typeof SubjectSchema>;

export function emptyState(now: Date): ConversationState {
  return { version: 0, slots: {}, defaulted: [], updatedAt: now.toISOString() };
}
