import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { UNAVAILABLE_REPLY } from '../../src/bot.js';
import { postJson, startApp, type TestApp } from '../support/app.js';
import { freePort, spawnRedis } from '../support/redis-server.js';
import { startBotProcess } from '../support/process.js';

const redisUrl = inject('redisUrl');
const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

describe('with REDIS_URL', () => {
  it('keeps the conversation in Redis and says so in /healthz', async () => {
    const app = await startApp({ redisUrl });
    apps.push(app);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', store: 'redis' });
    const userId = `r-${randomUUID()}`;
    await postJson(`${app.url}/v1/messages`, { userId, text: '我35岁，在上饶' });
    const state = await app.core.store.get({ channel: 'http', userId });
    expect(state?.slots).toMatchObject({ age: 35, region: { city: '上饶市' } });
  });

  it('answers 503 degraded when Redis cannot be reached, and replies politely to messages', async () => {
    const port = await freePort();
    const app = await startApp({ redisUrl: `redis://127.0.0.1:${port}` });
    apps.push(app);
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'degraded', store: 'redis' });
    const res = await postJson(`${app.url}/v1/messages`, { userId: 'x', text: '医保交多少' });
    expect(res.status).toBe(200);
    expect(res.json.replies).toEqual([{ text: UNAVAILABLE_REPLY }]);
    const del = await fetch(`${app.url}/v1/conversations/x`, { method: 'DELETE' });
    expect(del.status).toBe(503);
  });
});

describe('/healthz while Redis stalls', () => {
  it('answers 503 degraded within a second, not after the 5 s command limit', async () => {
    const redis = await spawnRedis();
    const app = await startApp({ redisUrl: redis.url });
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      redis.pause();
      // Docker's health check gives up at 3 s; the ping's own deadline is 500 ms.
      const res = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(2500) });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'degraded', store: 'redis' });
      redis.resume();
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
      await redis.stop();
    }
  });
});

describe('a conversation across a restart of the bot process', () => {
  it('keeps its slots in Redis when the process is stopped and started again', async () => {
    const port = await freePort();
    const userId = `restart-${randomUUID()}`;
    const first = await startBotProcess({ REDIS_URL: redisUrl }, port);
    try {
      const a = await postJson(`${first.url}/v1/messages`, { userId, text: '我35岁' });
      expect(a.json.slots).toMatchObject({ age: 35 });
      const b = await postJson(`${first.url}/v1/messages`, { userId, text: '在上饶' });
      expect(b.json.slots).toMatchObject({ age: 35, region: { city: '上饶市' } });
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = await startBotProcess({ REDIS_URL: redisUrl }, port);
    try {
      const c = await postJson(`${second.url}/v1/messages`, { userId, text: '月薪8000' });
      expect(c.json.slots).toMatchObject({
        age: 35,
        region: { city: '上饶市' },
        monthlyIncome: '8000',
      });
    } finally {
      await second.stop();
    }
  });
});
