import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ webhookSecret: 'integrators-only', rateLimitPerMinute: 3 });
});
afterAll(async () => {
  await app.close();
});

/** A visitor's cookie, as the page's `GET /` issues it. */
async function visit(url = app.url): Promise<string> {
  const res = await fetch(`${url}/`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** What the browser adds to the page's own fetch calls. */
const fromPage = (cookie: string) => ({ cookie, 'sec-fetch-site': 'same-origin' });

const cjk = /[\u4e00-\u9fff]/;

describe('GET / and the page files', () => {
  it('issues a visitor cookie: HttpOnly, SameSite=Strict, whole site, random per visitor', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /^shebao_visitor=[A-Za-z0-9_-]{24}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(await visit()).not.toBe(cookie.split(';')[0]);
    const again = await fetch(`${app.url}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('marks the cookie Secure when the page came through an HTTPS proxy', async () => {
    const res = await fetch(`${app.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('serves the script, style and favicon it needs, with no inline script or style', async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    expect(html).not.toMatch(/<script>|<style|style=|\son[a-z]+=/);
    for (const [path, type] of [
      ['/app.js', 'text/javascript; charset=utf-8'],
      ['/app.css', 'text/css; charset=utf-8'],
      ['/favicon.ico', 'image/x-icon'],
    ]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      const etag = res.headers.get('etag')!;
      const revalidated = await fetch(`${app.url}${path}`, { headers: { 'if-none-match': etag } });
      expect(revalidated.status).toBe(304);
    }
  });
});

describe('POST /web/messages: the page’s own door to the core', () => {
  it('answers a visitor with the cookie while WEBHOOK_SECRET is set, as channel web', async () => {
    const cookie = await visit();
    const res = await postJson(`${app.url}/web/messages`, { text: '我今年40岁' }, fromPage(cookie));
    expect(res.status).toBe(200);
    expect(res.json.replies[0].text).toEqual(expect.any(String));
    const userId = cookie.split('=')[1]!;
    expect((await app.core.store.get({ channel: 'web', userId }))?.slots).toMatchObject({
      age: 40,
    });
    // The integrators' conversation of the same id is another one, and their door stays signed.
    expect(await app.core.store.get({ channel: 'http', userId })).toBeUndefined();
    const unsigned = await postJson(`${app.url}/v1/messages`, { userId, text: '你好' });
    expect(unsigned.status).toBe(401);
  });

  it('gives a visitor without a cookie one on the first message', async () => {
    const res = await postJson(
      `${app.url}/web/messages`,
      { text: '你好' },
      { 'sec-fetch-site': 'same-origin' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^shebao_visitor=.*HttpOnly; SameSite=Strict$/);
  });

  it('refuses requests that do not come from the page itself (403, in Chinese)', async () => {
    const cookie = await visit();
    const url = new URL(app.url);
    for (const headers of <Record<string, string>[]>[
      { cookie, 'sec-fetch-site': 'cross-site' },
      { cookie, 'sec-fetch-site': 'same-site' },
      { cookie, origin: 'https://evil.example' },
      { cookie, origin: 'null' },
      { cookie }, // neither Origin nor Sec-Fetch-Site: not a browser page of ours
    ]) {
      const res = await postJson(`${app.url}/web/messages`, { text: '你好' }, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.json.error).toEqual({
        code: 'not_same_origin',
        message: expect.stringMatching(cjk),
      });
    }
    const ok = await postJson(
      `${app.url}/web/messages`,
      { text: '你好' },
      { cookie, origin: url.origin },
    );
    expect(ok.status).toBe(200);
    const del = await fetch(`${app.url}/web/conversation`, {
      method: 'DELETE',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(del.status).toBe(403);
  });

  it('words every refusal in Chinese: empty, over-long, bad JSON, over 64 KiB', async () => {
    const cookie = await visit();
    const cases: [unknown, number, string][] = [
      [{ text: '   ' }, 400, '请先输入你的问题。'],
      [{ text: 'x'.repeat(2001) }, 400, '消息太长了，请控制在 2000 字以内。'],
      [{ text: 42 }, 400, '请输入文字。'],
      [{}, 400, '请输入文字。'],
      ['"你好"', 400, '请求格式不对，请刷新页面后再试。'],
      ['[1]', 400, '请求格式不对，请刷新页面后再试。'],
      [{ text: '你好', messageId: 'a b' }, 400, '请求格式不对，请刷新页面后再试。'],
      ['{"text": ', 400, '请求格式不对，请刷新页面后再试。'],
      [JSON.stringify({ text: 'x'.repeat(70_000) }), 413, '消息太长了，请控制在 2000 字以内。'],
    ];
    for (const [body, status, message] of cases) {
      const res = await postJson(`${app.url}/web/messages`, body, fromPage(cookie));
      expect(res.status).toBe(status);
      expect(res.json.error.message).toBe(message);
    }
  });

  it('has its own rate limit per visitor: 429 with Retry-After, in Chinese', async () => {
    const cookie = await visit();
    for (let i = 0; i < 3; i++) {
      expect(
        (await postJson(`${app.url}/web/messages`, { text: '你好' }, fromPage(cookie))).status,
      ).toBe(200);
    }
    const limited = await postJson(`${app.url}/web/messages`, { text: '你好' }, fromPage(cookie));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.json.error.message).toMatch(/^发送太频繁了，请 \d+ 秒后再试。$/);
    // Another visitor is not held up by the first one's count.
    const other = await postJson(
      `${app.url}/web/messages`,
      { text: '你好' },
      fromPage(await visit()),
    );
    expect(other.status).toBe(200);
  });
});

describe('DELETE /web/conversation', () => {
  it('forgets the visitor’s conversation (204), and is harmless without a cookie', async () => {
    const cookie = await visit();
    const userId = cookie.split('=')[1]!;
    await postJson(`${app.url}/web/messages`, { text: '我今年40岁' }, fromPage(cookie));
    expect(await app.core.store.get({ channel: 'web', userId })).toBeDefined();
    const res = await fetch(`${app.url}/web/conversation`, {
      method: 'DELETE',
      headers: fromPage(cookie),
    });
    expect(res.status).toBe(204);
    expect(await app.core.store.get({ channel: 'web', userId })).toBeUndefined();
    const none = await fetch(`${app.url}/web/conversation`, {
      method: 'DELETE',
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(none.status).toBe(204);
  });
});

describe('WEB_CHAT=off', () => {
  it('serves neither the page nor its route; the API stays', async () => {
    const off = await startApp({ webChat: false });
    try {
      for (const path of ['/', '/app.js', '/favicon.ico']) {
        expect((await fetch(`${off.url}${path}`)).status, path).toBe(404);
      }
      const res = await postJson(
        `${off.url}/web/messages`,
        { text: '你好' },
        { 'sec-fetch-site': 'same-origin' },
      );
      expect(res.status).toBe(404);
      expect((await postJson(`${off.url}/v1/messages`, { userId: 'u', text: '你好' })).status).toBe(
        200,
      );
    } finally {
      await off.close();
    }
  });
});
