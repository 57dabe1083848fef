import type { Scheme } from '../nlu/scheme.js';
import type { SlotName, Slots } from '../nlu/slot-schema.js';

/**
 * What an answer needs, declared once next to the answer that uses it (src/answers/calc/), and
 * what the dialogue asks from it: like Rasa's `required_slots`, computed every turn from the
 * conversation, but as alternatives. An answer can often be given from different inputs: a
 * contribution base, or an income and the region's band, or an income and the average wage the
 * person named. The dialogue asks only for a slot that no alternative already covers, working
 * towards the alternative closest to complete.
 */
export interface Alternative {
  /** Slots that together let the answer give its figures. */
  needs: readonly SlotName[];
  /**
   * Asked for when missing, but the answer can do without them and says what it assumed
   * (the hospital level of a bill, a contribution index).
   */
  optional?: readonly SlotName[];
  /**
   * Taken only when no better alternative can be completed (the person could not say what it
   * needs): an employee who does not know the income gets the figures at the base floor.
   */
  fallback?: true;
}

export interface RequirementContext {
  slots: Slots;
  /** The insurance the question names (居民医保...), which can settle the person's job. */
  scheme?: Scheme;
}

export interface Requirements {
  /**
   * The slots the bot may ask for (each must have a question in the intent file). Others (a
   * contribution base, the local average wage: few people know them) count only when given.
   */
  asks: readonly SlotName[];
  /** What a slot is taken as when the person cannot say (and the answer says so). */
  defaults?: Partial<Slots>;
  /** The alternatives for this conversation, best first. */
  alternatives(ctx: RequirementContext): readonly Alternative[];
  /**
   * Further slots the answer reads when given (the years paid, for the shortfall): a message
   * that gives only such facts is about this question, whatever else it sounds like.
   */
  uses?: readonly SlotName[];
}

export type Step = { kind: 'answer' } | { kind: 'ask'; slot: SlotName };

/**
 * The next step for a question: answer when an alternative is covered (after its optional
 * slots are asked), else ask the first missing slot of the askable alternative closest to
 * complete. `dropped` are slots the person could not give: an alternative that needs one is out.
 * When no alternative can be completed, the answer is given with what there is.
 */
export function nextStep(
  requirements: Requirements,
  ctx: RequirementContext,
  dropped: readonly SlotName[],
): Step {
  const all = requirements.alternatives(ctx);
  // a slot the answer never asks for (a contribution base, an average wage) only counts when given
  const unaskable = (s: SlotName) => dropped.includes(s) || !requirements.asks.includes(s);
  const preferred = all.filter((a) => !a.fallback);
  const step = stepAmong(preferred, ctx, unaskable);
  if (step) return step;
  return (
    stepAmong(
      all.filter((a) => a.fallback),
      ctx,
      unaskable,
    ) ?? { kind: 'answer' }
  );
}

/** The step among these alternatives, or undefined when none can be completed. */
function stepAmong(
  alternatives: readonly Alternative[],
  ctx: RequirementContext,
  unaskable: (slot: SlotName) => boolean,
): Step | undefined {
  const have = (s: SlotName) => ctx.slots[s] !== undefined;
  for (const alt of alternatives) {
    if (!alt.needs.every(have)) continue;
    const optional = alt.optional?.find((s) => !have(s) && !unaskable(s));
    return optional ? { kind: 'ask', slot: optional } : { kind: 'answer' };
  }
  let best: { slot: SlotName; missing: number } | undefined;
  for (const alt of alternatives) {
    if (alt.needs.some((s) => !have(s) && unaskable(s))) continue;
    const missing = alt.needs.filter((s) => !have(s));
    if (!best || missing.length < best.missing)
      best = { slot: missing[0]!, missing: missing.length };
  }
  return best ? { kind: 'ask', slot: best.slot } : undefined;
}

/** Every slot the alternatives use. */
export function slotsUsed(alternatives: readonly Alternative[]): SlotName[] {
  return [...new Set(alternatives.flatMap((a) => [...a.needs, ...(a.optional ?? [])]))];
}

/** Every slot a question's answer can read: its alternatives' (in any situation) and `uses`. */
export function slotsRead(requirements: Requirements, ctx: RequirementContext): Set<SlotName> {
  return new Set([
    ...slotsUsed(requirements.alternatives(ctx)),
    ...requirements.asks,
    ...(requirements.uses ?? []),
  ]);
}
