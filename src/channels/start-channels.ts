import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { TurnHandler } from '../turn.js';
import { describeError } from './chat-common.js';
import { createTelegramChannel, isPassingStartError } from './telegram.js';
import { createWechatChannel, type PuppetInstance } from './wechat.js';
import { callbackChannels, type CallbackConfig } from './wechat-callback/from-config.js';

export type ChannelName = 'telegram' | 'wechat' | 'wechat-mp' | 'wecom';

export type ChannelsConfig = Pick<
  Config,
  | 'TELEGRAM_BOT_TOKEN'
  | 'TELEGRAM_API_ROOT'
  | 'TELEGRAM_WEBHOOK_URL'
  | 'TELEGRAM_WEBHOOK_SECRET'
  | 'WECHATY_PUPPET'
  | 'WECHATY_PUPPET_SERVICE_TOKEN'
  | 'WECHATY_SESSION_PATH'
> &
  CallbackConfig;

export interface ChannelsOptions {
  config: ChannelsConfig;
  handleTurn: TurnHandler;
  logger: Logger;
  /** The HTTP server, not listening yet: the Telegram webhook route is mounted on it. */
  app: FastifyInstance;
  /** A wechaty puppet instance instead of WECHATY_PUPPET's npm name (tests). */
  wechatPuppet?: PuppetInstance;
  /** Waits between tries of a channel whose start failed for a passing reason. */
  retry?: { firstDelayMs: number; maxDelayMs: number };
}

/** 1 s, 2 s, 4 s ... then once a minute. */
const DEFAULT_RETRY = { firstDelayMs: 1000, maxDelayMs: 60_000 };

export interface Channels {
  /**
   * Starts every configured channel; one failing is logged and the others go on. A channel that
   * failed for a passing reason (Telegram's API unreachable, 429 or 5xx) is tried again in the
   * background, with waits doubling up to a minute, until it starts or stop() is called.
   * Returns the channels started at once.
   */
  start(): Promise<ChannelName[]>;
  /** Stops the started channels, letting the turns under way finish. */
  stop(reason?: string): Promise<void>;
}

interface Runnable {
  name: ChannelName;
  start(): Promise<void>;
  stop(reason?: string): Promise<void>;
  /** True when start() failed this way for a passing reason and may simply be called again. */
  canRetry?: (err: unknown) => boolean;
}

/**
 * The chat channels whose settings are present (CONTRACT.md section 6). Create it before the
 * server listens (the Telegram webhook route is mounted at once), start it after.
 */
export function createChannels(options: ChannelsOptions): Channels {
  const { config, handleTurn, logger } = options;
  const secrets = [
    config.TELEGRAM_BOT_TOKEN,
    config.TELEGRAM_WEBHOOK_SECRET,
    config.WECHATY_PUPPET_SERVICE_TOKEN,
    config.WECHAT_MP_TOKEN,
    config.WECHAT_MP_AES_KEY,
    config.WECOM_TOKEN,
    config.WECOM_AES_KEY,
  ].filter((s): s is string => Boolean(s));
  const configured: Runnable[] = [];
  let running: Runnable[] = [];
  let stopped = false;
  const retry = options.retry ?? DEFAULT_RETRY;
  /** Channels waiting for their next try, and the starts of those being tried now. */
  const retryTimers = new Map<NodeJS.Timeout, Runnable>();
  const retrying = new Set<Promise<void>>();

  const failed = (name: ChannelName, err: unknown) =>
    logger.error(
      { channel: name, err: describeError(err, secrets) },
      `${name} channel failed to start; the other channels go on without it`,
    );

  if (config.TELEGRAM_BOT_TOKEN) {
    try {
      const telegram = createTelegramChannel({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhook: config.TELEGRAM_WEBHOOK_URL
          ? {
              url: config.TELEGRAM_WEBHOOK_URL,
              secret: config.TELEGRAM_WEBHOOK_SECRET,
              app: options.app,
            }
          : undefined,
        handleTurn,
        logger,
      });
      configured.push({
        name: 'telegram',
        start: telegram.start,
        stop: telegram.stop,
        canRetry: isPassingStartError,
      });
    } catch (err) {
      failed('telegram', err);
    }
  } else if (config.TELEGRAM_WEBHOOK_URL) {
    logger.warn('TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not: Telegram stays off');
  }

  const puppet = options.wechatPuppet ?? config.WECHATY_PUPPET;
  if (puppet) {
    try {
      const wechat = createWechatChannel({
        puppet,
        puppetToken: config.WECHATY_PUPPET_SERVICE_TOKEN,
        sessionPath: config.WECHATY_SESSION_PATH,
        handleTurn,
        logger,
      });
      configured.push({ name: 'wechat', start: wechat.start, stop: wechat.stop });
    } catch (err) {
      failed('wechat', err);
    }
  } else if (config.WECHATY_PUPPET_SERVICE_TOKEN) {
    logger.warn(
      'WECHATY_PUPPET_SERVICE_TOKEN is set but WECHATY_PUPPET is not: WeChat stays off ' +
        '(set WECHATY_PUPPET=wechaty-puppet-service)',
    );
  }

  // The Official Account and WeCom callbacks: routes on this server, called by the platforms.
  configured.push(...callbackChannels(config, options.app, handleTurn, logger));

  /** Tries `channel` again after a wait, and again after longer waits while it fails. */
  function retryLater(channel: Runnable, err: unknown, attempt: number) {
    if (stopped) return;
    const delayMs = Math.min(retry.firstDelayMs * 2 ** (attempt - 1), retry.maxDelayMs);
    logger.error(
      { channel: channel.name, err: describeError(err, secrets), attempt, retryInMs: delayMs },
      `${channel.name} channel failed to start; trying again in ${Math.round(delayMs / 1000)} s`,
    );
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      const attemptDone = channel.start().then(
        async () => {
          if (stopped) return channel.stop('stopped while starting');
          running.push(channel);
          logger.info(
            { channel: channel.name, attempts: attempt + 1 },
            `${channel.name} channel started`,
          );
        },
        (next: unknown) => {
          if (!channel.canRetry?.(next)) {
            failed(channel.name, next);
            return channel.stop('failed to start');
          }
          retryLater(channel, next, attempt + 1);
        },
      );
      const tracked = attemptDone.catch(() => undefined);
      retrying.add(tracked);
      void tracked.finally(() => retrying.delete(tracked));
    }, delayMs);
    timer.unref();
    retryTimers.set(timer, channel);
  }

  return {
    async start() {
      const results = await Promise.allSettled(configured.map((c) => c.start()));
      running = [];
      for (const [i, result] of results.entries()) {
        const channel = configured[i]!;
        if (result.status === 'fulfilled') {
          running.push(channel);
          continue;
        }
        if (!stopped && channel.canRetry?.(result.reason)) {
          retryLater(channel, result.reason, 1);
          continue;
        }
        failed(channel.name, result.reason);
        // Release what it holds; a Telegram webhook route answers 503 from now on.
        await channel.stop('failed to start').catch(() => undefined);
      }
      if (stopped) {
        // stop() came while starting (a signal at start-up): stop what has started since.
        await Promise.all(
          running.map((c) => c.stop('stopped while starting').catch(() => undefined)),
        );
        running = [];
        return [];
      }
      const started = running.map((c) => c.name);
      if (configured.length === 0) {
        logger.info(
          'no chat channel configured (set TELEGRAM_BOT_TOKEN or WECHATY_PUPPET to add one)',
        );
      }
      logger.info(
        { channels: ['http', ...started] },
        `channels started: ${['http', ...started].join(', ')}`,
      );
      return started;
    },
    async stop(reason = 'stop') {
      stopped = true;
      const waiting = [...retryTimers];
      retryTimers.clear();
      for (const [timer] of waiting) clearTimeout(timer);
      // A start being tried now stops its channel itself once it settles.
      await Promise.all([...retrying]);
      const stopping = [...running, ...waiting.map(([, channel]) => channel)];
      running = [];
      await Promise.all(
        stopping.map((c) =>
          c
            .stop(reason)
            .catch((err: unknown) =>
              logger.error(
                { channel: c.name, err: describeError(err, secrets) },
                'channel stop failed',
              ),
            ),
        ),
      );
    },
  };
}
