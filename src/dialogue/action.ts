import type { IntentName } from '../nlu/intent-names.js';
import type { Scheme } from '../nlu/scheme.js';
import type { SlotName, Slots } from '../nlu/slot-schema.js';

/** What the bot does this turn; the answer layer turns it into words. */
export type Action =
  /**
   * Answer `intent` with these slots; `defaulted` were filled or skipped by the bot; `scheme`
   * is the insurance the question named, if any.
   */
  | {
      kind: 'answer';
      intent: IntentName;
      slots: Slots;
      defaulted: SlotName[];
      scheme?: Scheme;
      /** For out_of_scope: the look-alike domain asked about (see ParseResult.domain). */
      domain?: string;
    }
  /** Ask for one missing slot of `intent`. */
  | { kind: 'ask'; intent: IntentName; slot: SlotName; question: string; buttons: string[] }
  /** Not sure which of these the person means: offer both. */
  | { kind: 'clarify'; options: IntentName[] }
  /** Facts noted, but no question yet. */
  | { kind: 'noted'; slots: Slots; changed: SlotName[] }
  /** The conversation was forgotten. */
  | { kind: 'reset' }
  /** Forgetting was not asked for outright: ask first, change nothing. */
  | { kind: 'confirm_reset' };
