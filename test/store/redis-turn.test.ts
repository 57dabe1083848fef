import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { RedisStore, type RedisStoreOptions } from '../../src/store/redis-store.js';
import { StoreUnavailableError } from '../../src/store/store.js';
import { spawnRedis, type SpawnedRedis } from '../support/redis-server.js';

/** What only the Redis store does: one round trip for a turn it can run ahead, time limits. */
const Schema = z.object({ version: z.number(), note: z.string() });
type Value = z.infer<typeof Schema>;

const redisUrl = inject('redisUrl');
const opened: RedisStore<Value>[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

async function open(prefix: string, options: Partial<RedisStoreOptions<Value>> = {}) {
  const store = new RedisStore({
    url: redisUrl,
    schema: Schema,
    ttlMs: 60_000,
    prefix,
    ...options,
  });
  await store.connect();
  opened.push(store);
  return store;
}

/** Appends `note` to the conversation; returns the version it was run on. */
const append = (note: string) => (current: Value | undefined) => ({
  value: { version: (current?.version ?? 0) + 1, note: `${current?.note ?? ''}${note},` },
  result: current?.version ?? 0,
});

const alice = { channel: 'http', userId: 'alice' };

/** The scripts Redis ran for keys under `prefix` (read off MONITOR), one entry a round trip. */
async function watchScripts(prefix: string) {
  const monitor = createClient({ url: redisUrl });
  await monitor.connect();
  const seen: string[] = [];
  await monitor.monitor((line: string) => {
    if (line.includes(`${prefix}:conv:`) && /"EVAL(SHA)?"/i.test(line)) seen.push(line);
  });
  return {
    count: async () => {
      await sleep(100); // MONITOR lines come a moment after the replies
      return seen.length;
    },
    stop: () => monitor.destroy(),
  };
}

describe('redis store, round trips', () => {
  it('writes a turn on the state this process wrote last in one round trip', async () => {
    const prefix = `t${randomUUID()}`;
    const store = await open(prefix);
    const scripts = await watchScripts(prefix);
    try {
      const gate = { rate: { subject: 'http:alice', limit: 100, windowSeconds: 60 } };
      await store.turn(alice, gate, append('a')); // nothing remembered: read, then write
      expect(await scripts.count()).toBe(2);
      await store.turn(alice, gate, append('b'));
      await store.turn(alice, { ...gate, claim: { messageId: 'm', ttlSeconds: 60 } }, append('c'));
      expect(await scripts.count()).toBe(4);
      expect(await store.get(alice)).toEqual({ version: 3, note: 'a,b,c,' });
      // a change that throws on the remembered state: nothing sent, and the next turn reads afresh
      await expect(
        store.turn(alice, gate, () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await scripts.count()).toBe(4);
      await store.turn(alice, gate, append('d'));
      expect(await scripts.count()).toBe(6);
    } finally {
      scripts.stop();
    }
  });

  it('runs the turn again on the stored state when another process wrote since', async () => {
    const prefix = `t${randomUUID()}`;
    const [a, b] = [await open(prefix), await open(prefix)];
    await a.update(alice, append('a1'));
    await b.update(alice, append('b1'));
    expect(await a.update(alice, append('a2'))).toBe(2);
    expect(await b.get(alice)).toEqual({ version: 3, note: 'a1,b1,a2,' });
  });

  it('does not bring back a conversation that another process forgot', async () => {
    const prefix = `t${randomUUID()}`;
    const [a, b] = [await open(prefix), await open(prefix)];
    await a.update(alice, append('before'));
    await b.delete(alice);
    expect(await a.update(alice, append('after'))).toBe(0);
    expect(await b.get(alice)).toEqual({ version: 1, note: 'after,' });
  });

  it('hands the remembered state to the next turn frozen, so a change cannot alter it', async () => {
    const store = await open(`t${randomUUID()}`);
    await store.update(alice, append('kept'));
    await expect(
      store.update(alice, (current) => {
        current!.note = 'changed in place';
        return { value: current!, result: null };
      }),
    ).rejects.toThrow(TypeError);
    expect(await store.get(alice)).toEqual({ version: 1, note: 'kept,' });
    expect(await store.update(alice, append('next'))).toBe(1);
  });
});

/** A store on a redis-server of its own (which the test may pause), closed after `use`. */
async function withOwnRedis(
  options: Partial<RedisStoreOptions<Value>>,
  use: (store: RedisStore<Value>, redis: SpawnedRedis) => Promise<void>,
) {
  const redis = await spawnRedis();
  const store = new RedisStore({ url: redis.url, schema: Schema, ttlMs: 60_000, ...options });
  try {
    await store.connect();
    await use(store, redis);
  } finally {
    await store.close();
    await redis.stop();
  }
}

describe('redis store, a Redis that stops answering', () => {
  it('fails a turn within its time limit, and works again once Redis answers', () =>
    withOwnRedis({ commandTimeoutMs: 300 }, async (store, redis) => {
      await store.update(alice, append('one'));
      redis.pause();
      const started = Date.now();
      await expect(store.update(alice, append('two'))).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await store.ping()).toBe(false);
      redis.resume();
      // The stalled script may still have run once Redis woke up; the next turn reads afresh.
      const ranOn = await store.update(alice, append('three'));
      expect(await store.get(alice)).toMatchObject({ version: ranOn + 1 });
      expect((await store.get(alice))!.note).toMatch(/^one,(two,)?three,$/);
      expect(await store.ping()).toBe(true);
    }));

  const keeping = (answer: string) => (current: Value | undefined) => ({
    value: { version: (current?.version ?? 0) + 1, note: answer },
    result: answer,
    keep: answer,
  });

  it('a turn that timed out either committed with its answer or left no claim', () =>
    withOwnRedis({ commandTimeoutMs: 300 }, async (store, redis) => {
      const claim = { claim: { messageId: 'slow-1', ttlSeconds: 60 } };
      await store.turn(alice, {}, keeping('before'));
      redis.pause();
      await expect(store.turn(alice, claim, keeping('first try'))).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      redis.resume();
      // The user was told to retry; the retry with the same id gets an answer, never an empty one.
      const retry = await store.turn(alice, claim, keeping('retry'));
      if (retry.status === 'duplicate') {
        expect(retry.kept).toBe('first try');
        expect(retry.current?.note).toBe('first try');
      } else {
        expect(retry).toEqual({ status: 'done', result: 'retry' });
      }
      expect(await store.ping()).toBe(true);
    }));

  it('answers ping within its short deadline while Redis stalls', () =>
    withOwnRedis({}, async (store, redis) => {
      redis.pause();
      // the 5 s command limit is not the ping's: a health check must answer within a second
      const answered = await Promise.race([
        store.ping(200),
        sleep(2500).then(() => 'still waiting'),
      ]);
      expect(answered).toBe(false);
      redis.resume();
      expect(await store.ping()).toBe(true);
    }));
});
