import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';
import { createClient } from 'redis';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { MemoryStore } from '../../src/store/memory-store.js';
import { RedisStore } from '../../src/store/redis-store.js';
import { StoreUnavailableError, type Store } from '../../src/store/store.js';
import { captureLogger } from '../support/capture-logger.js';

const Schema = z.object({ version: z.number(), note: z.string() });
type Value = z.infer<typeof Schema>;

interface Harness {
  store: Store<Value>;
  prefix: string;
  /** Writes raw text under a key, bypassing the store, as a corrupt or foreign value would be. */
  writeRaw(key: string, raw: string): Promise<void>;
  readRaw(key: string): Promise<string | undefined>;
  warnings: string[];
}

const redisUrl = inject('redisUrl');
const raw = createClient({ url: redisUrl });
await raw.connect();
const opened: Store<Value>[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  raw.destroy();
});

const implementations: [string, (ttlMs: number) => Promise<Harness>][] = [
  [
    'memory',
    async (ttlMs) => {
      const prefix = `t${randomUUID()}`;
      const conversations = new LRUCache<string, string>({ max: 100, ttl: ttlMs });
      const { logger, lines } = captureLogger();
      const store = new MemoryStore({ schema: Schema, ttlMs, prefix, conversations, logger });
      return {
        store,
        prefix,
        warnings: lines,
        writeRaw: async (k, r) => void conversations.set(k, r),
        readRaw: async (k) => conversations.get(k),
      };
    },
  ],
  [
    'redis',
    async (ttlMs) => {
      const prefix = `t${randomUUID()}`;
      const { logger, lines } = captureLogger();
      const store = new RedisStore({ url: redisUrl, schema: Schema, ttlMs, prefix, logger });
      await store.connect();
      opened.push(store);
      return {
        store,
        prefix,
        warnings: lines,
        writeRaw: async (k, r) => void (await raw.set(k, r)),
        readRaw: async (k) => (await raw.get(k)) ?? undefined,
      };
    },
  ],
];

describe('redis store, two instances (as two processes)', () => {
  it('interleaved updates of one conversation through two connections lose none', async () => {
    const prefix = `t${randomUUID()}`;
    const [a, b] = [0, 1].map(
      () => new RedisStore({ url: redisUrl, schema: Schema, ttlMs: 60_000, prefix }),
    );
    await Promise.all([a!.connect(), b!.connect()]);
    opened.push(a!, b!);
    const key = { channel: 'http', userId: 'shared' };
    const n = 60;
    let runs = 0;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        (i % 2 ? a! : b!).update(key, (current) => {
          runs++;
          return {
            value: { version: (current?.version ?? 0) + 1, note: `${current?.note ?? ''}${i},` },
            result: i,
          };
        }),
      ),
    );
    const final = await a!.get(key);
    expect(final?.version).toBe(n);
    expect(new Set(final!.note.split(',').filter(Boolean)).size).toBe(n);
    // the two connections did race: some turns were run again on the newer state
    expect(runs).toBeGreaterThan(n);
  });
});

describe('redis store, a turn that keeps losing the race', () => {
  it('gives up with StoreUnavailableError after maxAttempts, and claims nothing', async () => {
    const prefix = `t${randomUUID()}`;
    const make = () =>
      new RedisStore({ url: redisUrl, schema: Schema, ttlMs: 60_000, prefix, maxAttempts: 1 });
    const [a, b] = [make(), make()];
    await Promise.all([a.connect(), b.connect()]);
    opened.push(a, b);
    const key = { channel: 'http', userId: 'busy' };
    const claim = { messageId: 'busy-1', ttlSeconds: 60 };
    await expect(
      a.turn(key, { claim }, async () => {
        // another process writes between this turn's read and its write
        await b.update(key, () => ({ value: { version: 1, note: 'b' }, result: null }));
        return { value: { version: 1, note: 'a' }, result: null };
      }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await a.get(key)).toEqual({ version: 1, note: 'b' });
    const retried = await a.turn(key, { claim }, (c) => ({
      value: { version: c!.version + 1, note: 'a' },
      result: c!.note,
    }));
    expect(retried).toEqual({ status: 'done', result: 'b' });
  });
});

describe.each(implementations)('%s store', (kind, make) => {
  let h: Harness;
  const alice = { channel: 'http', userId: 'alice' };
  beforeEach(async () => {
    h = await make(60_000);
  });

  it('reports its kind', () => {
    expect(h.store.kind).toBe(kind);
  });

  it('round-trips a value and returns undefined for an unknown conversation', async () => {
    expect(await h.store.get(alice)).toBeUndefined();
    await h.store.set(alice, { version: 1, note: '上饶 35岁' });
    expect(await h.store.get(alice)).toEqual({ version: 1, note: '上饶 35岁' });
  });

  it('keeps values under namespaced keys, separate per channel and user', async () => {
    await h.store.set(alice, { version: 1, note: 'http' });
    await h.store.set({ channel: 'telegram', userId: 'alice' }, { version: 2, note: 'tg' });
    await h.store.set({ channel: 'http', userId: 'bob' }, { version: 3, note: 'bob' });
    expect(JSON.parse((await h.readRaw(`${h.prefix}:conv:http:alice`))!)).toEqual({
      version: 1,
      note: 'http',
    });
    expect((await h.store.get({ channel: 'telegram', userId: 'alice' }))?.note).toBe('tg');
    expect((await h.store.get({ channel: 'http', userId: 'bob' }))?.note).toBe('bob');
  });

  it('forgets a conversation on delete, and only that one', async () => {
    await h.store.set(alice, { version: 1, note: 'a' });
    await h.store.set({ channel: 'http', userId: 'bob' }, { version: 1, note: 'b' });
    await h.store.delete(alice);
    expect(await h.store.get(alice)).toBeUndefined();
    expect(await h.store.get({ channel: 'http', userId: 'bob' })).toBeDefined();
    await h.store.delete({ channel: 'http', userId: 'nobody' });
  });

  it('expires a conversation after its idle time', async () => {
    const short = await make(150);
    await short.store.set(alice, { version: 1, note: 'soon gone' });
    expect(await short.store.get(alice)).toBeDefined();
    await sleep(300);
    expect(await short.store.get(alice)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{oops'],
    ['the wrong shape', '{"version":"one"}'],
  ])('treats a corrupt value (%s) as absent, logs it, and replaces it on write', async (_, bad) => {
    const key = `${h.prefix}:conv:http:alice`;
    await h.writeRaw(key, bad);
    expect(await h.store.get(alice)).toBeUndefined();
    expect(h.warnings.join('\n')).toMatch(/replacing it/);
    expect(h.warnings.join('\n')).not.toContain(bad);
    await h.store.update(alice, (current) => ({
      value: { version: (current?.version ?? 0) + 1, note: 'fresh' },
      result: null,
    }));
    expect(await h.store.get(alice)).toEqual({ version: 1, note: 'fresh' });
  });

  it('runs concurrent updates of one conversation one after another, losing none', async () => {
    const n = 40;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        h.store.update(alice, async (current) => {
          await sleep(Math.random() * 3);
          return {
            value: {
              version: (current?.version ?? 0) + 1,
              note: `${current?.note ?? ''}${i},`,
            },
            result: i,
          };
        }),
      ),
    );
    const final = await h.store.get(alice);
    expect(final?.version).toBe(n);
    const seen = final!.note.split(',').filter(Boolean).map(Number);
    expect(new Set(seen).size).toBe(n);
  });

  it('does not write when the change throws, and the conversation stays usable', async () => {
    await h.store.set(alice, { version: 1, note: 'kept' });
    await expect(
      h.store.update(alice, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await h.store.get(alice)).toEqual({ version: 1, note: 'kept' });
    const r = await h.store.update(alice, (c) => ({
      value: { version: c!.version + 1, note: 'next' },
      result: 'ok',
    }));
    expect(r).toBe('ok');
  });

  it('keeps message claims per channel and user, and rate-limit windows per subject', async () => {
    const claim = { claim: { messageId: '42', ttlSeconds: 60 } };
    const on = (channel: string, userId: string) => ({ channel, userId });
    expect((await h.store.turn(on('telegram', 'alice'), claim, bump('tg'))).status).toBe('done');
    expect((await h.store.turn(on('telegram', 'alice'), claim, bump('tg'))).status).toBe(
      'duplicate',
    );
    expect((await h.store.turn(on('wechat', 'alice'), claim, bump('wx'))).status).toBe('done');
    // the same id from another user is another message (bob is not swallowed by alice's id)
    expect((await h.store.turn(on('telegram', 'bob'), claim, bump('bob'))).status).toBe('done');
    // a user id with the separator in it cannot reach another user's claim
    const split = { claim: { messageId: 'b:c', ttlSeconds: 60 } };
    const joined = { claim: { messageId: 'c', ttlSeconds: 60 } };
    expect((await h.store.turn(on('http', 'a'), split, bump('a'))).status).toBe('done');
    expect((await h.store.turn(on('http', 'a:b'), joined, bump('ab'))).status).toBe('done');
    const rate = (subject: string) => ({ rate: { subject, limit: 3, windowSeconds: 60 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await h.store.turn(alice, rate('u1'), bump('r')));
    expect(statuses.map((o) => o.status)).toEqual(['done', 'done', 'done', 'limited']);
    const limited = statuses[3]!;
    expect(limited.status === 'limited' && limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.status === 'limited' && limited.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await h.store.turn(alice, rate('u2'), bump('r'))).status).toBe('done');
  });

  const bump = (note: string) => (current: Value | undefined) => ({
    value: { version: (current?.version ?? 0) + 1, note },
    result: current?.version ?? 0,
  });

  it('opens a turn: claims the message, counts the hit and writes; a redelivery changes nothing', async () => {
    const gate = {
      claim: { messageId: 'm1', ttlSeconds: 60 },
      rate: { subject: 'http:alice', limit: 10, windowSeconds: 60 },
    };
    expect(await h.store.turn(alice, gate, bump('first'))).toEqual({ status: 'done', result: 0 });
    expect(await h.store.turn(alice, gate, bump('again'))).toEqual({
      status: 'duplicate',
      current: { version: 1, note: 'first' },
      kept: '',
    });
    expect(await h.store.get(alice)).toEqual({ version: 1, note: 'first' });
  });

  it('hands a redelivery what the first turn kept (its answer), on both paths of a turn', async () => {
    const keeping = (answer: string) => (current: Value | undefined) => ({
      value: { version: (current?.version ?? 0) + 1, note: answer },
      result: answer,
      keep: answer,
    });
    const claim = (messageId: string) => ({ claim: { messageId, ttlSeconds: 60 } });
    // first turn of the conversation (read, then write), then one on the remembered state
    await h.store.turn(alice, claim('k1'), keeping('answer one'));
    await h.store.turn(alice, claim('k2'), keeping('answer two'));
    for (const [id, answer] of [
      ['k1', 'answer one'],
      ['k2', 'answer two'],
    ] as const) {
      const again = await h.store.turn(alice, claim(id), keeping('never'));
      expect(again).toMatchObject({ status: 'duplicate', kept: answer });
    }
    expect(await h.store.get(alice)).toEqual({ version: 2, note: 'answer two' });
  });

  it('counts hits in a fixed window per subject', async () => {
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await h.store.count('addr:127.0.0.1', 60_000));
    expect(hits.map((x) => x.current)).toEqual([1, 2, 3]);
    expect(hits[2]!.ttlMs).toBeGreaterThan(0);
    expect(hits[2]!.ttlMs).toBeLessThanOrEqual(60_000);
    expect((await h.store.count('addr:127.0.0.2', 60_000)).current).toBe(1);
  });

  it('over the limit, writes nothing and claims nothing, for a later retry', async () => {
    const rate = { subject: 'http:alice', limit: 1, windowSeconds: 60 };
    await h.store.turn(alice, { rate }, bump('one'));
    const claim = { messageId: 'm2', ttlSeconds: 60 };
    const limited = await h.store.turn(alice, { claim, rate }, bump('two'));
    expect(limited.status).toBe('limited');
    expect(limited.status === 'limited' && limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(await h.store.get(alice)).toEqual({ version: 1, note: 'one' });
    expect(await h.store.turn(alice, { claim }, bump('two'))).toEqual({
      status: 'done',
      result: 1,
    });
  });

  it('claims nothing when the change throws', async () => {
    const claim = { messageId: 'm3', ttlSeconds: 60 };
    await expect(
      h.store.turn(alice, { claim }, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await h.store.turn(alice, { claim }, bump('retried'))).toEqual({
      status: 'done',
      result: 0,
    });
  });

  it('answers ping', async () => {
    expect(await h.store.ping()).toBe(true);
  });
});

describe('memory store, bounded', () => {
  it('keeps at most maxConversations, dropping the least recently used', async () => {
    const store = new MemoryStore({ schema: Schema, ttlMs: 60_000, maxConversations: 3 });
    const user = (i: number) => ({ channel: 'http', userId: `u${i}` });
    for (let i = 0; i < 3; i++) await store.set(user(i), { version: i, note: 'kept' });
    expect(await store.get(user(0))).toBeDefined(); // u0 used again: u1 is now the oldest
    for (let i = 3; i < 1000; i++) await store.update(user(i), bump);
    expect(await store.get(user(1))).toBeUndefined();
    const left = [];
    for (let i = 0; i < 1000; i++) if (await store.get(user(i))) left.push(i);
    expect(left).toEqual([997, 998, 999]);
  });
  const bump = (current: Value | undefined) => ({
    value: { version: (current?.version ?? 0) + 1, note: 'new' },
    result: null,
  });
});

describe('memory store, claims', () => {
  it('forgets a message claim after its time', async () => {
    const store = new MemoryStore({ schema: Schema, ttlMs: 60_000 });
    const alice = { channel: 'http', userId: 'alice' };
    const claim = { claim: { messageId: 'short', ttlSeconds: 0.05 } };
    const bump = (c: Value | undefined) => ({
      value: { version: (c?.version ?? 0) + 1, note: 'n' },
      result: null,
    });
    expect((await store.turn(alice, claim, bump)).status).toBe('done');
    expect((await store.turn(alice, claim, bump)).status).toBe('duplicate');
    await sleep(120);
    expect((await store.turn(alice, claim, bump)).status).toBe('done');
  });
});

describe('memory store, claims bounded in size', () => {
  it('drops the oldest kept answers past maxClaimChars', async () => {
    const store = new MemoryStore({ schema: Schema, ttlMs: 60_000, maxClaimChars: 1000 });
    const alice = { channel: 'http', userId: 'alice' };
    const answer = (c: Value | undefined) => ({
      value: { version: (c?.version ?? 0) + 1, note: 'n' },
      result: null,
      keep: '答'.repeat(400),
    });
    const claim = (id: string) => ({ claim: { messageId: id, ttlSeconds: 60 } });
    for (const id of ['a', 'b', 'c']) await store.turn(alice, claim(id), answer);
    expect((await store.turn(alice, claim('c'), answer)).status).toBe('duplicate');
    expect((await store.turn(alice, claim('a'), answer)).status).toBe('done');
  });
});
