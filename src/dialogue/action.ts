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
      /** Further parts of the same question (医保和养老一共: the pension part). */
      also?: IntentName[];
      /** The national standard was asked for, not a place's. */
      national?: true;
      /** The period the figure was asked for (一年呢). */
      period?: 'month' | 'year';
      /** The resident pension tier named (每年交1000的档), yuan a year. */
      tier?: number;
      /** The question names 香港, 澳门 or 台湾, outside the mainland schemes. */
      outsideMainland?: true;
      /** Whom the figures are for, when not the asker (你母亲). */
      subject?: string;
      /** The slots this message changed in the last question (a correction, 要是62岁退休呢). */
      changed?: SlotName[];
      /** For out_of_scope: the look-alike domain asked about (see ParseResult.domain). */
      domain?: string;
    }
  /** Ask for one missing slot of `intent`. */
  | {
      kind: 'ask';
      intent: IntentName;
      slot: SlotName;
      question: string;
      buttons: string[];
      /** Whom the question is about, when not the asker. */
      subject?: string;
    }
  /** Not sure which of these the person means: offer both. */
  | { kind: 'clarify'; options: IntentName[] }
  /** Facts noted, but no question yet. */
  | { kind: 'noted'; slots: Slots; changed: SlotName[] }
  /** The conversation was forgotten. */
  | { kind: 'reset' }
  /** Forgetting was not asked for outright: ask first, change nothing. */
  | { kind: 'confirm_reset' };
