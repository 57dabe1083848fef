import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { decodeState } from './decode.js';
import { KeyedQueue } from './keyed-queue.js';
import { keyspace, type Keyspace } from './keys.js';
import type { Change, ConversationKey, Store, TurnGate, TurnOutcome } from './store.js';

/** How many conversations the memory store keeps by default; the least recently used go first. */
export const MEMORY_MAX_CONVERSATIONS = 10_000;
/** Message claims and rate counters a conversation may have, on average, before old ones go. */
const ENTRIES_PER_CONVERSATION = 10;
/** Characters of kept answers (and their keys) the claims may hold in all: about 32 MiB. */
const CLAIMS_MAX_CHARS = 16 * 1024 * 1024;

export interface MemoryStoreOptions<T> {
  schema: z.ZodType<T>;
  /** Idle time after which a conversation is forgotten. */
  ttlMs: number;
  prefix?: string;
  logger?: Logger;
  /** Conversations kept at most (default 10,000): a process must not grow without bound. */
  maxConversations?: number;
  /** Characters of kept answers the message claims may hold in all (default 16 Mi). */
  maxClaimChars?: number;
  /** The conversations (values are JSON text, as in Redis); tests may pass their own. */
  conversations?: LRUCache<string, string>;
}

interface Counter {
  current: number;
  resetAt: number;
}

/**
 * One-process store for local use and tests: the same behaviour as Redis, kept in LRU caches with
 * a bounded size, so a flood of new user ids evicts the least recently used conversations
 * instead of filling the heap (Redis has `maxmemory` for that).
 */
export class MemoryStore<T> implements Store<T> {
  readonly kind = 'memory' as const;
  private readonly keys: Keyspace;
  private readonly conversations: LRUCache<string, string>;
  /** Message claims, each with what its turn kept (its answer). */
  private readonly claims: LRUCache<string, string>;
  private readonly counters: LRUCache<string, Counter>;
  private readonly queue = new KeyedQueue();

  constructor(private readonly options: MemoryStoreOptions<T>) {
    this.keys = keyspace(options.prefix ?? 'shebao');
    const max = options.maxConversations ?? MEMORY_MAX_CONVERSATIONS;
    this.conversations = options.conversations ?? new LRUCache({ max, ttl: options.ttlMs });
    // Bounded in size too: each claim keeps its turn's answer (a few KB for a computed one).
    this.claims = new LRUCache({
      max: max * ENTRIES_PER_CONVERSATION,
      maxSize: options.maxClaimChars ?? CLAIMS_MAX_CHARS,
      sizeCalculation: (kept, key) => kept.length + key.length,
    });
    this.counters = new LRUCache({ max: max * ENTRIES_PER_CONVERSATION });
  }

  async get(key: ConversationKey): Promise<T | undefined> {
    const k = this.keys.conversation(key);
    return decodeState(this.conversations.get(k), this.options.schema, k, this.options.logger);
  }

  async set(key: ConversationKey, value: T): Promise<void> {
    this.conversations.set(this.keys.conversation(key), JSON.stringify(value), {
      ttl: this.options.ttlMs,
    });
  }

  async delete(key: ConversationKey): Promise<void> {
    this.conversations.delete(this.keys.conversation(key));
  }

  async update<R>(key: ConversationKey, change: Change<T, R>): Promise<R> {
    const outcome = await this.turn(key, {}, change);
    if (outcome.status !== 'done') throw new Error(`an ungated turn cannot be ${outcome.status}`);
    return outcome.result;
  }

  turn<R>(key: ConversationKey, gate: TurnGate, change: Change<T, R>): Promise<TurnOutcome<T, R>> {
    const { claim, rate } = gate;
    const seen = claim && this.keys.seen(key, claim.messageId);
    return this.queue.run(this.keys.conversation(key), async () => {
      const kept = seen === undefined ? undefined : this.claims.get(seen);
      if (kept !== undefined) return { status: 'duplicate', current: await this.get(key), kept };
      if (rate) {
        const hit = await this.count(rate.subject, rate.windowSeconds * 1000);
        if (hit.current > rate.limit) {
          return { status: 'limited', retryAfterSeconds: Math.max(1, Math.ceil(hit.ttlMs / 1000)) };
        }
      }
      const { value, result, keep } = await change(await this.get(key));
      // State and claim together: a turn that threw above left neither.
      await this.set(key, value);
      if (seen !== undefined) this.claims.set(seen, keep ?? '', { ttl: claim!.ttlSeconds * 1000 });
      return { status: 'done', result };
    });
  }

  async count(subject: string, windowMs: number): Promise<{ current: number; ttlMs: number }> {
    const k = this.keys.rate(subject);
    const now = Date.now();
    const found = this.counters.get(k);
    const counter =
      found && found.resetAt > now ? found : { current: 0, resetAt: now + Math.max(1, windowMs) };
    counter.current++;
    this.counters.set(k, counter);
    return { current: counter.current, ttlMs: counter.resetAt - now };
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.conversations.clear();
    this.claims.clear();
    this.counters.clear();
  }
}
