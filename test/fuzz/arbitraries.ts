import fc from 'fast-check';
import { signRequest } from '../../src/signature.js';

/** One HTTP request as bytes on the wire: anything a client could send, within reason. */
export interface WireRequest {
  method: string;
  path: string;
  headers: [string, string][];
  body: Buffer;
  /** Sign it correctly with the server's secret (to reach the handler behind the signature). */
  sign: boolean;
}

/** Characters a header value may hold on the wire (no CR, LF or NUL). */
const headerChar = fc.constantFrom(
  ...'abcXYZ019 -_=;,./:+%"\'()[]{}<>?@!*&^$#~`|\\\t'.split(''),
  '医',
  'é',
);
const headerValue = fc.string({ unit: headerChar, maxLength: 80 });
const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);

const ROUTES = [
  '/',
  '/healthz',
  '/metrics',
  '/v1/parse',
  '/v1/messages',
  '/v1/conversations/u1',
  '/app.js',
  '/app.css',
];

/** Path characters as sent, including ones that must be percent-encoded and broken escapes. */
const pathChar = fc.oneof(
  fc.constantFrom(..."abz09-._~/?#[]@!$&'()*+,;=%:".split('')),
  fc.constantFrom('%2F', '%00', '%E0%A4%A', '%zz', '%C0%AF', '..', '//', '医'),
);
const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ROUTES) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...ROUTES), fc.string({ unit: pathChar, maxLength: 40 }))
      .map(([r, tail]) => r + tail),
  },
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: 'grapheme', minLength: 0, maxLength: 200 })
      .map((id) => `/v1/conversations/${encodeURIComponent(id)}`),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 100, max: 4000 }).map((n) => `/v1/conversations/${'x'.repeat(n)}`),
  },
);

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'DELETE') },
  { weight: 1, arbitrary: fc.constantFrom('PUT', 'PATCH', 'OPTIONS', 'HEAD') },
  { weight: 1, arbitrary: token.map((t) => t.toUpperCase()) },
);

const contentType = fc.option(
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        ';;;',
        'application/json; charset=latin1',
      ),
    },
    { weight: 1, arbitrary: headerValue },
  ),
  { freq: 6 },
);

/** Texts: any Unicode, numeral runs, and the limits' edges. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(...'0123456789零一二三四五六七八九十百千万亿年月岁元.,，'.split('')),
    maxLength: 200,
  }),
  fc.constantFrom(
    '',
    ' ',
    '医'.repeat(2000),
    '医'.repeat(2001),
    '我35岁，在上饶，月薪8000，医保交多少',
  ),
);
const userId = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', 'u1', 'a:b', '__proto__', 'x'.repeat(129)),
);
const jsonish = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      { userId, text, messageId: fc.option(fc.string(), { nil: undefined }) },
      { requiredKeys: [] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ text }, { requiredKeys: [] }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom({ __proto__: { x: 1 } }, { constructor: { prototype: {} } }),
  },
);
const body = fc.oneof(
  { weight: 6, arbitrary: jsonish.map((v) => Buffer.from(JSON.stringify(v) ?? 'null')) },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)) },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 60_000, max: 70_000 })
      .map((n) => Buffer.from(`{"text":"${'a'.repeat(n)}"}`)),
  },
);

const extraHeaders = fc.array(
  fc.oneof(
    fc.tuple(
      fc.constantFrom(
        'x-signature',
        'x-timestamp',
        'accept',
        'origin',
        'cookie',
        'x-forwarded-for',
      ),
      headerValue,
    ),
    fc.tuple(token, headerValue),
  ),
  { maxLength: 4 },
);

export const wireRequest: fc.Arbitrary<WireRequest> = fc.record({
  method,
  path,
  headers: fc
    .tuple(contentType, extraHeaders)
    .map(([type, extra]) =>
      type === null ? extra : [['content-type', type] as [string, string], ...extra],
    ),
  body,
  sign: fc.boolean(),
});

/** The request's bytes; signed with `secret` (over its own path and body) when it asks to be. */
export function toWire(r: WireRequest, secret?: string): string | Buffer {
  const headers = [...r.headers].filter(
    ([name]) => !(r.sign && secret && /^x-(signature|timestamp)$/i.test(name)),
  );
  if (r.sign && secret) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = signRequest(secret, {
      timestamp,
      method: r.method,
      path: r.path.split('?')[0]!,
      body: r.body.toString('utf8'),
    });
    headers.push(['x-timestamp', timestamp], ['x-signature', signature]);
  }
  const head = [
    `${r.method} ${r.path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...headers.map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${r.body.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'utf8'), r.body]);
}
