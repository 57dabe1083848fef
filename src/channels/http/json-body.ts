import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

/** Reads a JSON body as text first, so the signature can be checked over the exact bytes sent. */
function parseJsonKeepingRaw(
  req: FastifyRequest,
  body: string,
  done: (err: Error | null, value?: unknown) => void,
) {
  req.rawBody = body;
  if (body.trim() === '') return done(null, undefined);
  try {
    done(null, JSON.parse(body));
  } catch {
    done(new HttpError(400, 'invalid_json', 'the body is not valid JSON'));
  }
}

/**
 * The API takes JSON bodies only: any other content type gets fastify's 415 (rendered in the
 * contract's shape). Not parsing `text/plain` as JSON matters: a cross-site HTML form can post
 * `text/plain` without a CORS preflight, `application/json` it cannot.
 */
export function acceptJsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonKeepingRaw);
}
