import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../src/signature.js';
import { postJson, signedHeaders, startApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.close();
});

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe('GET /healthz and /metrics', () => {
  it('says ok with the memory store', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'memory' });
  });

  it('serves Prometheus metrics with request counts, intents and latencies', async () => {
    await postJson(`${app.url}/v1/messages`, { userId: 'metrics-user', text: '你好' });
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const body = await res.text();
    expect(body).toMatch(
      /shebao_http_requests_total\{method="POST",route="\/v1\/messages",status="200"\} \d+/,
    );
    expect(body).toMatch(/shebao_intents_total\{intent="greet"\} \d+/);
    expect(body).toContain('shebao_http_request_duration_seconds_bucket');
    expect(body).toContain('shebao_store_errors_total');
  });
});

describe('POST /v1/parse', () => {
  it('says which insurance the text names, beside the contract fields', async () => {
    const named = await postJson(`${app.url}/v1/parse`, { text: '新农合今年一个人交多少' });
    expect(named.json).toMatchObject({ scheme: 'resident' });
    expect(named.json.slots).not.toHaveProperty('scheme');
    const plain = await postJson(`${app.url}/v1/parse`, { text: '医保一个月交多少' });
    expect(Object.keys(plain.json).sort()).toEqual(['intent', 'ranking', 'slots', 'text']);
  });

  it('names the look-alike domain of an out-of-scope text, and marks an unsure reset', async () => {
    const fund = await postJson(`${app.url}/v1/parse`, { text: '公积金一个月交多少' });
    expect(fund.json).toMatchObject({
      intent: { name: 'out_of_scope' },
      domain: 'housing_fund',
    });
    const unsure = await postJson(`${app.url}/v1/parse`, { text: '换个问题' });
    expect(unsure.json).toMatchObject({ intent: { name: 'reset' }, confirm: true });
    const sure = await postJson(`${app.url}/v1/parse`, { text: '重新开始' });
    expect(sure.json).not.toHaveProperty('confirm');
  });

  it('returns intent, ranking and slots without touching any conversation', async () => {
    const res = await postJson(`${app.url}/v1/parse`, {
      text: '我在上饶，月薪8000，医保一个月交多少',
    });
    expect(res.status).toBe(200);
    expect(res.json.text).toBe('我在上饶，月薪8000，医保一个月交多少');
    expect(res.json.intent).toEqual({
      name: 'medical_contribution',
      confidence: expect.any(Number),
    });
    expect(res.json.ranking.length).toBeGreaterThan(1);
    expect(res.json.ranking[0]).toEqual({
      name: expect.any(String),
      confidence: expect.any(Number),
    });
    expect(res.json.slots).toMatchObject({
      monthlyIncome: '8000',
      region: { province: '江西省', city: '上饶市', code: '361100' },
    });
  });

  it.each([
    ['bad JSON', '{"text": '],
    ['a JSON string', '"医保"'],
    ['null', 'null'],
    ['an array', '[]'],
    ['a missing text', '{}'],
    ['a number for text', '{"text": 5}'],
    ['an object for text', '{"text": {}}'],
    ['an empty text', '{"text": ""}'],
    ['a blank text', '{"text": "   "}'],
    ['an over-long text', JSON.stringify({ text: '医'.repeat(2001) })],
    ['an empty body', ''],
  ])('answers 400 with the error shape for %s', async (_, body) => {
    const res = await postJson(`${app.url}/v1/parse`, body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(errorShape);
  });

  it('accepts a text of exactly 2,000 characters', async () => {
    const res = await postJson(`${app.url}/v1/parse`, { text: '医'.repeat(2000) });
    expect(res.status).toBe(200);
  });

  it('answers 413 to a body over 64 KiB', async () => {
    const res = await postJson(`${app.url}/v1/parse`, { text: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(res.json).toEqual(errorShape);
  });
});

describe('POST /v1/messages', () => {
  it('answers one turn with replies, intent and the merged slots', async () => {
    const res = await postJson(`${app.url}/v1/messages`, { userId: 'u-turn', text: '你好' });
    expect(res.status).toBe(200);
    expect(res.json.intent.name).toBe('greet');
    expect(res.json.replies[0].text).toContain('社保');
    expect(res.json.slots).toEqual({});
  });

  it('computes an employee medical contribution with its base, rate and source', async () => {
    const res = await postJson(`${app.url}/v1/messages`, {
      userId: 'u-medical',
      text: '我在上饶单位上班，月薪8000，医保每个月交多少',
    });
    expect(res.status).toBe(200);
    expect(res.json.intent.name).toBe('medical_contribution');
    const text: string = res.json.replies.map((r: { text: string }) => r.text).join('\n');
    expect(text).toContain('8000 × 2% = 160'); // individual: 2% of the base
    expect(text).toContain('缴费基数上下限3915–19575'); // 江西省 2025 band
    expect(text).toContain('依据');
    expect(text).toMatch(/上饶市.*12393/);
    expect(res.json.slots).toMatchObject({ monthlyIncome: '8000', employment: 'employee' });
  });

  it('asks for the city, and answers on national defaults when the person does not know', async () => {
    const first = await postJson(`${app.url}/v1/messages`, {
      userId: 'u-medical-national',
      text: '我在单位上班，月薪8000，医保每个月交多少',
    });
    expect(first.json.replies[0].text).toContain('城市');
    expect(first.json.replies[0].buttons.length).toBeGreaterThan(1);
    const second = await postJson(`${app.url}/v1/messages`, {
      userId: 'u-medical-national',
      text: '不知道',
    });
    const text: string = second.json.replies.map((r: { text: string }) => r.text).join('\n');
    expect(text).toContain('8000 × 2% = 160');
    expect(text).toContain('8000 × 6% = 480'); // employer: the national framework default
    expect(text).toContain('依据');
  });

  it.each([
    ['bad JSON', '{"userId": "a", '],
    ['a missing userId', '{"text": "你好"}'],
    ['a numeric userId', '{"userId": 5, "text": "你好"}'],
    ['an empty userId', '{"userId": "", "text": "你好"}'],
    ['an over-long userId', JSON.stringify({ userId: 'u'.repeat(129), text: '你好' })],
    ['a missing text', '{"userId": "a"}'],
    ['an empty text', '{"userId": "a", "text": ""}'],
    ['an over-long text', JSON.stringify({ userId: 'a', text: '好'.repeat(2001) })],
    ['a boolean text', '{"userId": "a", "text": true}'],
  ])('answers 400 for %s', async (_, body) => {
    const res = await postJson(`${app.url}/v1/messages`, body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(errorShape);
  });

  it('answers 413 to a body over 64 KiB', async () => {
    const res = await postJson(`${app.url}/v1/messages`, { userId: 'a', text: 'y'.repeat(66_000) });
    expect(res.status).toBe(413);
  });
});

describe('DELETE /v1/conversations/:userId', () => {
  it('forgets the conversation and answers 204', async () => {
    await postJson(`${app.url}/v1/messages`, { userId: 'forget-me', text: '我35岁，在上饶' });
    const del = await fetch(`${app.url}/v1/conversations/forget-me`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    expect(await app.core.store.get({ channel: 'http', userId: 'forget-me' })).toBeUndefined();
  });

  it('answers 204 for a user it never saw, and 400 for an over-long id', async () => {
    expect((await fetch(`${app.url}/v1/conversations/nobody`, { method: 'DELETE' })).status).toBe(
      204,
    );
    const long = await fetch(`${app.url}/v1/conversations/${'x'.repeat(129)}`, {
      method: 'DELETE',
    });
    expect(long.status).toBe(400);
  });
});

describe('other routes', () => {
  it('serves the web chat page at /', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('<script src="/app.js" defer></script>');
    const script = await fetch(`${app.url}/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers 404 with the error shape for an unknown route', async () => {
    const res = await fetch(`${app.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(errorShape);
  });
});

describe('with WEBHOOK_SECRET set', () => {
  let signed: TestApp;
  const secret = 'test-secret-Ω';
  beforeAll(async () => {
    signed = await startApp({ webhookSecret: secret });
  });
  afterAll(async () => {
    await signed.close();
  });
  const body = JSON.stringify({ userId: 'signed-user', text: '你好' });

  it('accepts a correct signature of the timestamp, method, path and raw body', async () => {
    const res = await postJson(
      `${signed.url}/v1/messages`,
      body,
      signedHeaders(secret, 'POST', '/v1/messages', body),
    );
    expect(res.status).toBe(200);
  });

  it.each([
    ['missing', undefined],
    ['wrong', signBody('other-secret', body)],
    ['malformed', 'sha256=zz'],
    ['over another body', signBody(secret, `${body} `)],
  ])('answers 401 to a %s signature', async (_, sig) => {
    const res = await postJson(
      `${signed.url}/v1/messages`,
      body,
      sig ? { 'x-signature': sig } : {},
    );
    expect(res.status).toBe(401);
    expect(res.json).toEqual(errorShape);
  });

  it('never logs the signature or the secret', () => {
    const all = signed.logs.join('\n');
    expect(all).not.toContain(secret);
    expect(all).not.toContain(signBody(secret, body));
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the per-user limit, per user', async () => {
    const limited = await startApp({ rateLimitPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await postJson(`${limited.url}/v1/messages`, { userId: 'busy', text: '你好' })).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await postJson(`${limited.url}/v1/messages`, { userId: 'busy', text: '你好' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.json).toEqual(errorShape);
      expect(
        (await postJson(`${limited.url}/v1/messages`, { userId: 'calm', text: '你好' })).status,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
