import { createClient, defineScript, type CommandParser } from 'redis';
import type { z } from 'zod';
import { LRUCache } from 'lru-cache';
import { deepFreeze } from '../deep-freeze.js';
import type { Logger } from '../logger.js';
import { withDeadline } from './deadline.js';
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
 * A turn's first (and usually only) round trip. Claims the message id (KEYS[2], when ARGV[1] is
 * 1) and counts the rate-limit hit (KEYS[3], when ARGV[3] is 1; over the limit the claim is given
 * back). Then, when ARGV[6] is 1 and the conversation (KEYS[1]) is still ARGV[7], the state this
 * process wrote last, writes the new state ARGV[8] (expiring in ARGV[9] ms) at once. Replies
 * {"written"}, {"open", state?} (read it, run the turn on it, then COMPARE_AND_SET),
 * {"duplicate", state?} or {"limited", ms to wait}.
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
local current = redis.call('GET', KEYS[1])
if ARGV[6] == '1' and current == ARGV[7] then
  redis.call('SET', KEYS[1], ARGV[8], 'PX', ARGV[9])
  return {'written'}
end
return {'open', current}`;

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
type OpenTurnReply = ['written'] | ['open' | 'duplicate', string | null] | ['limited', number];
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
  /** How long a command may take before the store counts as unavailable (default 5,000 ms). */
  commandTimeoutMs?: number;
  /** How many conversations this process remembers the last written state of (default 10,000). */
  rememberedStates?: number;
}

const createRedisClient = (url: string) =>
  createClient({
    url,
    scripts: SCRIPTS,
    disableOfflineQueue: true,
    // Time limits are set per command by the store (withDeadline), far cheaper than the client's.
    commandOptions: { timeout: 0 },
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  });
type Client = ReturnType<typeof createRedisClient>;

/** A state this process wrote, as stored (raw) and as an object (frozen: it is shared). */
interface Written<T> {
  raw: string;
  state: T;
}

/**
 * Conversation state in Redis, shared by every instance of the bot.
 *
 * A turn usually costs one round trip. The store remembers the state it wrote last for each
 * conversation, runs the turn on it ahead of time, and sends one Lua script that claims the
 * message id, counts the rate-limit hit and writes the new state if the stored one is still the
 * remembered one. If another process wrote in between (or the state is not remembered), the
 * script hands back the stored state instead; the turn runs on it and a second script writes
 * only if nobody wrote since (compare-and-set), else the turn runs again on the newer state.
 * Turns of one conversation in this process queue up, so a retry is needed only when two
 * processes serve one user at once. Commands fail at once while Redis is unreachable (no
 * offline queue) or after `commandTimeoutMs`, and the client reconnects by itself.
 */
export class RedisStore<T> implements Store<T> {
  readonly kind = 'redis' as const;
  private readonly client: Client;
  private readonly keys: Keyspace;
  private readonly queue = new KeyedQueue();
  private readonly written: LRUCache<string, Written<T>>;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: RedisStoreOptions<T>) {
    this.keys = keyspace(options.prefix ?? 'shebao');
    this.maxAttempts = options.maxAttempts ?? 50;
    this.timeoutMs = options.commandTimeoutMs ?? 5000;
    this.written = new LRUCache({ max: options.rememberedStates ?? 10_000 });
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

  /** Runs one command within the time limit; any failure becomes StoreUnavailableError. */
  private async guard<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await withDeadline(
        op(),
        this.timeoutMs,
        () => new StoreUnavailableError(`redis did not answer within ${this.timeoutMs} ms`),
      );
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
    this.written.delete(k);
    await this.guard(() =>
      this.client.set(k, JSON.stringify(value), {
        expiration: { type: 'PX', value: this.options.ttlMs },
      }),
    );
  }

  async delete(key: ConversationKey): Promise<void> {
    const k = this.keys.conversation(key);
    this.written.delete(k);
    await this.guard(() => this.client.del(k));
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
      // Run ahead on the state this process wrote last; the script writes it if still current.
      const known = this.written.get(k);
      let ahead: Awaited<ReturnType<Change<T, R>>> | undefined;
      try {
        ahead = known && (await change(known.state));
      } catch (err) {
        // Nothing was claimed or counted yet; the next turn starts from the stored state.
        this.written.delete(k);
        throw err;
      }
      const aheadRaw = ahead ? JSON.stringify(ahead.value) : '';
      // A key the gate does not use is passed as the conversation's; the script leaves it alone.
      const seenKey = claim ? this.keys.seen(claim.channel, claim.messageId) : k;
      const rateKey = rate ? this.keys.rate(rate.subject) : k;
      let reply: OpenTurnReply;
      try {
        reply = (await this.guard(() =>
          this.client.openTurn(
            [k, seenKey, rateKey],
            [
              claim ? '1' : '0',
              String(claim?.ttlSeconds ?? 0),
              rate ? '1' : '0',
              String(rate?.limit ?? 0),
              String((rate?.windowSeconds ?? 0) * 1000),
              known ? '1' : '0',
              known?.raw ?? '',
              aheadRaw,
              String(this.options.ttlMs),
            ],
          ),
        )) as OpenTurnReply;
      } catch (err) {
        // Whether it was written is unknown: read the state afresh next time.
        this.written.delete(k);
        throw err;
      }
      if (reply[0] === 'written') {
        this.remember(k, aheadRaw, ahead!.value);
        return { status: 'done', result: ahead!.result };
      }
      if (reply[0] === 'limited') {
        return { status: 'limited', retryAfterSeconds: Math.max(1, Math.ceil(reply[1] / 1000)) };
      }
      if (reply[0] === 'duplicate')
        return { status: 'duplicate', current: this.decode(reply[1], k) };
      try {
        return { status: 'done', result: await this.changeAndWrite(k, reply[1], change) };
      } catch (err) {
        this.written.delete(k);
        if (claim) await this.client.del(seenKey).catch(() => undefined);
        throw err;
      }
    });
  }

  /** Runs `change` on the state read, writes it if nothing was written since, else runs again. */
  private async changeAndWrite<R>(k: string, raw: string | null, change: Change<T, R>): Promise<R> {
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const { value, result } = await change(this.decode(raw, k));
      const next = JSON.stringify(value);
      const [written, current] = (await this.guard(() =>
        this.client.compareAndSet(
          [k],
          [raw === null ? '0' : '1', raw ?? '', next, String(this.options.ttlMs)],
        ),
      )) as CompareAndSetReply;
      if (written === 1) {
        this.remember(k, next, value);
        return result;
      }
      raw = current;
    }
    throw new StoreUnavailableError('the conversation stayed busy');
  }

  private remember(k: string, raw: string, state: T): void {
    this.written.set(k, { raw, state: deepFreeze(state) });
  }

  async ping(): Promise<boolean> {
    if (!this.client.isReady) return false;
    try {
      return (await this.guard(() => this.client.ping())) === 'PONG';
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
