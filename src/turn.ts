import type { IntentName } from './nlu/intent-names.js';
import type { Slots } from './nlu/slot-schema.js';

/** The channels a turn can come from. */
export type Channel = 'http' | 'web' | 'cli' | 'telegram' | 'wechat';

/** One message from a person, as every channel adapter hands it to the core. */
export interface TurnInput {
  channel: Channel;
  userId: string;
  text: string;
  /** The platform's id of this message, for dropping redeliveries. */
  messageId?: string;
}

export interface Reply {
  text: string;
  /** Choices to show as tappable buttons; pressing one sends its text back. */
  buttons?: string[];
}

export interface TurnResult {
  replies: Reply[];
  intent: { name: IntentName; confidence: number };
  /** The conversation's merged slots after this turn. */
  slots: Slots;
  /**
   * True when this messageId was already answered and nothing was done; `replies` and `intent`
   * are then that first answer again (a channel that already delivered it sends nothing).
   */
  duplicate?: boolean;
}

export type TurnHandler = (input: TurnInput) => Promise<TurnResult>;
