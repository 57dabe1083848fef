import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConversationStateSchema } from '../../src/dialogue/state.js';
import { postJson } from '../support/app.js';
import { startBotProcess, type BotProcess } from '../support/process.js';
import { freePort } from '../support/redis-server.js';

const redisUrl = inject('redisUrl');
let a: BotProcess;
let b: BotProcess;
const raw = createClient({ url: redisUrl });

beforeAll(async () => {
  await raw.connect();
  [a, b] = await Promise.all([
    freePort().then((p) =>
      startBotProcess({ REDIS_URL: redisUrl, RATE_LIMIT_PER_MINUTE: '100000' }, p),
    ),
    freePort().then((p) =>
      startBotProcess({ REDIS_URL: redisUrl, RATE_LIMIT_PER_MINUTE: '100000' }, p),
    ),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  raw.destroy();
});

async function state(userId: string) {
  const value = await raw.get(`shebao:conv:http:${userId}`);
  return ConversationStateSchema.parse(JSON.parse(value!));
}

describe('two bot processes sharing one Redis', () => {
  it('loses no turn and no slot over 200 interleaved turns of one user', async () => {
    const userId = `conc-${randomUUID()}`;
    const first = await postJson(`${a.url}/v1/messages`, { userId, text: '我35岁' });
    expect(first.status).toBe(200);
    const texts = ['在上饶', '月薪8000', '男的', '灵活就业', '在西安', '月薪9000'];
    const turns = Array.from({ length: 199 }, (_, i) => ({
      url: i % 2 === 0 ? a.url : b.url,
      text: texts[i % texts.length]!,
    }));
    // 20 at a time, alternating processes, so turns of the same user really overlap.
    for (let i = 0; i < turns.length; i += 20) {
      const batch = turns.slice(i, i + 20);
      const results = await Promise.all(
        batch.map((t) => postJson(`${t.url}/v1/messages`, { userId, text: t.text })),
      );
      for (const r of results) expect(r.status).toBe(200);
      for (const r of results) expect(r.json.replies[0].text).not.toContain('暂时无法服务');
    }
    const final = await state(userId);
    expect(final.version).toBe(200);
    expect(final.slots.age).toBe(35);
    expect(final.slots.gender).toBe('male');
    expect(final.slots.employment).toBe('flexible');
  });

  it('never mixes the turns of different users', async () => {
    const u1 = `mix1-${randomUUID()}`;
    const u2 = `mix2-${randomUUID()}`;
    const jobs = [];
    for (let i = 0; i < 30; i++) {
      jobs.push(
        postJson(`${(i % 2 ? a : b).url}/v1/messages`, { userId: u1, text: '我30岁，在上饶' }),
      );
      jobs.push(
        postJson(`${(i % 2 ? b : a).url}/v1/messages`, { userId: u2, text: '我50岁，在西安' }),
      );
    }
    const results = await Promise.all(jobs);
    for (const r of results) expect(r.status).toBe(200);
    const s1 = await state(u1);
    const s2 = await state(u2);
    expect([s1.version, s2.version]).toEqual([30, 30]);
    expect(s1.slots).toMatchObject({ age: 30, region: { city: '上饶市' } });
    expect(s2.slots).toMatchObject({ age: 50, region: { city: '西安市' } });
  });

  it('shares the per-user rate limit between the processes', async () => {
    const port1 = await freePort();
    const port2 = await freePort();
    const env = { REDIS_URL: redisUrl, RATE_LIMIT_PER_MINUTE: '5' };
    const [p, q] = await Promise.all([startBotProcess(env, port1), startBotProcess(env, port2)]);
    try {
      const userId = `rate-${randomUUID()}`;
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        const url = (i % 2 ? q : p).url;
        statuses.push((await postJson(`${url}/v1/messages`, { userId, text: '你好' })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await Promise.all([p.stop(), q.stop()]);
    }
  });

  it('answers a repeated messageId once, whichever process gets it, giving the same answer again', async () => {
    const userId = `dedupe-${randomUUID()}`;
    const messageId = randomUUID();
    const once = await postJson(`${a.url}/v1/messages`, { userId, text: '我35岁', messageId });
    const again = await postJson(`${b.url}/v1/messages`, { userId, text: '我35岁', messageId });
    expect(once.json.replies.length).toBeGreaterThan(0);
    expect(again.status).toBe(200);
    expect(again.json.replies).toEqual(once.json.replies);
    expect(again.json.slots).toMatchObject({ age: 35 });
    expect((await state(userId)).version).toBe(1);
  });
});
