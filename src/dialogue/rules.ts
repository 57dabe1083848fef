import { z } from 'zod';
import { INTENT_NAMES, type IntentName } from '../nlu/intent-names.js';
import { SCHEMES, type Scheme } from '../nlu/scheme.js';
import {
  SLOT_NAMES,
  SlotsSchema,
  slotsMatch,
  type SlotName,
  type Slots,
} from '../nlu/slot-schema.js';

const SlotNameSchema = z.enum(SLOT_NAMES as [SlotName, ...SlotName[]]);

/** One slot an intent asks for when it is missing. */
export const AskSchema = z
  .object({
    slot: SlotNameSchema,
    question: z.string().min(1),
    /** Example answers, shown as buttons; each must be understood as a value of the slot. */
    buttons: z.array(z.string().min(1)).min(1).max(6),
    /** Taken (and said in the answer) when the person cannot say; absent: go on without it. */
    default: z.unknown().optional(),
    /** Ask only when these slots hold one of these values. */
    when: z.partialRecord(SlotNameSchema, z.array(z.unknown()).min(1)).optional(),
    /** Not asked when the question names one of these insurances (居民医保 needs no job). */
    unlessScheme: z.array(z.enum(SCHEMES)).min(1).optional(),
  })
  .strict();
export type Ask = z.infer<typeof AskSchema>;

/** The `dialogue` block of an intent file. */
export const DialogueBlockSchema = z
  .object({
    asks: z.array(AskSchema).default([]),
    /** The same question about the other insurance ("那养老呢" after a medical question). */
    counterpart: z.enum(INTENT_NAMES).optional(),
  })
  .strict();
export type DialogueBlock = z.infer<typeof DialogueBlockSchema>;

export type DialogueRules = ReadonlyMap<IntentName, DialogueBlock>;

/** Builds the rules from the intent files, checking each default against the slot schema. */
export function buildRules(
  intents: readonly { name: IntentName; dialogue?: unknown }[],
): DialogueRules {
  const rules = new Map<IntentName, DialogueBlock>();
  for (const intent of intents) {
    const parsed = DialogueBlockSchema.safeParse(intent.dialogue ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `intents/${intent.name}.yaml: dialogue.${issue?.path.join('.')}: ${issue?.message}`,
      );
    }
    for (const ask of parsed.data.asks) {
      if (ask.default === undefined) continue;
      const check = SlotsSchema.safeParse({ [ask.slot]: ask.default });
      if (!check.success) {
        throw new Error(
          `intents/${intent.name}.yaml: dialogue.asks.${ask.slot}.default: not a valid ${ask.slot}`,
        );
      }
    }
    rules.set(intent.name, parsed.data);
  }
  return rules;
}

/** True when the ask applies to a person with these slots, asking about `scheme`. */
export function askApplies(ask: Ask, slots: Slots, scheme?: Scheme): boolean {
  if (scheme && ask.unlessScheme?.includes(scheme)) return false;
  return !ask.when || slotsMatch(ask.when, slots);
}
