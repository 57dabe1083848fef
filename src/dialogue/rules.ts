import { z } from 'zod';
import { INTENT_NAMES, type IntentName } from '../nlu/intent-names.js';
import { SLOT_NAMES, type SlotName } from '../nlu/slot-schema.js';
import type { Requirements } from './requirements.js';

const SlotNameSchema = z.enum(SLOT_NAMES as [SlotName, ...SlotName[]]);

/** How the bot asks for one slot (Rasa's utter_ask_<slot>): the wording, and example answers. */
export const QuestionSchema = z
  .object({
    text: z.string().min(1),
    /** Example answers, shown as buttons; each must be understood as a value of the slot. */
    buttons: z.array(z.string().min(1)).min(1).max(6),
  })
  .strict();
export type Question = z.infer<typeof QuestionSchema>;

/** The `dialogue` block of an intent file: only wording; what to ask comes from the answer. */
export const DialogueBlockSchema = z
  .object({
    questions: z.partialRecord(SlotNameSchema, QuestionSchema).default({}),
    /** The same question about the other insurance ("那养老呢" after a medical question). */
    counterpart: z.enum(INTENT_NAMES).optional(),
  })
  .strict();
export type DialogueBlock = z.infer<typeof DialogueBlockSchema>;

/** One intent's dialogue: its questions, its counterpart, and what its answer needs. */
export interface IntentRules extends DialogueBlock {
  requirements?: Requirements;
}

export type DialogueRules = ReadonlyMap<IntentName, IntentRules>;

/**
 * Builds the rules from the intent files and the answers' requirements. Fails (naming the file)
 * when an answer may ask for a slot its intent file has no question for, or when a default is
 * not a valid value of its slot.
 */
export function buildRules(
  intents: readonly { name: IntentName; dialogue?: unknown }[],
  requirements: Partial<Record<IntentName, Requirements>> = {},
): DialogueRules {
  const rules = new Map<IntentName, IntentRules>();
  for (const intent of intents) {
    const parsed = DialogueBlockSchema.safeParse(intent.dialogue ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `intents/${intent.name}.yaml: dialogue.${issue?.path.join('.')}: ${issue?.message}`,
      );
    }
    const needs = requirements[intent.name];
    for (const slot of needs?.asks ?? []) {
      if (!parsed.data.questions[slot]) {
        throw new Error(
          `intents/${intent.name}.yaml: dialogue.questions.${slot}: missing (the answer may ask for ${slot})`,
        );
      }
    }
    rules.set(intent.name, needs ? { ...parsed.data, requirements: needs } : parsed.data);
  }
  return rules;
}
