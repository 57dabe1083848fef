import { afterAll, describe, expect, inject, it } from 'vitest';
import { postJson, startApp, untilHealthy, type TestApp } from '../support/app.js';

const redisUrl = inject('redisUrl');
const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

describe.each([
  ['memory', undefined],
  ['redis', redisUrl],
])('message ids (%s store)', (_, url) => {
  it("answers bob's message although alice used the same messageId", async () => {
    const app = await startApp({ redisUrl: url });
    apps.push(app);
    await untilHealthy(app);
    const alice = await postJson(`${app.url}/v1/messages`, {
      userId: 'alice',
      text: '你好',
      messageId: 'm-1',
    });
    const bob = await postJson(`${app.url}/v1/messages`, {
      userId: 'bob',
      text: '我35岁，在上饶',
      messageId: 'm-1',
    });
    expect(alice.json.replies.length).toBeGreaterThan(0);
    expect(bob.status).toBe(200);
    expect(bob.json.replies.length).toBeGreaterThan(0);
    expect(bob.json.slots).toMatchObject({ age: 35 });
  });

  it('answers a retry of an answered message with the same answer again, changing nothing', async () => {
    const app = await startApp({ redisUrl: url });
    apps.push(app);
    await untilHealthy(app);
    const message = {
      userId: 'carol',
      text: '我在上饶，月薪8000，单位上班，医保交多少',
      messageId: 'c-1',
    };
    const first = await postJson(`${app.url}/v1/messages`, message);
    const retry = await postJson(`${app.url}/v1/messages`, message);
    expect(retry.status).toBe(200);
    expect(retry.json.replies).toEqual(first.json.replies);
    expect(retry.json.replies[0].text).toContain('8000');
    expect(retry.json.intent).toEqual(first.json.intent);
    expect(retry.json.slots).toEqual(first.json.slots);
    const state = await app.core.store.get({ channel: 'http', userId: 'carol' });
    expect(state?.version).toBe(1);
  });
});
