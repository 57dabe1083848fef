import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/channels/http/server.js';
import { createChannels } from '../../src/channels/start-channels.js';
import { loadConfig } from '../../src/config.js';
import { createCore } from '../../src/core.js';
import { createMetrics } from '../../src/metrics.js';
import { captureLogger } from '../support/capture-logger.js';
import { signPlain, textMessage } from '../support/wechat-platform.js';

const KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

async function start(env: Record<string, string>) {
  const { logger } = captureLogger('warn');
  const metrics = createMetrics();
  const core = createCore({ conversationTtlDays: 30, rateLimitPerMinute: 2, logger, metrics });
  const config = loadConfig(env);
  const server = await buildServer({ bot: core.bot, logger, metrics, apiDocs: config.API_DOCS });
  createChannels({ config, handleTurn: (i) => core.bot.handleTurn(i), logger, app: server });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { url, close: async () => (await server.close(), await core.store.close()) };
}

interface Example {
  method: string;
  path: string;
  /** The path as requested (parameters filled in). */
  url?: string;
  body?: string;
  contentType?: string;
  status: number;
}

const json = (v: unknown) => JSON.stringify(v);
const mpSigned = signPlain('t', textMessage('oDoc', '你好', '1001'));

/** Real requests for every route of the document, each answer status the document lists. */
const EXAMPLES: Example[] = [
  { method: 'get', path: '/', status: 200 },
  { method: 'get', path: '/healthz', status: 200 },
  { method: 'get', path: '/metrics', status: 200 },
  {
    method: 'post',
    path: '/v1/parse',
    body: json({ text: '我在上饶，月薪8000，居民医保交多少' }),
    status: 200,
  },
  { method: 'post', path: '/v1/parse', body: json({ text: '' }), status: 400 },
  { method: 'post', path: '/v1/parse', body: json({ text: 'x'.repeat(70_000) }), status: 413 },
  {
    method: 'post',
    path: '/v1/messages',
    body: json({ userId: 'doc', text: '养老金能领多少' }),
    status: 200,
  },
  {
    method: 'post',
    path: '/v1/messages',
    body: json({ userId: 'doc', text: '我45岁' }),
    status: 200,
  },
  {
    method: 'post',
    path: '/v1/messages',
    body: json({ userId: 'doc', text: '谢谢' }),
    status: 429,
  },
  { method: 'post', path: '/v1/messages', body: '{"userId": 5}', status: 400 },
  {
    method: 'delete',
    path: '/v1/conversations/{userId}',
    url: '/v1/conversations/doc',
    status: 204,
  },
  {
    method: 'delete',
    path: '/v1/conversations/{userId}',
    url: `/v1/conversations/${'u'.repeat(200)}`,
    status: 400,
  },
  {
    method: 'get',
    path: '/wechat/mp',
    url: `/wechat/mp?${mpSigned.query}&echostr=42`,
    status: 200,
  },
  { method: 'get', path: '/wechat/mp', url: '/wechat/mp?echostr=42', status: 401 },
  {
    method: 'post',
    path: '/wechat/mp',
    url: `/wechat/mp?${mpSigned.query}`,
    body: mpSigned.body,
    contentType: 'text/xml',
    status: 200,
  },
  {
    method: 'post',
    path: '/wechat/mp',
    url: `/wechat/mp?${mpSigned.query}`,
    body: '<xml><a>',
    contentType: 'text/xml',
    status: 400,
  },
  {
    method: 'post',
    path: '/wechat/mp',
    url: '/wechat/mp',
    body: mpSigned.body,
    contentType: 'text/xml',
    status: 401,
  },
  {
    method: 'post',
    path: '/wechat/mp',
    url: `/wechat/mp?${mpSigned.query}`,
    body: `<xml>${'a'.repeat(20_000)}</xml>`,
    contentType: 'text/xml',
    status: 413,
  },
  { method: 'get', path: '/wecom/callback', url: '/wecom/callback?echostr=42', status: 401 },
  {
    method: 'post',
    path: '/wecom/callback',
    url: '/wecom/callback',
    body: '<xml><Encrypt>x</Encrypt></xml>',
    contentType: 'text/xml',
    status: 401,
  },
];

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
};

describe('GET /openapi.json', () => {
  let app: Awaited<ReturnType<typeof start>>;
  let doc: Doc;
  beforeAll(async () => {
    app = await start({
      WECHAT_MP_TOKEN: 't',
      WECOM_TOKEN: 'w',
      WECOM_AES_KEY: KEY,
      WECOM_CORPID: 'ww1',
    });
    const res = await fetch(`${app.url}/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });
  afterAll(async () => app.close());

  it('is an OpenAPI 3 document of every contract route', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(operations.sort()).toEqual(
      [...new Set(EXAMPLES.map((e) => `${e.method} ${e.path}`))].sort(),
    );
  });

  it('describes the real answer of every route, status by status', async () => {
    const ajv = new Ajv2020({ strict: false });
    for (const example of EXAMPLES) {
      const res = await fetch(`${app.url}${example.url ?? example.path}`, {
        method: example.method.toUpperCase(),
        headers:
          example.body === undefined
            ? {}
            : { 'content-type': example.contentType ?? 'application/json' },
        body: example.body,
      });
      const where = `${example.method} ${example.path} -> ${res.status}`;
      expect(res.status, where).toBe(example.status);
      const documented = doc.paths[example.path]?.[example.method]?.responses[String(res.status)];
      expect(documented, where).toBeDefined();
      const text = await res.text();
      if (!documented!.content) {
        expect(text, where).toBe('');
        continue;
      }
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const media = documented!.content[type];
      expect(media, `${where}: ${type} is not documented`).toBeDefined();
      const body = type === 'application/json' ? JSON.parse(text) : text;
      const validate = ajv.compile(media!.schema);
      expect(validate(body), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('serves a readable reference at /docs listing the routes (headless Chromium)', async () => {
    const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    expect(existsSync(chromiumPath), `no Chromium at ${chromiumPath}`).toBe(true);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${app.url}/docs`);
      await page.getByText('/v1/messages').first().waitFor();
      expect(await page.getByText('/wechat/mp').count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});

describe('API_DOCS=off', () => {
  it('serves neither the document nor the page', async () => {
    const app = await start({ API_DOCS: 'off' });
    try {
      expect((await fetch(`${app.url}/openapi.json`)).status).toBe(404);
      expect((await fetch(`${app.url}/docs`)).status).toBe(404);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
