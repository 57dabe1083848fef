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

export function createMissStream(options: MissStreamOptions): MissStream {
  const key = options.key ?? DEFAULT_MISS_KEY;
  const maxEntries = options.maxEntries ?? 10_000;
  const ttlSeconds = (options.ttlDays ?? 30) * 24 * 60 * 60;
  // Writes are fire-and-forget: with Redis away they fail at once rather than queue up.
  const client = createClient({ url: options.redisUrl, disableOfflineQueue: true });
  client.on('error', (err: Error) => options.logger?.debug({ err: err.message }, 'miss log redis'));
  const ready = client.connect().catch((err: Error) => {
    options.logger?.warn({ err: err.message }, 'miss log cannot reach redis');
  });

  return {
    record(miss) {
      const minId = `${Date.now() - ttlSeconds * 1000}-0`;
      void ready
        .then(() =>
          client
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
            .exec(),
        )
        .catch((err: Error) => options.logger?.warn({ err: err.message }, 'miss not recorded'));
    },
    async read() {
      await ready;
      const entries = await client.xRange(key, '-', '+');
      return (entries ?? []).flatMap(({ message }) => {
        const kind = message.kind as MissKind;
        if (!MISS_KINDS.includes(kind)) return [];
        return [{ kind, nearest: message.nearest as Miss['nearest'], text: message.text ?? '' }];
      });
    },
    async close() {
      await ready;
      if (client.isOpen) await client.close();
    },
  };
}
