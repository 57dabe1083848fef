import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/channels/http/server.js';
import type { RateLimits } from '../../src/channels/http/rate-limits.js';
import type { Timeouts } from '../../src/channels/http/timeouts.js';
import { createCore, type Core } from '../../src/core.js';
import { createMetrics } from '../../src/metrics.js';
import { signRequest } from '../../src/signature.js';
import { captureLogger } from './capture-logger.js';

export interface TestApp {
  url: string;
  port: number;
  server: FastifyInstance;
  core: Core;
  logs: string[];
  close(): Promise<void>;
}

/** The real HTTP server and core on a free loopback port. */
export async function startApp(
  options: {
    redisUrl?: string;
    webhookSecret?: string;
    webChat?: boolean;
    legacySignature?: boolean;
    rateLimitPerMinute?: number;
    /** Per-address and global limits; lifted unless given (the tests all come from 127.0.0.1). */
    limits?: RateLimits;
    timeouts?: Partial<Timeouts>;
    now?: () => Date;
    /** Store key prefix; apps given the same one share conversations and counts (on Redis). */
    storePrefix?: string;
    /** Called with the server before it listens (to add a test's own hooks). */
    beforeListen?: (server: FastifyInstance) => void;
  } = {},
): Promise<TestApp> {
  const { logger, lines } = captureLogger('info');
  const metrics = createMetrics();
  const core = createCore({
    redisUrl: options.redisUrl,
    conversationTtlDays: 30,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1000,
    logger,
    metrics,
    storePrefix: options.storePrefix ?? `test${randomUUID().slice(0, 8)}`,
    now: options.now,
  });
  const server = await buildServer({
    bot: core.bot,
    logger,
    metrics,
    webhookSecret: options.webhookSecret,
    webChat: options.webChat,
    legacySignature: options.legacySignature,
    counter: core.store,
    limits: options.limits ?? { perAddressPerMinute: 1_000_000, globalPerMinute: 1_000_000 },
    timeouts: options.timeouts,
    now: options.now,
  });
  options.beforeListen?.(server);
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    core,
    logs: lines,
    close: async () => {
      await server.close();
      await core.store.close();
      await core.misses?.close();
    },
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json: json as Record<string, any>, text };
}

/** X-Timestamp and X-Signature for a request, as CONTRACT.md section 1 and the README say. */
export function signedHeaders(
  secret: string,
  method: string,
  path: string,
  body = '',
  at = new Date(),
): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    'x-timestamp': timestamp,
    'x-signature': signRequest(secret, { timestamp, method, path, body }),
  };
}

/**
 * Waits until the app's store answers (/healthz 200): the Redis client connects in the
 * background, and until it has, turns are answered "unavailable" and requests are not counted.
 */
export async function untilHealthy(app: TestApp, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await fetch(`${app.url}/healthz`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`${app.url} did not become healthy`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
