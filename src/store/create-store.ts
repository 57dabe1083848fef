import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { MemoryStore } from './memory-store.js';
import { RedisStore } from './redis-store.js';
import type { Store } from './store.js';

export interface CreateStoreOptions<T> {
  /** Redis when set; otherwise the in-memory store. */
  redisUrl?: string;
  redisPassword?: string;
  schema: z.ZodType<T>;
  ttlMs: number;
  prefix?: string;
  logger?: Logger;
}

/** Picks the back-end: Redis when a URL is given, memory otherwise. Starts connecting at once. */
export function createStore<T>(options: CreateStoreOptions<T>): Store<T> {
  if (!options.redisUrl) return new MemoryStore(options);
  const store = new RedisStore({
    ...options,
    url: options.redisUrl,
    password: options.redisPassword,
  });
  store.connect().catch((err: Error) => options.logger?.error({ err: err.message }, 'redis'));
  return store;
}
