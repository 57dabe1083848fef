/** Which conversation: the channel it came through and the user's id on that channel. */
export interface ConversationKey {
  channel: string;
  userId: string;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the user may send again; 0 when allowed. */
  retryAfterSeconds: number;
}

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
   * same conversation (from any process) run one after another and none is lost.
   */
  update<R>(
    key: ConversationKey,
    change: (current: T | undefined) => Promise<{ value: T; result: R }> | { value: T; result: R },
  ): Promise<R>;
  /** True the first time `messageId` is claimed within `ttlSeconds`; false for a redelivery. */
  claimMessage(channel: string, messageId: string, ttlSeconds: number): Promise<boolean>;
  /** Forgets a claim, so that a message whose handling failed can be handled when redelivered. */
  releaseMessage(channel: string, messageId: string): Promise<void>;
  /** Counts one message of `subject` in the current window of `windowSeconds`. */
  hitRateLimit(subject: string, limit: number, windowSeconds: number): Promise<RateDecision>;
  /** True when the back-end answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The store could not be reached or did not answer in time. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
