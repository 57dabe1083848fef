import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, startApp, type TestApp } from '../support/app.js';
import { rawRequest } from '../support/raw-http.js';

/** Every error the server sends, whoever produced it, has the contract's shape and status. */
const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };
let app: TestApp;
beforeAll(async () => {
  app = await startApp({ timeouts: { requestMs: 600, headersMs: 400 } });
});
afterAll(async () => {
  await app.close();
});

const post = (path: string, headers: string[], body: string) =>
  rawRequest(
    app.port,
    [
      `POST ${path} HTTP/1.1`,
      'Host: 127.0.0.1',
      ...headers,
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n'),
  );

describe('content types', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain from a form', 'text/plain; charset=utf-8'],
    ['a url-encoded form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['an unparseable type', ';;;'],
  ])('answers 415 to %s, in the contract shape', async (_, type) => {
    const body = JSON.stringify({ userId: 'ct', text: '你好' });
    const res = await post('/v1/messages', [`Content-Type: ${type}`], body);
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toEqual(errorShape);
  });

  it('answers a JSON body without a content type with 415 too', async () => {
    const res = await post('/v1/parse', [], JSON.stringify({ text: '你好' }));
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body)).toEqual(errorShape);
  });

  it('still takes application/json with a charset', async () => {
    const res = await post(
      '/v1/parse',
      ['Content-Type: application/json; charset=utf-8'],
      JSON.stringify({ text: '你好' }),
    );
    expect(res.status).toBe(200);
  });
});

describe('errors before a route runs', () => {
  const get = (path: string, extra: string[] = []) =>
    rawRequest(app.port, [`GET ${path} HTTP/1.1`, 'Host: x', ...extra, '', ''].join('\r\n'));

  it('answers an over-long URL parameter with 414 in the contract shape', async () => {
    const res = await rawRequest(
      app.port,
      `DELETE /v1/conversations/${'x'.repeat(3000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(res.status).toBe(414);
    expect(JSON.parse(res.body)).toEqual(errorShape);
  });

  it.each(['/v1/conversations/%E0%A4%A', '/v1/conversations/%', '/%c0%af'])(
    'answers a malformed URL (%s) with 400 in the contract shape',
    async (path) => {
      const res = await rawRequest(app.port, `DELETE ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual(errorShape);
    },
  );

  it('answers headers over 16 KiB with 431 in the contract shape', async () => {
    const res = await get('/healthz', [`X-Big: ${'a'.repeat(20_000)}`]);
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body)).toEqual(errorShape);
  });

  it('answers a request line that is not HTTP with 400 in the contract shape', async () => {
    const res = await rawRequest(app.port, 'HELLO THERE\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual(errorShape);
  });

  it('closes a client that sends its body too slowly, with 408 in the contract shape', async () => {
    const res = await rawRequest(
      app.port,
      'POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"te',
    );
    expect(res.status).toBe(408);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toEqual(errorShape);
  });

  it('closes a client that never finishes its headers', async () => {
    const res = await rawRequest(app.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n');
    expect(res.status).toBe(408);
    expect(res.headers.connection).toBe('close');
  });
});

describe('shutting down', () => {
  it('answers requests that arrive while closing with 503 in the contract shape', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const closing = await startApp({
      beforeListen: (server) => server.addHook('preClose', () => held),
    });
    const closed = closing.close();
    try {
      const res = await postJson(`${closing.url}/v1/parse`, { text: '你好' });
      expect(res.status).toBe(503);
      expect(res.json).toEqual(errorShape);
      expect(res.headers.get('connection')).toBe('close');
    } finally {
      release();
      await closed;
    }
  });
});
