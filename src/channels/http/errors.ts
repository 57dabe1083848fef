import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import { StoreUnavailableError } from '../../store/store.js';

/**
 * Every status the HTTP API answers with (README, HTTP API): a status outside this list, or an
 * error body not of the shape below, is a bug (the fuzz suite checks both).
 */
export const API_STATUSES = [
  200, 204, 400, 401, 404, 408, 413, 414, 415, 429, 431, 500, 503,
] as const;

/** An error the API answers on purpose, with its status and code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The error body of CONTRACT.md: `{"error": {"code", "message"}}`. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send(errorBody(code, message));
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** fastify's and our errors as the contract's status, code and message. */
export function describeError(err: Error & { statusCode?: number; code?: string }): {
  status: number;
  code: string;
  message: string;
} {
  if (err instanceof HttpError)
    return { status: err.statusCode, code: err.code, message: err.message };
  if (err instanceof StoreUnavailableError) {
    const message = 'the conversation store is unavailable; retry later';
    return { status: 503, code: 'store_unavailable', message };
  }
  const status = err.statusCode ?? 500;
  if (status === 413)
    return { status, code: 'payload_too_large', message: 'the body is over 64 KiB' };
  if (status === 414) return { status, code: 'uri_too_long', message: 'the URL is too long' };
  if (status === 415) {
    const message = 'send the body as application/json';
    return { status, code: 'unsupported_media_type', message };
  }
  if (status >= 400 && status < 500) {
    // FST_ERR_BAD_URL, a bad Content-Length... : the client's mistake, in the contract's 400.
    const code = err.code === 'invalid_json' ? 'invalid_json' : 'invalid_request';
    return { status: 400, code, message: err.message };
  }
  return { status: 500, code: 'internal', message: 'something went wrong on our side' };
}

/** The server's error handler: every error in the contract's shape, a 500 logged (masked). */
export function handleError(
  err: FastifyError | Error,
  req: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { status, code, message } = describeError(err);
  if (status === 503) req.log.warn({ err: err.message }, 'store unavailable');
  if (status === 500) {
    req.log.error({ err: { message: err.message, stack: err.stack } }, 'unhandled error');
  }
  return sendError(reply, status, code, message);
}

/**
 * Errors node's HTTP parser meets before fastify sees a request (a malformed request line, headers
 * over 16 KiB, a request not received within requestTimeout): answered in the contract's shape
 * on the raw socket, which is then closed.
 */
export function clientErrorHandler(logger: Logger) {
  return (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, code, message] =
      err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'the request was not received in time']
        : err.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'headers_too_large', 'the request headers are too large']
          : [400, 'bad_request', 'the request could not be read'];
    logger.debug({ code: err.code }, 'client error');
    if (socket.writable) {
      const body = JSON.stringify(errorBody(code, message));
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
}
