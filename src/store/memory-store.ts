import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { decodeState } from './decode.js';
import { KeyedQueue } from './keyed-queue.js';
import { keyspace, type Keyspace } from './keys.js';
import type { Change, ConversationKey, Store, TurnGate, TurnOutcome } from './store.js';

interface Entry {
  raw: string;
  expiresAt: number;
}

export interface MemoryStoreOptions<T> {
  schema: z.ZodType<T>;
  /** Idle time after which a conversation is forgotten. */
  ttlMs: number;
  prefix?: string;
  logger?: Logger;
  /** The backing map (values are JSON text, as in Redis); tests may pass their own. */
  data?: Map<string, Entry>;
  now?: () => number;
}

/** One-process store for local use and tests: the same behaviour as Redis, kept in a Map. */
export class MemoryStore<T> implements Store<T> {
  readonly kind = 'memory' as const;
  private readonly keys: Keyspace;
  private readonly data: Map<string, Entry>;
  private readonly now: () => number;
  private readonly queue = new KeyedQueue();
  private writes = 0;

  constructor(private readonly options: MemoryStoreOptions<T>) {
    this.keys = keyspace(options.prefix ?? 'shebao');
    this.data = options.data ?? new Map();
    this.now = options.now ?? Date.now;
  }

  private read(key: string): string | undefined {
    const entry = this.data.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.data.delete(key);
      return undefined;
    }
    return entry.raw;
  }

  private write(key: string, raw: string, ttlMs: number): void {
    this.data.set(key, { raw, expiresAt: this.now() + ttlMs });
    if (++this.writes % 1000 === 0) this.sweep();
  }

  /** Drops expired entries so an idle map does not grow without bound. */
  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.data) if (entry.expiresAt <= now) this.data.delete(key);
  }

  async get(key: ConversationKey): Promise<T | undefined> {
    const k = this.keys.conversation(key);
    return decodeState(this.read(k), this.options.schema, k, this.options.logger);
  }

  async set(key: ConversationKey, value: T): Promise<void> {
    this.write(this.keys.conversation(key), JSON.stringify(value), this.options.ttlMs);
  }

  async delete(key: ConversationKey): Promise<void> {
    this.data.delete(this.keys.conversation(key));
  }

  async update<R>(key: ConversationKey, change: Change<T, R>): Promise<R> {
    return this.queue.run(this.keys.conversation(key), async () => {
      const { value, result } = await change(await this.get(key));
      await this.set(key, value);
      return result;
    });
  }

  async turn<R>(
    key: ConversationKey,
    gate: TurnGate,
    change: Change<T, R>,
  ): Promise<TurnOutcome<T, R>> {
    const { claim, rate } = gate;
    if (claim && !(await this.claimMessage(claim.channel, claim.messageId, claim.ttlSeconds))) {
      return { status: 'duplicate', current: await this.get(key) };
    }
    try {
      if (rate) {
        const decision = await this.hitRateLimit(rate.subject, rate.limit, rate.windowSeconds);
        if (!decision.allowed) {
          if (claim) await this.releaseMessage(claim.channel, claim.messageId);
          return { status: 'limited', retryAfterSeconds: decision.retryAfterSeconds };
        }
      }
      return { status: 'done', result: await this.update(key, change) };
    } catch (err) {
      if (claim) await this.releaseMessage(claim.channel, claim.messageId);
      throw err;
    }
  }

  private async claimMessage(
    channel: string,
    messageId: string,
    ttlSeconds: number,
  ): Promise<boolean> {
    const k = this.keys.seen(channel, messageId);
    if (this.read(k) !== undefined) return false;
    this.write(k, '1', ttlSeconds * 1000);
    return true;
  }

  private async releaseMessage(channel: string, messageId: string): Promise<void> {
    this.data.delete(this.keys.seen(channel, messageId));
  }

  private async hitRateLimit(
    subject: string,
    limit: number,
    windowSeconds: number,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const k = this.keys.rate(subject);
    const entry = this.read(k) === undefined ? undefined : this.data.get(k);
    const count = entry ? Number(entry.raw) + 1 : 1;
    const expiresAt = entry ? entry.expiresAt : this.now() + windowSeconds * 1000;
    this.data.set(k, { raw: String(count), expiresAt });
    if (count <= limit) return { allowed: true, retryAfterSeconds: 0 };
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((expiresAt - this.now()) / 1000)),
    };
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.data.clear();
  }
}
