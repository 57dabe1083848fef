/** Which conversation: the channel it came through and the user's id on that channel. */
export interface ConversationKey {
  channel: string;
  userId: string;
}

/** What a turn must pass before it may change the conversation. */
export interface TurnGate {
  /** Claims a channel message id; a redelivery within `ttlSeconds` is a duplicate. */
  claim?: { channel: string; messageId: string; ttlSeconds: number };
  /** Counts one message of `subject` against `limit` per window of `windowSeconds`. */
  rate?: { subject: string; limit: number; windowSeconds: number };
}

export type TurnOutcome<T, R> =
  /** The claim and the hit were counted and the change was written. */
  | { status: 'done'; result: R }
  /** The message id was claimed before: nothing changed; `current` is the state as it is. */
  | { status: 'duplicate'; current: T | undefined }
  /** Over the rate limit: nothing changed and the claim, if any, was given back. */
  | { status: 'limited'; retryAfterSeconds: number };

/**
 * The only door to conversation state, dedupe marks and rate-limit counters.
 * Two implementations: Redis (shared by every instance) and memory (one process).
 */
export interface Store<T> {
  readonly kind: 'redis' | 'memory';
  /** The state, or undefined when there is none, it expired, or it was corrupt. */
  get(key: ConversationKey): Promise<T | undefined>;
  set(key: ConversationKey, value: T): Promise<void>;
  delete(key: ConversationKey): Promise<void>;
  /**
   * Reads, changes and writes one conversation's state so that concurrent updates of the
   * same conversation (from any process) take effect one after another and none is lost.
   * `change` may run more than once (when another process wrote in between, it runs again on
   * the newer state), so it must not have side effects.
   */
  update<R>(key: ConversationKey, change: Change<T, R>): Promise<R>;
  /**
   * One turn's whole store work: the dedupe claim, the rate-limit hit and `update`, in as few
   * round trips as the back-end allows (Redis: one to read, one to write). When the change
   * throws or cannot be written, the claim is given back so that a redelivery is handled.
   */
  turn<R>(key: ConversationKey, gate: TurnGate, change: Change<T, R>): Promise<TurnOutcome<T, R>>;
  /** True when the back-end answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Computes a conversation's next state, and what to return, from its current state. */
export type Change<T, R> = (
  current: T | undefined,
) => Promise<{ value: T; result: R }> | { value: T; result: R };

/** The store could not be reached or did not answer in time. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
