import type { IntentName } from './nlu/intent-names.js';
import type { SlotName, Slots } from './nlu/slot-schema.js';

/** The channels a turn can come from. */
export type Channel = 'http' | 'web' | 'cli' | 'telegram' | 'wechat' | 'wechat-mp' | 'wecom';

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
   * What the reply asks the person for: a slot name, or "topic" when it asks which of two
   * questions they mean. Absent when the reply answers.
   */
  asking?: SlotName | 'topic';
  /**
   * True when this messageId was already answered and nothing was done; `replies` and `intent`
   * are then that first answer again (a channel that already delivered it sends nothing).
   */
  duplicate?: boolean;
}

export type TurnHandler = (input: TurnInput) => Promise<TurnResult>;
