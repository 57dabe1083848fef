import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import type { Bot } from '../../bot.js';
import { RateLimitedError } from '../../bot.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics.js';
import { verifySignature } from '../../signature.js';
import { StoreUnavailableError } from '../../store/store.js';
import { webChat } from '../web/web-chat.js';
import { registerApiDocs } from './api-docs.js';
import { describeZodError, sendError } from './errors.js';
import { BODY_LIMIT, ConversationParams, MessageBody, ParseBody } from './schemas.js';

export interface ServerOptions {
  bot: Bot;
  logger: Logger;
  metrics: Metrics;
  webhookSecret?: string;
  /** The web chat page and its route (`WEB_CHAT`); on unless false. */
  webChat?: boolean;
  /** `GET /openapi.json` and `/docs` (API_DOCS); default on. */
  apiDocs?: boolean;
}

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
    const err = new Error('the body is not valid JSON') as Error & {
      statusCode: number;
      code: string;
    };
    err.statusCode = 400;
    err.code = 'invalid_json';
    done(err);
  }
}

/** The HTTP API of CONTRACT.md section 1 and the web chat page. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { bot, metrics, webhookSecret } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    // One log line a request, written by the onResponse hook below (route, status, time only).
    logController: new LogController({ disableRequestLogging: true }),
    // Long enough that an over-long userId gets the contract's 400, not fastify's 414.
    routerOptions: { maxParamLength: 1024 },
  });
  await registerApiDocs(app, options.apiDocs ?? true);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, parseJsonKeepingRaw);

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unknown';
    metrics.httpRequests.inc({ method: req.method, route, status: reply.statusCode });
    metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    req.log.info(
      { method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413)
      return sendError(reply, 413, 'payload_too_large', 'the body is over 64 KiB');
    if (err instanceof StoreUnavailableError) {
      req.log.warn({ err: err.message }, 'store unavailable');
      return sendError(
        reply,
        503,
        'store_unavailable',
        'the conversation store is unavailable; retry later',
      );
    }
    if (status >= 400 && status < 500) {
      const code = err.code === 'invalid_json' ? 'invalid_json' : 'invalid_request';
      return sendError(reply, status, code, err.message);
    }
    req.log.error({ err: { message: err.message, stack: err.stack } }, 'unhandled error');
    return sendError(reply, 500, 'internal', 'something went wrong on our side');
  });

  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, 'not_found', `no route ${req.method} ${req.url.split('?')[0]}`),
  );

  if (options.webChat !== false) await app.register(webChat, { bot });

  app.get('/healthz', async (_req, reply) => {
    const health = await bot.health();
    return reply
      .code(health.ok ? 200 : 503)
      .send({ status: health.ok ? 'ok' : 'degraded', store: health.store });
  });

  app.get('/metrics', async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );

  app.post('/v1/parse', async (req, reply) => {
    const body = ParseBody.safeParse(req.body);
    if (!body.success)
      return sendError(reply, 400, 'invalid_request', describeZodError(body.error));
    const { text, intent, ranking, slots, scheme, domain, confirm } = bot.parse(body.data.text);
    return {
      text,
      intent,
      ranking,
      slots,
      ...(scheme ? { scheme } : {}),
      ...(domain ? { domain } : {}),
      ...(confirm ? { confirm } : {}),
    };
  });

  app.post('/v1/messages', async (req, reply) => {
    if (
      webhookSecret &&
      !verifySignature(
        webhookSecret,
        req.rawBody ?? '',
        req.headers['x-signature'] as string | undefined,
      )
    ) {
      return sendError(reply, 401, 'unauthorized', 'missing or wrong X-Signature');
    }
    const body = MessageBody.safeParse(req.body);
    if (!body.success)
      return sendError(reply, 400, 'invalid_request', describeZodError(body.error));
    try {
      const result = await bot.handleTurn({ channel: 'http', ...body.data });
      const { replies, intent, slots, asking } = result;
      return { replies, intent, slots, ...(asking ? { asking } : {}) };
    } catch (err) {
      if (err instanceof RateLimitedError) {
        reply.header('Retry-After', String(err.retryAfterSeconds));
        return sendError(
          reply,
          429,
          'rate_limited',
          `too many messages; retry in ${err.retryAfterSeconds} s`,
        );
      }
      throw err;
    }
  });

  app.delete('/v1/conversations/:userId', async (req, reply) => {
    const params = ConversationParams.safeParse(req.params);
    if (!params.success)
      return sendError(reply, 400, 'invalid_request', describeZodError(params.error));
    await bot.forget({ channel: 'http', userId: params.data.userId });
    return reply.code(204).send();
  });

  return app;
}
