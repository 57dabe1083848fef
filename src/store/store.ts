/** Which conversation: the channel it came through and the user's id on that channel. */
export interface ConversationKey {
  channel: string;
  userId: string;
}

/** What a turn must pass before it may change the conversation. */
export interface TurnGate {
  /**
   * Claims the message id of this conversation's channel and user; a redelivery within
   * `ttlSeconds` is a duplicate. The claim is written with the new state, in one step, and keeps
   * the change's `keep`: a turn that did not commit leaves no claim, and one that did can be
   * answered again.
   */
  claim?: { messageId: string; ttlSeconds: number };
  /** Counts one message of `subject` against `limit` per window of `windowSeconds`. */
  rate?: { subject: string; limit: number; windowSeconds: number };
}

export type TurnOutcome<T, R> =
  /** The claim and the hit were counted and the change was written. */
  | { status: 'done'; result: R }
  /**
   * The message id was claimed before: nothing changed; `current` is the state as it is and
   * `kept` what the turn that claimed it kept (its answer).
   */
  | { status: 'duplicate'; current: T | undefined; kept: string | undefined }
  /** Over the rate limit: nothing changed and nothing was claimed. */
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
   * One turn's whole store work: the dedupe check, the rate-limit hit and `update`, in as few
   * round trips as the back-end allows (Redis: one to read, one to write). The claim is written
   * with the state: when the change throws or cannot be written, nothing is claimed, so that a
   * redelivery is handled.
   */
  turn<R>(key: ConversationKey, gate: TurnGate, change: Change<T, R>): Promise<TurnOutcome<T, R>>;
  /**
   * Counts one hit of `subject` in a fixed window of `windowMs` that starts at its first hit;
   * returns the hits so far in this window and the milliseconds left of it.
   */
  count(subject: string, windowMs: number): Promise<{ current: number; ttlMs: number }>;
  /**
   * True when the back-end answers within `timeoutMs` (default 500 ms: a health check must
   * answer within a second, whatever the back-end does).
   */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Computes a conversation's next state, and what to return, from its current state; `keep` is
 * what a redelivery of the turn's message is handed back (see TurnGate.claim).
 */
export type Change<T, R> = (current: T | undefined) => Promise<Changed<T, R>> | Changed<T, R>;
export interface Changed<T, R> {
  value: T;
  result: R;
  keep?: string;
}

/** The store could not be reached or did not answer in time. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
