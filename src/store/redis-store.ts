import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { decodeState } from './decode.js';
import { keyspace, type Keyspace } from './keys.js';
import {
  StoreUnavailableError,
  type ConversationKey,
  type RateDecision,
  type Store,
} from './store.js';

/** Writes the state only while the caller still holds the conversation's lock, then frees it. */
const FENCED_SET = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;

/** Frees the lock only when it is still the caller's. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Counts a hit in a fixed window that starts with the first hit. */
const RATE_HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

export interface RedisStoreOptions<T> {
  url: string;
  schema: z.ZodType<T>;
  ttlMs: number;
  prefix?: string;
  logger?: Logger;
  /** How long one turn may hold a conversation's lock before it lapses. */
  lockTtlMs?: number;
  /** How long a turn waits for a busy conversation before giving up. */
  lockWaitMs?: number;
}

type Client = ReturnType<typeof createClient>;

/**
 * Conversation state in Redis, shared by every instance of the bot. Commands fail at once while
 * Redis is unreachable (no offline queue), and the client reconnects by itself in the background.
 */
export class RedisStore<T> implements Store<T> {
  readonly kind = 'redis' as const;
  private readonly client: Client;
  private readonly keys: Keyspace;
  private readonly lockTtlMs: number;
  private readonly lockWaitMs: number;

  constructor(private readonly options: RedisStoreOptions<T>) {
    this.keys = keyspace(options.prefix ?? 'shebao');
    this.lockTtlMs = options.lockTtlMs ?? 5000;
    this.lockWaitMs = options.lockWaitMs ?? 5000;
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2000,
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
      },
    });
    let down = false;
    this.client.on('error', (err: Error) => {
      if (!down) options.logger?.error({ err: err.message }, 'redis connection error');
      down = true;
    });
    this.client.on('ready', () => {
      if (down) options.logger?.info('redis connection restored');
      down = false;
    });
  }

  /** Starts connecting; resolves once connected, but the store is usable (degraded) before. */
  connect(): Promise<void> {
    return this.client.connect().then(
      () => undefined,
      (err: Error) => {
        throw new StoreUnavailableError(`cannot connect to Redis: ${err.message}`);
      },
    );
  }

  private async guard<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (err) {
      if (err instanceof StoreUnavailableError) throw err;
      throw new StoreUnavailableError(`redis: ${(err as Error).message}`);
    }
  }

  async get(key: ConversationKey): Promise<T | undefined> {
    const k = this.keys.conversation(key);
    const raw = await this.guard(() => this.client.get(k));
    return decodeState(raw, this.options.schema, k, this.options.logger);
  }

  async set(key: ConversationKey, value: T): Promise<void> {
    const k = this.keys.conversation(key);
    await this.guard(() =>
      this.client.set(k, JSON.stringify(value), {
        expiration: { type: 'PX', value: this.options.ttlMs },
      }),
    );
  }

  async delete(key: ConversationKey): Promise<void> {
    await this.guard(() => this.client.del(this.keys.conversation(key)));
  }

  async update<R>(
    key: ConversationKey,
    change: (current: T | undefined) => Promise<{ value: T; result: R }> | { value: T; result: R },
  ): Promise<R> {
    const lockKey = this.keys.lock(key);
    const token = randomUUID();
    await this.acquire(lockKey, token);
    let written = false;
    try {
      const { value, result } = await change(await this.get(key));
      const ok = await this.guard(() =>
        this.client.eval(FENCED_SET, {
          keys: [lockKey, this.keys.conversation(key)],
          arguments: [token, JSON.stringify(value), String(this.options.ttlMs)],
        }),
      );
      if (ok !== 1)
        throw new StoreUnavailableError('the conversation lock lapsed before the write');
      written = true;
      return result;
    } finally {
      if (!written) {
        await this.client
          .eval(RELEASE, { keys: [lockKey], arguments: [token] })
          .catch(() => undefined);
      }
    }
  }

  private async acquire(lockKey: string, token: string): Promise<void> {
    const deadline = Date.now() + this.lockWaitMs;
    let pause = 2;
    for (;;) {
      const got = await this.guard(() =>
        this.client.set(lockKey, token, {
          condition: 'NX',
          expiration: { type: 'PX', value: this.lockTtlMs },
        }),
      );
      if (got === 'OK') return;
      if (Date.now() >= deadline) throw new StoreUnavailableError('the conversation stayed busy');
      await sleep(pause + Math.random() * pause);
      pause = Math.min(pause * 2, 40);
    }
  }

  async claimMessage(channel: string, messageId: string, ttlSeconds: number): Promise<boolean> {
    const k = this.keys.seen(channel, messageId);
    const reply = await this.guard(() =>
      this.client.set(k, '1', { condition: 'NX', expiration: { type: 'EX', value: ttlSeconds } }),
    );
    return reply === 'OK';
  }

  async releaseMessage(channel: string, messageId: string): Promise<void> {
    await this.guard(() => this.client.del(this.keys.seen(channel, messageId)));
  }

  async hitRateLimit(subject: string, limit: number, windowSeconds: number): Promise<RateDecision> {
    const reply = (await this.guard(() =>
      this.client.eval(RATE_HIT, {
        keys: [this.keys.rate(subject)],
        arguments: [String(windowSeconds * 1000)],
      }),
    )) as [number, number];
    const [count, pttl] = reply;
    if (count <= limit) return { allowed: true, retryAfterSeconds: 0 };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(pttl / 1000)) };
  }

  async ping(): Promise<boolean> {
    if (!this.client.isReady) return false;
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (!this.client.isOpen) return;
    try {
      await this.client.close();
    } catch {
      this.client.destroy();
    }
  }
}
