import { buildServer } from './channels/http/server.js';
import { createChannels } from './channels/start-channels.js';
import { ConfigError, loadConfig } from './config.js';
import { createCore } from './core.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';

/** Starts the HTTP API and web chat (and every channel whose settings are present). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const metrics = createMetrics();
  const started = Date.now();
  const { bot, store, misses } = createCore({
    redisUrl: config.REDIS_URL,
    redisPassword: config.REDIS_PASSWORD,
    conversationTtlDays: config.CONVERSATION_TTL_DAYS,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    missLog: config.MISS_LOG,
    logger,
    metrics,
  });
  const server = await buildServer({
    bot,
    logger,
    metrics,
    webhookSecret: config.WEBHOOK_SECRET,
    webChat: config.WEB_CHAT === 'on',
    apiDocs: config.API_DOCS,
    legacySignature: config.WEBHOOK_LEGACY_SIGNATURE,
    counter: store,
    limits: {
      perAddressPerMinute: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
      globalPerMinute: config.RATE_LIMIT_GLOBAL_PER_MINUTE,
    },
    trustProxy: config.TRUST_PROXY,
  });
  // Before listen: a Telegram webhook route is mounted on this server.
  const channels = createChannels({
    config,
    handleTurn: (input) => bot.handleTurn(input),
    logger,
    app: server,
  });
  await server.listen({ port: config.PORT, host: config.HOST });
  logger.info(
    { store: store.kind, startupMs: Date.now() - started, signed: Boolean(config.WEBHOOK_SECRET) },
    `HTTP API${config.WEB_CHAT === 'on' ? ' and web chat' : ''} on http://${config.HOST}:${config.PORT}/`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Chat channels first: polling stops and their turns under way finish while the store is open.
    await channels.stop(signal);
    await server.close();
    await store.close();
    await misses?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await channels.start();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
