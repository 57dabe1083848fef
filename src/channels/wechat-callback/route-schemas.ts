import type { FastifySchema } from 'fastify';
import { ERROR_BODY } from '../http/route-docs.js';
import type {} from '@fastify/swagger';

/** The callbacks as the API document describes them (fastify-swagger route schemas). */

const text = (description: string) => ({
  description,
  content: { 'text/plain': { schema: { type: 'string' } } },
});

const signedQuery = (names: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string' }])),
});

const MP_QUERY = ['signature', 'timestamp', 'nonce', 'openid', 'encrypt_type', 'msg_signature'];
const WECOM_QUERY = ['msg_signature', 'timestamp', 'nonce'];

const refused = {
  400: text('malformed XML, or not a message of this platform'),
  401: text('wrong or missing signature, or a message sealed for another account'),
  413: {
    description: 'the body is over 16 KiB',
    content: { 'application/json': { schema: ERROR_BODY } },
  },
  503: text('the instance is stopping'),
};

export function callbackRouteSchemas(kind: 'mp' | 'wecom'): {
  get: FastifySchema;
  post: FastifySchema;
} {
  const tags = [kind === 'mp' ? 'WeChat Official Account' : 'WeCom'];
  const query = kind === 'mp' ? MP_QUERY : WECOM_QUERY;
  return {
    get: {
      tags,
      summary: 'URL verification: echoes echostr (WeCom: decrypted) when the signature is right',
      querystring: signedQuery([...query, 'echostr']),
      response: { 200: text('the echo'), 401: refused[401], 400: refused[400] },
    },
    post: {
      tags,
      summary:
        kind === 'mp'
          ? 'A message pushed by the Official Account platform; answered with a passive XML reply (encrypted in safe mode)'
          : 'A message pushed by WeCom (encrypted); answered with an encrypted passive XML reply',
      querystring: signedQuery(query),
      body: { content: { 'text/xml': { schema: { type: 'string' } } } },
      response: {
        200: {
          description:
            'a passive XML reply, or "success" (text/plain) when there is nothing to say',
          content: {
            'text/xml': { schema: { type: 'string' } },
            'text/plain': { schema: { type: 'string' } },
          },
        },
        ...refused,
      },
    },
  };
}
