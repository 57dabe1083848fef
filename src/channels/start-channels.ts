import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { TurnHandler } from '../turn.js';
import { describeError } from './chat-common.js';
import { createTelegramChannel } from './telegram.js';
import { createWechatChannel, type PuppetInstance } from './wechat.js';

export type ChannelName = 'telegram' | 'wechat';

export type ChannelsConfig = Pick<
  Config,
  | 'TELEGRAM_BOT_TOKEN'
  | 'TELEGRAM_API_ROOT'
  | 'TELEGRAM_WEBHOOK_URL'
  | 'TELEGRAM_WEBHOOK_SECRET'
  | 'WECHATY_PUPPET'
  | 'WECHATY_PUPPET_SERVICE_TOKEN'
>;

export interface ChannelsOptions {
  config: ChannelsConfig;
  handleTurn: TurnHandler;
  logger: Logger;
  /** The HTTP server, not listening yet: the Telegram webhook route is mounted on it. */
  app: FastifyInstance;
  /** A wechaty puppet instance instead of WECHATY_PUPPET's npm name (tests). */
  wechatPuppet?: PuppetInstance;
}

export interface Channels {
  /** Starts every configured channel; one failing is logged and the others go on. Returns those started. */
  start(): Promise<ChannelName[]>;
  /** Stops the started channels, letting the turns under way finish. */
  stop(reason?: string): Promise<void>;
}

interface Runnable {
  name: ChannelName;
  start(): Promise<void>;
  stop(reason?: string): Promise<void>;
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
  ].filter((s): s is string => Boolean(s));
  const configured: Runnable[] = [];
  let running: Runnable[] = [];
  let stopped = false;

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
      configured.push({ name: 'telegram', start: telegram.start, stop: telegram.stop });
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
      const stopping = running;
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
