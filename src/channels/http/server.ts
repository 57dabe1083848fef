import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Bot } from '../../bot.js';
import { RateLimitedError } from '../../bot.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics.js';
import { webChat } from '../web/web-chat.js';
import { registerApiDocs } from './api-docs.js';
import { clientErrorHandler, describeZodError, handleError, sendError } from './errors.js';
import { acceptJsonBodies } from './json-body.js';
import { limitRequests, type RateCounter, type RateLimits } from './rate-limits.js';
import { BODY_LIMIT, ConversationParams, MessageBody, ParseBody } from './schemas.js';
import { addSecurityHeaders } from './security-headers.js';
import { refuseWhileClosing } from './shutdown.js';
import { requireSignature } from './signing.js';
import { serverTimeouts, type Timeouts } from './timeouts.js';

export interface ServerOptions {
  bot: Bot;
  logger: Logger;
  metrics: Metrics;
  webhookSecret?: string;
  /** The web chat page and its route (`WEB_CHAT`); on unless false. */
  webChat?: boolean;
  /** `GET /openapi.json` and `/docs` (API_DOCS); default on. */
  apiDocs?: boolean;
  /** WEBHOOK_LEGACY_SIGNATURE=on: also accept the body-only signature. */
  legacySignature?: boolean;
  /** Where per-address and global request counts are kept: the conversation store (default: this process). */
  counter?: RateCounter;
  limits?: RateLimits;
  /** fastify's trustProxy (TRUST_PROXY): whose X-Forwarded-For names the client address. */
  trustProxy?: boolean | string;
  timeouts?: Partial<Timeouts>;
  now?: () => Date;
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
    trustProxy: options.trustProxy ?? false,
    // Errors met before a route runs, in the contract's shape too (src/channels/http/errors.ts).
    frameworkErrors: handleError,
    clientErrorHandler: clientErrorHandler(options.logger),
    return503OnClosing: false,
    ...serverTimeouts(options.timeouts),
  });
  await registerApiDocs(app, options.apiDocs ?? true);

  refuseWhileClosing(app);
  acceptJsonBodies(app);
  await addSecurityHeaders(app);
  await limitRequests(app, options.counter, options.limits);
  const signed = requireSignature({
    secret: webhookSecret,
    legacy: options.legacySignature,
    now: options.now,
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unknown';
    metrics.httpRequests.inc({ method: req.method, route, status: reply.statusCode });
    metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    req.log.info(
      { method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  app.setErrorHandler(handleError);

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

  app.post('/v1/messages', { preHandler: signed }, async (req, reply) => {
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

  app.delete('/v1/conversations/:userId', { preHandler: signed }, async (req, reply) => {
    const params = ConversationParams.safeParse(req.params);
    if (!params.success)
      return sendError(reply, 400, 'invalid_request', describeZodError(params.error));
    await bot.forget({ channel: 'http', userId: params.data.userId });
    return reply.code(204).send();
  });

  return app;
}
