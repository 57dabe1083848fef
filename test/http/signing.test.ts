import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody, signRequest } from '../../src/signature.js';
import { postJson, signedHeaders, startApp, type TestApp } from '../support/app.js';

const secret = 'sign-secret-Ω';
const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };
let app: TestApp;
let legacy: TestApp;
beforeAll(async () => {
  [app, legacy] = await Promise.all([
    startApp({ webhookSecret: secret }),
    startApp({ webhookSecret: secret, legacySignature: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([app.close(), legacy.close()]);
});

const body = JSON.stringify({ userId: 'signer', text: '我35岁' });
const del = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'DELETE', headers });

describe('signed POST /v1/messages', () => {
  it('accepts a signature over timestamp, method, path and body', async () => {
    const headers = signedHeaders(secret, 'POST', '/v1/messages', body);
    expect((await postJson(`${app.url}/v1/messages`, body, headers)).status).toBe(200);
  });

  const seconds = () => Math.floor(Date.now() / 1000);
  it.each([
    ['the body-only signature', () => ({ 'x-signature': signBody(secret, body) })],
    [
      'a timestamp 301 s old',
      () => signedHeaders(secret, 'POST', '/v1/messages', body, new Date(Date.now() - 301_000)),
    ],
    [
      'a timestamp 301 s ahead',
      () => signedHeaders(secret, 'POST', '/v1/messages', body, new Date(Date.now() + 301_000)),
    ],
    ['a signature for another path', () => signedHeaders(secret, 'POST', '/v1/parse', body)],
    ['a signature for another method', () => signedHeaders(secret, 'DELETE', '/v1/messages', body)],
    [
      'a timestamp changed after signing',
      () => ({
        ...signedHeaders(secret, 'POST', '/v1/messages', body),
        'x-timestamp': String(seconds() + 1),
      }),
    ],
    [
      'a timestamp that is not a number',
      () => ({
        'x-timestamp': 'now',
        'x-signature': signRequest(secret, {
          timestamp: 'now',
          method: 'POST',
          path: '/v1/messages',
          body,
        }),
      }),
    ],
    [
      'no timestamp',
      () => ({
        'x-signature': signedHeaders(secret, 'POST', '/v1/messages', body)['x-signature']!,
      }),
    ],
  ])('answers 401 to %s', async (_, headers) => {
    const res = await postJson(`${app.url}/v1/messages`, body, headers());
    expect(res.status).toBe(401);
    expect(res.json).toEqual(errorShape);
  });

  it('accepts the body-only form only with WEBHOOK_LEGACY_SIGNATURE=on, and the new one too', async () => {
    const old = { 'x-signature': signBody(secret, body) };
    expect((await postJson(`${legacy.url}/v1/messages`, body, old)).status).toBe(200);
    const headers = signedHeaders(secret, 'POST', '/v1/messages', body);
    expect((await postJson(`${legacy.url}/v1/messages`, body, headers)).status).toBe(200);
    const wrong = { 'x-signature': signBody('other', body) };
    expect((await postJson(`${legacy.url}/v1/messages`, body, wrong)).status).toBe(401);
  });
});

describe('signed DELETE /v1/conversations/:userId', () => {
  it('answers 401 without a signature and keeps the conversation', async () => {
    const headers = signedHeaders(secret, 'POST', '/v1/messages', body);
    await postJson(`${app.url}/v1/messages`, body, headers);
    const res = await del(`${app.url}/v1/conversations/signer`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(errorShape);
    expect(await app.core.store.get({ channel: 'http', userId: 'signer' })).toBeDefined();
  });

  it('refuses a signature made for another user, and forgets with the right one', async () => {
    const other = signedHeaders(secret, 'DELETE', '/v1/conversations/someone-else');
    expect((await del(`${app.url}/v1/conversations/signer`, other)).status).toBe(401);
    const right = signedHeaders(secret, 'DELETE', '/v1/conversations/signer');
    expect((await del(`${app.url}/v1/conversations/signer`, right)).status).toBe(204);
    expect(await app.core.store.get({ channel: 'http', userId: 'signer' })).toBeUndefined();
  });

  it('signs the path as received, percent-encoding and all', async () => {
    const path = `/v1/conversations/${encodeURIComponent('用户 1')}`;
    expect((await del(`${app.url}${path}`, signedHeaders(secret, 'DELETE', path))).status).toBe(
      204,
    );
  });
});

describe('without a secret', () => {
  it('stays open (the local default)', async () => {
    const open = await startApp();
    try {
      expect((await postJson(`${open.url}/v1/messages`, body)).status).toBe(200);
      expect((await del(`${open.url}/v1/conversations/signer`)).status).toBe(204);
    } finally {
      await open.close();
    }
  });
});
