import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Bot } from '../../bot.js';
import { RateLimitedError } from '../../bot.js';
import { StoreUnavailableError } from '../../store/store.js';
import { sendError } from '../http/errors.js';
import { loadPageFiles } from './page-files.js';
import { isSameOrigin } from './same-origin.js';
import { WebMessageBody } from './schemas.js';

/** The page's own routes are not the integrators' API: left out of /openapi.json. */
const HIDDEN = { hide: true } as const;
import { WEB_ERRORS } from './texts.js';
import { newVisitorId, visitorCookie, visitorIdOf } from './visitor.js';

export interface WebChatOptions {
  bot: Bot;
}

/** Secure cookies only where the page came over HTTPS (directly or through a TLS proxy). */
function cameOverHttps(req: FastifyRequest): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return req.protocol === 'https' || proto === 'https';
}

/** The visitor's id from the cookie, or a new one that this reply sets. */
function visitorOf(req: FastifyRequest, reply: FastifyReply): string {
  const known = visitorIdOf(req.headers.cookie);
  if (known) return known;
  const id = newVisitorId();
  reply.header('set-cookie', visitorCookie(id, cameOverHttps(req)));
  return id;
}

/**
 * The web chat: its page (`GET /` and the page's files) and its own door to the core. The page
 * does not sign; a visitor is known by an HttpOnly, SameSite=Strict cookie the server issues,
 * only same-origin requests are taken, and its turns are channel `web`, counted against the
 * rate limit per visitor. It is a plugin of its own, so its errors are worded in Chinese
 * for the page to show, whatever the API's error handler says.
 */
export async function webChat(app: FastifyInstance, options: WebChatOptions): Promise<void> {
  const { bot } = options;
  const files = await loadPageFiles();

  for (const file of files) {
    app.get(file.path, file.path === '/' ? {} : { schema: HIDDEN }, async (req, reply) => {
      reply.header('cache-control', 'no-cache').header('etag', file.etag);
      if (file.path === '/') visitorOf(req, reply);
      if (req.headers['if-none-match'] === file.etag) return reply.code(304).send();
      return reply.type(file.type).send(file.body);
    });
  }

  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413) return sendError(reply, 413, 'payload_too_large', WEB_ERRORS.tooLarge);
    if (err instanceof StoreUnavailableError) {
      req.log.warn({ err: err.message }, 'store unavailable');
      return sendError(reply, 503, 'store_unavailable', WEB_ERRORS.unavailable);
    }
    if (status >= 400 && status < 500)
      return sendError(reply, status, 'invalid_request', WEB_ERRORS.badRequest);
    req.log.error({ err: { message: err.message, stack: err.stack } }, 'unhandled error');
    return sendError(reply, 500, 'internal', WEB_ERRORS.internal);
  });

  // Checked before the body is even read: another site's page gets nothing from these routes.
  const sameOriginOnly = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!isSameOrigin(req.headers))
      return sendError(reply, 403, 'not_same_origin', WEB_ERRORS.notSameOrigin);
  };

  app.post('/web/messages', { schema: HIDDEN, onRequest: sameOriginOnly }, async (req, reply) => {
    const body = WebMessageBody.safeParse(req.body ?? {});
    if (!body.success) {
      return sendError(reply, 400, 'invalid_request', body.error.issues[0]!.message);
    }
    const userId = visitorOf(req, reply);
    try {
      const result = await bot.handleTurn({ channel: 'web', userId, ...body.data });
      return { replies: result.replies, intent: result.intent, slots: result.slots };
    } catch (err) {
      if (!(err instanceof RateLimitedError)) throw err;
      reply.header('retry-after', String(err.retryAfterSeconds));
      return sendError(reply, 429, 'rate_limited', WEB_ERRORS.rateLimited(err.retryAfterSeconds));
    }
  });

  app.delete(
    '/web/conversation',
    { schema: HIDDEN, onRequest: sameOriginOnly },
    async (req, reply) => {
      const userId = visitorIdOf(req.headers.cookie);
      if (userId) await bot.forget({ channel: 'web', userId });
      return reply.code(204).send();
    },
  );
}
