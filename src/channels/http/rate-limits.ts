import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../../store/store.js';
import { HttpError } from './errors.js';

/** Where the counts live: the conversation store (Redis: shared by every instance). */
export type RateCounter = Pick<Store<unknown>, 'count'>;

export interface RateLimits {
  /** Requests one client address may send to /v1/ a minute (RATE_LIMIT_PER_ADDRESS_PER_MINUTE). */
  perAddressPerMinute: number;
  /** Requests all clients together may send to /v1/ a minute (RATE_LIMIT_GLOBAL_PER_MINUTE). */
  globalPerMinute: number;
}

/** The defaults of RATE_LIMIT_PER_ADDRESS_PER_MINUTE and RATE_LIMIT_GLOBAL_PER_MINUTE. */
export const DEFAULT_LIMITS: RateLimits = { perAddressPerMinute: 300, globalPerMinute: 6000 };

const WINDOW_MS = 60_000;

/** @fastify/rate-limit's store interface over the conversation store's fixed-window counter. */
function storeOver(counter: RateCounter) {
  return class CounterStore {
    incr(key: string, done: (err: Error | null, r?: { current: number; ttl: number }) => void) {
      counter.count(key, WINDOW_MS).then(
        ({ current, ttlMs }) => done(null, { current, ttl: ttlMs }),
        (err: Error) => done(err),
      );
    }
    child() {
      return new CounterStore();
    }
  };
}

/**
 * Limits on volume, beside the per-user limit of each turn (which rotating user ids escape): one
 * per client address (IPv6 by /64) and one for everyone, on the API routes (/v1/). Chat platforms'
 * webhooks (Telegram, WeChat), the health check and metrics are not counted: their requests come
 * from a few platform addresses and are authenticated or harmless. Past a limit: 429 with
 * Retry-After. When the store cannot count (Redis down), requests pass: the turn itself then
 * answers that the service is unavailable.
 */
export async function limitRequests(
  app: FastifyInstance,
  counter: RateCounter | undefined,
  limits: RateLimits = DEFAULT_LIMITS,
): Promise<void> {
  // Without a counter (a server built alone, in a test), the plugin counts in this process.
  const store = counter && storeOver(counter);
  await app.register(rateLimit, { global: false, skipOnError: true, ...(store && { store }) });
  const checks = [
    app.createRateLimit({
      max: limits.perAddressPerMinute,
      timeWindow: WINDOW_MS,
      keyGenerator: (req) => `addr:${normalizeIP(req.ip)}`,
    }),
    app.createRateLimit({
      max: limits.globalPerMinute,
      timeWindow: WINDOW_MS,
      keyGenerator: () => 'all',
    }),
  ];
  app.addHook('onRequest', async (req: FastifyRequest, reply) => {
    if (!req.url.startsWith('/v1/')) return;
    // Both counts at once (one pipelined round trip to Redis): every arriving request counts
    // against the global limit, whether or not its address is over its own.
    const outcomes = await Promise.all(checks.map((check) => check(req)));
    for (const outcome of outcomes) {
      if (outcome.isAllowed || !outcome.isExceeded) continue;
      const seconds = Math.max(1, outcome.ttlInSeconds);
      reply.header('retry-after', String(seconds));
      throw new HttpError(429, 'rate_limited', `too many requests; retry in ${seconds} s`);
    }
  });
}
