import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../../src/channels/http/server.js';
import { createCore, type Core } from '../../src/core.js';
import { createMetrics } from '../../src/metrics.js';
import { captureLogger } from './capture-logger.js';

export interface TestApp {
  url: string;
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
    rateLimitPerMinute?: number;
    now?: () => Date;
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
    storePrefix: `test${randomUUID().slice(0, 8)}`,
    now: options.now,
  });
  const server = await buildServer({
    bot: core.bot,
    logger,
    metrics,
    webhookSecret: options.webhookSecret,
    webChat: options.webChat,
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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
