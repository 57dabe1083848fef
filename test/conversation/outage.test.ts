import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { UNAVAILABLE_REPLY } from '../../src/bot.js';
import { postJson, startApp, type TestApp } from '../support/app.js';
import { freePort, spawnRedis, type SpawnedRedis } from '../support/redis-server.js';

let redis: SpawnedRedis | undefined;
let app: TestApp | undefined;
let dir: string | undefined;
afterAll(async () => {
  await app?.close();
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}

describe('Redis going down and coming back', () => {
  it('degrades politely, never crashes, and recovers with the earlier turns intact', async () => {
    dir = await mkdtemp(join(tmpdir(), 'shebao-redis-'));
    const port = await freePort();
    redis = await spawnRedis(port, { dir });
    app = await startApp({ redisUrl: redis.url });
    await until(async () => (await fetch(`${app!.url}/healthz`)).status === 200);
    const userId = `outage-${randomUUID()}`;
    const before = await postJson(`${app.url}/v1/messages`, { userId, text: '我35岁，在上饶' });
    expect(before.json.slots).toMatchObject({ age: 35 });

    await redis.stop();
    await until(async () => (await fetch(`${app!.url}/healthz`)).status === 503);
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({
      status: 'degraded',
      store: 'redis',
    });
    const during = await postJson(`${app.url}/v1/messages`, { userId, text: '月薪8000' });
    expect(during.status).toBe(200);
    expect(during.json.replies).toEqual([{ text: UNAVAILABLE_REPLY }]);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/shebao_store_errors_total [1-9]/);

    redis = await spawnRedis(port, { dir });
    await until(async () => (await fetch(`${app!.url}/healthz`)).status === 200);
    const after = await postJson(`${app.url}/v1/messages`, { userId, text: '月薪9000' });
    expect(after.status).toBe(200);
    expect(after.json.slots).toMatchObject({
      age: 35,
      region: { city: '上饶市' },
      monthlyIncome: '9000',
    });
  });
});
