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
  type Changed,
  type ConversationKey,
  type Store,
  type TurnGate,
  type TurnOutcome,
} from './store.js';

/**
 * A turn's first (and usually only) round trip. When ARGV[1] is 1 and the message id is claimed
 * (KEYS[2]), replies {"duplicate", state, what its turn kept}. Counts the rate-limit hit (KEYS[3],
 * when ARGV[3] is 1). Then, when ARGV[6] is 1 and the conversation (KEYS[1]) is still ARGV[7],
 * the state this process wrote last, writes the new state ARGV[8] (expiring in ARGV[9] ms) at
 * once, and with it the claim keeping ARGV[10] (expiring in ARGV[2] s). Replies {"written"},
 * {"open", state?} (read it, run the turn on it, then COMPARE_AND_SET) or {"limited", ms to wait}.
 * Nothing is claimed unless the state is written in the same step.
 */
const OPEN_TURN = `
if ARGV[1] == '1' then
  local kept = redis.call('GET', KEYS[2])
  if kept then return {'duplicate', redis.call('GET', KEYS[1]), kept} end
end
if ARGV[3] == '1' then
  local n = redis.call('INCR', KEYS[3])
  if n == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[5]) end
  if n > tonumber(ARGV[4]) then return {'limited', redis.call('PTTL', KEYS[3])} end
end
local current = redis.call('GET', KEYS[1])
if ARGV[6] == '1' and current == ARGV[7] then
  redis.call('SET', KEYS[1], ARGV[8], 'PX', ARGV[9])
  if ARGV[1] == '1' then redis.call('SET', KEYS[2], ARGV[10], 'EX', ARGV[2]) end
  return {'written'}
end
return {'open', current}`;

/**
 * Writes the new state (ARGV[3], expiring in ARGV[4] ms) only if the stored one is still what the
 * turn read: ARGV[2] when ARGV[1] is 1, no value when ARGV[1] is 0; with it, when ARGV[5] is 1,
 * the message claim (KEYS[2]) keeping ARGV[7] (expiring in ARGV[6] s). Otherwise replies with
 * the state stored now, for the turn to run again on it; or, when the message was claimed
 * meanwhile (a redelivery served by another process), {2, state, what its turn kept}.
 */
const COMPARE_AND_SET = `
if ARGV[5] == '1' then
  local kept = redis.call('GET', KEYS[2])
  if kept then return {2, redis.call('GET', KEYS[1]), kept} end
end
local current = redis.call('GET', KEYS[1])
if (ARGV[1] == '0' and not current) or (ARGV[1] == '1' and current == ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
  if ARGV[5] == '1' then redis.call('SET', KEYS[2], ARGV[7], 'EX', ARGV[6]) end
  return {1}
end
return {0, current}`;

/** One hit of a fixed window: the count so far and the milliseconds left of the window. */
const COUNT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/** How long a health check waits for PING (Docker's check gives up at 3 s, ours answers in 1). */
const PING_TIMEOUT_MS = 500;

/** Lua's false (no such key) comes back as null. */
type OpenTurnReply =
  | ['written']
  | ['open', string | null]
  | ['duplicate', string | null, string]
  | ['limited', number];
type CompareAndSetReply = [1] | [0, string | null] | [2, string | null, string];

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
  count: script(COUNT),
};

export interface RedisStoreOptions<T> {
  url: string;
  /** The server's password when the URL carries none (REDIS_PASSWORD, or REDIS_PASSWORD_FILE). */
  password?: string;
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

const createRedisClient = (url: string, password?: string) =>
  createClient({
    url,
    ...(password && { password }),
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
    this.client = createRedisClient(options.url, options.password);
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
  private async guard<R>(op: () => Promise<R>, timeoutMs = this.timeoutMs): Promise<R> {
    try {
      return await withDeadline(
        op(),
        timeoutMs,
        () => new StoreUnavailableError(`redis did not answer within ${timeoutMs} ms`),
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
      let ahead: Changed<T, R> | undefined;
      try {
        ahead = known && (await change(known.state));
      } catch (err) {
        // Nothing was claimed or counted yet; the next turn starts from the stored state.
        this.written.delete(k);
        throw err;
      }
      const aheadRaw = ahead ? JSON.stringify(ahead.value) : '';
      // A key the gate does not use is passed as the conversation's; the script leaves it alone.
      const seenKey = claim ? this.keys.seen(key, claim.messageId) : k;
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
              ahead?.keep ?? '',
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
      if (reply[0] === 'duplicate') return this.duplicate(k, reply[1], reply[2]);
      try {
        return await this.changeAndWrite(k, seenKey, claim, reply[1], change);
      } catch (err) {
        this.written.delete(k);
        throw err;
      }
    });
  }

  private duplicate(k: string, raw: string | null, kept: string): TurnOutcome<T, never> {
    return { status: 'duplicate', current: this.decode(raw, k), kept };
  }

  /**
   * Runs `change` on the state read, writes it (and the claim) if nothing was written since, else
   * runs again on the newer state.
   */
  private async changeAndWrite<R>(
    k: string,
    seenKey: string,
    claim: TurnGate['claim'],
    raw: string | null,
    change: Change<T, R>,
  ): Promise<TurnOutcome<T, R>> {
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      const { value, result, keep } = await change(this.decode(raw, k));
      const next = JSON.stringify(value);
      const reply = (await this.guard(() =>
        this.client.compareAndSet(
          [k, seenKey],
          [
            raw === null ? '0' : '1',
            raw ?? '',
            next,
            String(this.options.ttlMs),
            claim ? '1' : '0',
            String(claim?.ttlSeconds ?? 0),
            keep ?? '',
          ],
        ),
      )) as CompareAndSetReply;
      if (reply[0] === 1) {
        this.remember(k, next, value);
        return { status: 'done', result };
      }
      if (reply[0] === 2) return this.duplicate(k, reply[1], reply[2]);
      raw = reply[1];
    }
    throw new StoreUnavailableError('the conversation stayed busy');
  }

  async count(subject: string, windowMs: number): Promise<{ current: number; ttlMs: number }> {
    const window = String(Math.max(1, Math.round(windowMs)));
    const [current, ttlMs] = (await this.guard(() =>
      this.client.count([this.keys.rate(subject)], [window]),
    )) as [number, number];
    return { current, ttlMs };
  }

  private remember(k: string, raw: string, state: T): void {
    this.written.set(k, { raw, state: deepFreeze(state) });
  }

  async ping(timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
    if (!this.client.isReady) return false;
    try {
      return (await this.guard(() => this.client.ping(), timeoutMs)) === 'PONG';
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
