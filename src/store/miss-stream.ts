import { createClient } from 'redis';
import type { Logger } from '../logger.js';
import { MISS_KINDS, type Miss, type MissKind } from '../review/miss.js';

/**
 * The misses, in a Redis stream shared by every instance: capped in length (XADD MAXLEN) and
 * in age (entries older than `ttlDays` trimmed by MINID on every write, and the whole key
 * expiring when nothing is written for that long).
 */
export interface MissStream {
  /** Adds a miss without waiting; a failure is logged, never felt by the turn. */
  record(miss: Miss): void;
  /** The misses kept, oldest first. */
  read(): Promise<Miss[]>;
  close(): Promise<void>;
}

export interface MissStreamOptions {
  redisUrl: string;
  /** The stream's key (default `shebao:misses`). */
  key?: string;
  maxEntries?: number;
  ttlDays?: number;
  logger?: Logger;
}

export const DEFAULT_MISS_KEY = 'shebao:misses';
/** How long a miss waits for a connection before it is dropped (start-up, an outage). */
const READY_WAIT_MS = 5_000;

export function createMissStream(options: MissStreamOptions): MissStream {
  const key = options.key ?? DEFAULT_MISS_KEY;
  const maxEntries = options.maxEntries ?? 10_000;
  const ttlSeconds = (options.ttlDays ?? 30) * 24 * 60 * 60;
  // Writes are fire-and-forget: with Redis away they fail at once rather than queue up.
  const client = createClient({ url: options.redisUrl, disableOfflineQueue: true });
  client.on('error', (err: Error) => options.logger?.debug({ err: err.message }, 'miss log redis'));
  // connect() stays pending while Redis is unreachable (node-redis keeps retrying): never await
  // it; wait for the client's readiness for a bounded time instead.
  client.connect().catch((err: Error) => {
    options.logger?.warn({ err: err.message }, 'miss log cannot reach redis');
  });
  const ready = (waitMs: number) =>
    client.isReady
      ? Promise.resolve(true)
      : new Promise<boolean>((resolve) => {
          const onReady = () => {
            clearTimeout(timer);
            resolve(true);
          };
          const timer = setTimeout(() => {
            client.off('ready', onReady);
            resolve(false);
          }, waitMs);
          timer.unref();
          client.once('ready', onReady);
        });

  return {
    record(miss) {
      const minId = `${Date.now() - ttlSeconds * 1000}-0`;
      void ready(READY_WAIT_MS)
        .then((isReady) => {
          if (!isReady) throw new Error('redis not ready');
          return client
            .multi()
            .xAdd(
              key,
              '*',
              { kind: miss.kind, nearest: miss.nearest, text: miss.text },
              {
                TRIM: { strategy: 'MAXLEN', threshold: maxEntries },
              },
            )
            .xTrim(key, 'MINID', minId)
            .expire(key, ttlSeconds)
            .exec();
        })
        .catch((err: Error) => options.logger?.warn({ err: err.message }, 'miss not recorded'));
    },
    async read() {
      if (!(await ready(READY_WAIT_MS))) throw new Error('Redis does not answer at REDIS_URL');
      const entries = await client.xRange(key, '-', '+');
      return (entries ?? []).flatMap(({ message }) => {
        const kind = message.kind as MissKind;
        if (!MISS_KINDS.includes(kind)) return [];
        return [{ kind, nearest: message.nearest as Miss['nearest'], text: message.text ?? '' }];
      });
    },
    async close() {
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}
