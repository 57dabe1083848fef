import { createClient, defineScript, type CommandParser } from 'redis';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { decodeState } from './decode.js';
import { KeyedQueue } from './keyed-queue.js';
import { keyspace, type Keyspace } from './keys.js';
import {
  StoreUnavailableError,
  type Change,
  type ConversationKey,
  type Store,
  type TurnGate,
  type TurnOutcome,
} from './store.js';

/**
 * Opens a turn in one round trip: claims the message id (KEYS[2], when ARGV[1] is 1), counts the
 * rate-limit hit (KEYS[3], when ARGV[3] is 1; over the limit the claim is given back) and reads
 * the conversation (KEYS[1]). Replies {"open", state?}, {"duplicate", state?} or
 * {"limited", ms to wait}.
 */
const OPEN_TURN = `
if ARGV[1] == '1' and not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[2]) then
  return {'duplicate', redis.call('GET', KEYS[1])}
end
if ARGV[3] == '1' then
  local n = redis.call('INCR', KEYS[3])
  if n == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[5]) end
  if n > tonumber(ARGV[4]) then
    if ARGV[1] == '1' then redis.call('DEL', KEYS[2]) end
    return {'limited', redis.call('PTTL', KEYS[3])}
  end
end
return {'open', redis.call('GET', KEYS[1])}`;

/**
 * Writes the new state (ARGV[3], expiring in ARGV[4] ms) only if the stored one is still what the
 * turn read: ARGV[2] when ARGV[1] is 1, no value when ARGV[1] is 0. Otherwise replies with
 * the state stored now, for the turn to run again on it.
 */
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if (ARGV[1] == '0' and not current) or (ARGV[1] == '1' and current == ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
  return {1}
end
return {0, current}`;

/** Lua's false (no such key) comes back as null. */
type OpenTurnReply = ['open' | 'duplicate', string | null] | ['limited', number];
type CompareAndSetReply = [1] | [0, string | null];

/** A Lua script sent by its SHA1 (EVALSHA, falling back to EVAL when Redis lacks it). */
const script = (source: string) =>
  defineScript({
    SCRIPT: source,
    parseCommand(parser: CommandParser, keys: string[], args: string[]) {
      parser.pushKeysLength(keys);
      parser.push(...args);
    },
    transformReply: (reply: unknown) => reply,
  });

const SCRIPTS = {
  openTurn: script(OPEN_TURN),
  compareAndSet: script(COMPARE_AND_SET),
};

export interface RedisStoreOptions<T> {
  url: string;
  schema: z.ZodType<T>;
  ttlMs: number;
  prefix?: string;
  logger?: Logger;
  /** How many times a turn is run again on a newer state before giving up (default 50). */
  maxAttempts?: number;
}

const createRedisClient = (url: string) =>
  createClient({
    url,
    scripts: SCRIPTS,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  });
type Client = ReturnType<typeof createRedisClient>;

/**
 * Conversation state in Redis, shared by every instance of the bot. A turn costs two round trips:
 * one Lua script claims the message id, counts the rate-limit hit and reads the state; a second
 * writes the new state only if nobody wrote in between (compare-and-set), or hands back the newer
 * state to run the turn again on. Turns of one conversation in this process queue up, so the
 * retry is needed only when two processes serve one user at once. Commands fail at once while
 * Redis is unreachable (no offline queue), and the client reconnects by itself in the background.
 */
export class RedisStore<T> implements Store<T> {
  readonly kind = 'redis' as const;
  private readonly client: Client;
  private readonly keys: Keyspace;
  private readonly queue = new KeyedQueue();
  private readonly maxAttempts: number;

  constructor(private readonly options: RedisStoreOptions<T>) {
    this.keys = keyspace(options.prefix ?? 'shebao');
    this.maxAttempts = options.maxAttempts ?? 50;
    this.client = createRedisClient(options.url);
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

  private decode(raw: string | null | undefined, key: string): T | undefined {
    return decodeState(raw, this.options.schema, key, this.options.logger);
  }

  async get(key: ConversationKey): Promise<T | undefined> {
    const k = this.keys.conversation(key);
    return this.decode(await this.guard(() => this.client.get(k)), k);
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

  async update<R>(key: ConversationKey, change: Change<T, R>): Promise<R> {
    const outcome = await this.turn(key, {}, change);
    if (outcome.status !== 'done') throw new Error(`an ungated turn cannot be ${outcome.status}`);
    return outcome.result;
  }

  turn<R>(key: ConversationKey, gate: TurnGate, change: Change<T, R>): Promise<TurnOutcome<T, R>> {
    const k = this.keys.conversation(key);
    return this.queue.run(k, async () => {
      const { claim, rate } = gate;
      // A key the gate does not use is passed as the conversation's; the script leaves it alone.
      const seenKey = claim ? this.keys.seen(claim.channel, claim.messageId) : k;
      const rateKey = rate ? this.keys.rate(rate.subject) : k;
      const [status, stored] = (await this.guard(() =>
        this.client.openTurn(
          [k, seenKey, rateKey],
          [
            claim ? '1' : '0',
            String(claim?.ttlSeconds ?? 0),
            rate ? '1' : '0',
            String(rate?.limit ?? 0),
            String((rate?.windowSeconds ?? 0) * 1000),
          ],
        ),
      )) as OpenTurnReply;
      if (status === 'limited') {
        return { status, retryAfterSeconds: Math.max(1, Math.ceil(stored / 1000)) };
      }
      if (status === 'duplicate') return { status, current: this.decode(stored, k) };
      try {
        return { status: 'done', result: await this.changeAndWrite(k, stored, change) };
      } catch (err) {
        if (claim) await this.client.del(seenKey).catch(() => undefined);
        throw err;
      }
    });
  }

  /** Runs `change` on the state read, writes it if nothing was written since, else runs again. */
  private async changeAndWrite<R>(k: string, raw: string | null, change: Change<T, R>): Promise<R> {
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const { value, result } = await change(this.decode(raw, k));
      const [written, current] = (await this.guard(() =>
        this.client.compareAndSet(
          [k],
          [raw === null ? '0' : '1', raw ?? '', JSON.stringify(value), String(this.options.ttlMs)],
        ),
      )) as CompareAndSetReply;
      if (written === 1) return result;
      raw = current;
    }
    throw new StoreUnavailableError('the conversation stayed busy');
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
