import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { postJson, startApp, untilHealthy, type TestApp } from '../support/app.js';

const redisUrl = inject('redisUrl');
const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };
const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});
async function start(options: Parameters<typeof startApp>[0]) {
  const app = await startApp(options);
  apps.push(app);
  // counts go to the store: a request before Redis is connected is let through uncounted
  await untilHealthy(app);
  return app;
}

/** POST /v1/parse from a given loopback source address (127.0.0.0/8 is all ours on Linux). */
function parseFrom(port: number, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/parse',
        localAddress,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ text: '你好' }));
  });
}

describe('per-address limit', () => {
  it('answers 429 with Retry-After past the limit, per address; health checks are not counted', async () => {
    const app = await start({ limits: { perAddressPerMinute: 3, globalPerMinute: 1000 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await parseFrom(app.port, '127.0.0.1'));
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await postJson(`${app.url}/v1/parse`, { text: '你好' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.json).toEqual(errorShape);
    expect(await parseFrom(app.port, '127.0.0.2')).toBe(200);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('limits DELETE too: a stream of deletes is stopped', async () => {
    const app = await start({ limits: { perAddressPerMinute: 5, globalPerMinute: 1000 } });
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${app.url}/v1/conversations/victim-${i}`, { method: 'DELETE' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([204, 204, 204, 204, 204, 429, 429, 429]);
  });
});

describe('global limit', () => {
  it('stops rotating user ids and addresses alike', async () => {
    const app = await start({ limits: { perAddressPerMinute: 1000, globalPerMinute: 4 } });
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const res = await postJson(`${app.url}/v1/messages`, { userId: `rot-${i}`, text: '你好' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(await parseFrom(app.port, '127.0.0.3')).toBe(429);
  });

  it('is shared by every instance through Redis', async () => {
    const storePrefix = `lim${randomUUID().slice(0, 8)}`;
    const limits = { perAddressPerMinute: 1000, globalPerMinute: 4 };
    const [a, b] = [
      await start({ redisUrl, storePrefix, limits }),
      await start({ redisUrl, storePrefix, limits }),
    ];
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const res = await postJson(`${(i % 2 ? a : b).url}/v1/parse`, { text: '你好' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
