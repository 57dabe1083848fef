import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../../src/channels/http/server.js';
import { replyBody } from '../../src/channels/numbered-buttons.js';
import { mountCallback } from '../../src/channels/wechat-callback/callback.js';
import type { Protocol } from '../../src/channels/wechat-callback/envelope.js';
import { createCore } from '../../src/core.js';
import { createMetrics } from '../../src/metrics.js';
import type { TurnInput } from '../../src/turn.js';
import { captureLogger } from './capture-logger.js';

export interface CallbackApp {
  url: string;
  /** Every turn the callback asked of the core, in order. */
  inputs: TurnInput[];
  logs: string[];
  /** What the core says to a new user for `text`, as the callback joins it. */
  reference(text: string): Promise<string>;
  /** Holds every turn until release() (a turn slower than the window). */
  hold(): void;
  release(): void;
  /** The next turn throws (a bug or an outage inside the core). */
  failNext(): void;
  close(): Promise<void>;
}

/** The real server and core (memory store, or `redisUrl`) with one callback, on loopback. */
export async function startCallbackApp(
  protocol: Protocol,
  options: { windowMs?: number; redisUrl?: string; storePrefix?: string; now?: () => Date } = {},
): Promise<CallbackApp> {
  const { logger, lines } = captureLogger('info');
  const metrics = createMetrics();
  const core = createCore({
    redisUrl: options.redisUrl,
    conversationTtlDays: 30,
    rateLimitPerMinute: 1000,
    logger,
    metrics,
    storePrefix: options.storePrefix ?? `test${randomUUID().slice(0, 8)}`,
  });
  const server = await buildServer({ bot: core.bot, logger, metrics });
  const inputs: TurnInput[] = [];
  let failing = false;
  let gate: { promise: Promise<void>; open: () => void } | undefined;
  const callback = mountCallback(server, {
    protocol,
    logger,
    windowMs: options.windowMs,
    now: options.now,
    handleTurn: async (input) => {
      inputs.push(input);
      if (gate) await gate.promise;
      if (failing) {
        failing = false;
        throw new Error('turn failed on purpose');
      }
      return core.bot.handleTurn(input);
    },
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    inputs,
    logs: lines,
    reference: async (text) =>
      (await core.bot.handleTurn({ channel: 'cli', userId: randomUUID(), text })).replies
        .map(replyBody)
        .join('\n\n'),
    hold() {
      let open!: () => void;
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    },
    release() {
      gate?.open();
      gate = undefined;
    },
    failNext() {
      failing = true;
    },
    close: async () => {
      await callback.stop(1000);
      await server.close();
      await core.store.close();
      await core.misses?.close();
    },
  };
}
