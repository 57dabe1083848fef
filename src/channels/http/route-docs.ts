import type {} from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { z } from 'zod';
import {
  ErrorResponse,
  HealthResponse,
  MessageResponse,
  ParseResponse,
} from './response-schemas.js';
import { ConversationParams, MessageBody, ParseBody } from './schemas.js';

/**
 * The HTTP API's routes as the API document describes them, generated from the zod schemas
 * the routes check their input with and from those of their answers. Keyed by method and URL,
 * so server.ts needs no change to be documented.
 */

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
/** The error body every route answers a client's mistake with. */
export const ERROR_BODY = json(ErrorResponse);
const error = (description: string) => ({ description, ...ERROR_BODY });
const plain = (description: string, type = 'text/plain') => ({
  description,
  content: { [type]: { schema: { type: 'string' } } },
});

const BAD = error('bad JSON, a wrong type, a missing, empty or over-long field');
const TOO_BIG = error('the body is over 64 KiB');
const UNSIGNED = error('WEBHOOK_SECRET is set and the signature is missing or wrong');
const LIMITED = error('over the per-user rate limit; see Retry-After');

export const ROUTE_DOCS: Record<string, FastifySchema> = {
  'GET /': {
    tags: ['web chat'],
    summary: 'The web chat page, for people',
    response: { 200: plain('the page', 'text/html') },
  },
  'GET /healthz': {
    tags: ['operations'],
    summary: 'Whether the service and its store answer',
    response: {
      200: { description: 'the store answers', ...json(HealthResponse) },
      503: { description: 'the configured store is unreachable', ...json(HealthResponse) },
    },
  },
  'GET /metrics': {
    tags: ['operations'],
    summary: 'Prometheus metrics',
    response: { 200: plain('Prometheus text format') },
  },
  'POST /v1/parse': {
    tags: ['API'],
    summary: 'Understanding only: intent, ranking and slots; no conversation touched',
    body: json(ParseBody),
    response: {
      200: { description: 'what the text says', ...json(ParseResponse) },
      400: BAD,
      413: TOO_BIG,
    },
  },
  'POST /v1/messages': {
    tags: ['API'],
    summary: "One turn of userId's conversation",
    body: json(MessageBody),
    response: {
      200: { description: 'the replies and the merged slots', ...json(MessageResponse) },
      400: BAD,
      401: UNSIGNED,
      413: TOO_BIG,
      429: LIMITED,
      503: error('the conversation store is unavailable'),
    },
  },
  'DELETE /v1/conversations/:userId': {
    tags: ['API'],
    summary: "Forgets that user's conversation",
    params: json(ConversationParams),
    response: { 204: { description: 'forgotten', type: 'null' }, 400: BAD, 401: UNSIGNED },
  },
};
