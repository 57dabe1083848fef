import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCore, type Core } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { projectRoot } from '../../src/paths.js';
import { classifyMiss, type Miss } from '../../src/review/miss.js';
import { formatReport, groupMisses } from '../../src/review/report.js';
import { createMissStream } from '../../src/store/miss-stream.js';

const redisUrl = inject('redisUrl');
const logger = createLogger('silent');
const redis = createClient({ url: redisUrl });
beforeAll(async () => {
  await redis.connect();
});
afterAll(async () => {
  await redis.close();
});

function core(missLog: boolean): { core: Core; key: string } {
  const storePrefix = `misstest${randomUUID().slice(0, 8)}`;
  const c = createCore({
    redisUrl,
    storePrefix,
    missLog,
    conversationTtlDays: 30,
    rateLimitPerMinute: 1000,
    logger,
  });
  return { core: c, key: `${storePrefix}:misses` };
}

async function say(c: Core, userId: string, ...texts: string[]) {
  // The store connects in the background; a turn before that is answered "unavailable".
  for (let i = 0; i < 400 && !(await c.bot.health()).ok; i++)
    await new Promise((r) => setTimeout(r, 5));
  for (const text of texts) await c.bot.handleTurn({ channel: 'http', userId, text });
}

/** The stream's entries once `n` have been written (writes do not hold up the turn). */
async function entries(key: string, n: number) {
  for (let i = 0; i < 400; i++) {
    const all = await redis.xRange(key, '-', '+');
    if ((all?.length ?? 0) >= n) return all!.map((e) => e.message);
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`fewer than ${n} entries in ${key}`);
}

describe('the miss log', () => {
  it('records out-of-scope, clarifying, re-asked and defaulted turns, masked and without the user', async () => {
    const { core: c, key } = core(true);
    try {
      await say(c, 'alice-13900001111', '今天天气怎么样，我电话13812345678');
      await say(c, 'bob', '能领吗');
      await say(c, 'carol', '医保一个月交多少', '我在上饶');
      await say(c, 'dave', '养老金能领多少', '不知道');
      await say(c, 'erin', '我45岁，在上饶，月薪8000，职工医保一个月交多少', '谢谢');
      const got = await entries(key, 4);
      expect(got.map((e) => e.kind).sort()).toEqual([
        'asked_again',
        'clarify',
        'default_taken',
        'out_of_scope',
      ]);
      const flat = JSON.stringify(got);
      expect(flat).toContain('[phone]');
      expect(flat).not.toContain('13812345678');
      for (const user of ['alice', 'bob', 'carol', 'dave', 'erin'])
        expect(flat).not.toContain(user);
      expect(got.find((e) => e.kind === 'asked_again')).toMatchObject({
        nearest: 'medical_contribution',
        text: '我在上饶',
      });
      expect(got.find((e) => e.kind === 'default_taken')).toMatchObject({
        nearest: 'pension_estimate',
        text: '不知道',
      });
      expect(await redis.ttl(key)).toBeGreaterThan(0);
    } finally {
      await c.store.close();
      await c.misses?.close();
    }
  });

  it('closes at once, and drops misses quietly, while Redis cannot be reached', async () => {
    const stream = createMissStream({ redisUrl: 'redis://127.0.0.1:1' });
    stream.record({ kind: 'clarify', nearest: 'help', text: 'x' });
    await stream.close();
    await expect(
      createMissStream({ redisUrl: 'redis://127.0.0.1:1' }).close(),
    ).resolves.toBeUndefined();
  });

  it('records nothing with MISS_LOG=off', async () => {
    const { core: c, key } = core(false);
    expect(c.misses).toBeUndefined();
    await say(c, 'u', '今天天气怎么样', '交多少钱');
    expect(await redis.exists(key)).toBe(0);
    await c.store.close();
  });

  it('keeps at most maxEntries, the newest, and drops entries older than the TTL', async () => {
    const key = `misstest${randomUUID().slice(0, 8)}:misses`;
    await redis.xAdd(key, '1000-0', { kind: 'clarify', nearest: 'help', text: 'very old' });
    const stream = createMissStream({ redisUrl, key, maxEntries: 5, ttlDays: 1 });
    for (let i = 0; i < 8; i++) stream.record({ kind: 'clarify', nearest: 'help', text: `m${i}` });
    await entries(key, 5);
    let texts: string[] = [];
    for (let i = 0; i < 400 && texts.at(-1) !== 'm7'; i++) {
      texts = (await stream.read()).map((m) => m.text);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(texts).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    expect(await redis.ttl(key)).toBeLessThanOrEqual(24 * 60 * 60);
    await stream.close();
    await redis.del(key);
  });
});

describe('classifyMiss', () => {
  const ranking = [
    { name: 'out_of_scope' as const, confidence: 0.5 },
    { name: 'hotline' as const, confidence: 0.3 },
  ];
  it('cuts a long text and masks ID numbers', () => {
    const text = `我的身份证110101199003071234${'长'.repeat(500)}`;
    const miss = classifyMiss({
      text,
      intent: 'out_of_scope',
      action: { kind: 'answer', intent: 'out_of_scope', slots: {}, defaulted: [] },
      ranking,
      defaulted: [],
    });
    expect(miss).toMatchObject({ kind: 'out_of_scope', nearest: 'hotline' });
    expect(miss!.text).toHaveLength(200);
    expect(miss!.text).toContain('[id]');
  });
  it('leaves an understood turn alone', () => {
    const action = {
      kind: 'answer' as const,
      intent: 'hotline' as const,
      slots: {},
      defaulted: [],
    };
    expect(
      classifyMiss({ text: '电话多少', intent: 'hotline', action, ranking, defaulted: [] }),
    ).toBeUndefined();
  });
});

describe('npm run review', () => {
  it('groups by what happened and by nearest intent, most frequent first', async () => {
    const key = `misstest${randomUUID().slice(0, 8)}:misses`;
    const misses: Miss[] = [
      { kind: 'out_of_scope', nearest: 'hotline', text: '社保局几点下班' },
      { kind: 'out_of_scope', nearest: 'hotline', text: '社保局几点下班' },
      { kind: 'out_of_scope', nearest: 'transfer', text: '换工作了社保咋办' },
      { kind: 'out_of_scope', nearest: 'hotline', text: '社保局在哪' },
      { kind: 'clarify', nearest: 'pension_contribution', text: '交多少钱' },
    ];
    for (const m of misses) await redis.xAdd(key, '*', { ...m });
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/review.ts', '--key', key],
      {
        cwd: projectRoot,
        env: { ...process.env, REDIS_URL: redisUrl },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    await redis.del(key);
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toContain('5 misses');
    const order = [
      'out of scope',
      'nearest: hotline',
      '2 × 社保局几点下班',
      '社保局在哪',
      'nearest: transfer',
      'clarifying question',
      'nearest: pension_contribution',
    ];
    const at = order.map((s) => out.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      out,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(formatReport(groupMisses([]))).toBe('No misses recorded.');
  });
});
