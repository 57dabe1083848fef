import { createAnswerer } from './answers/answerer.js';
import { createCalculators } from './answers/calculators.js';
import { loadSlotLabels } from './answers/describe-slots.js';
import { loadChatTexts, loadKnowledge } from './answers/texts.js';
import { createBot, type Bot } from './bot.js';
import { createRequirements } from './answers/requirements.js';
import { buildRules } from './dialogue/rules.js';
import { ConversationStateSchema, type ConversationState } from './dialogue/state.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { loadIntents } from './nlu/intents.js';
import { loadLexicon } from './nlu/lexicon.js';
import { createUnderstanding } from './nlu/parse.js';
import { loadPolicies } from './policies/load.js';
import { createStore } from './store/create-store.js';
import type { Store } from './store/store.js';
import { createMissStream, type MissStream } from './store/miss-stream.js';
import { recordMisses } from './review/record.js';

export interface CoreOptions {
  redisUrl?: string;
  /** REDIS_PASSWORD: used when REDIS_URL carries none. */
  redisPassword?: string;
  conversationTtlDays: number;
  rateLimitPerMinute: number;
  logger: Logger;
  metrics?: Metrics;
  /** Key prefix in the store (tests use their own). */
  storePrefix?: string;
  now?: () => Date;
  /** MISS_LOG: record misunderstood messages for `npm run review` (with Redis only). */
  missLog?: boolean;
}

export interface Core {
  bot: Bot;
  store: Store<ConversationState>;
  /** The miss log, when on; close it with the store. */
  misses?: MissStream;
}

/**
 * Loads the data (intents, policies, reply texts; a bad file stops start-up naming it), trains
 * the matcher and wires understanding, dialogue, answers and the store into one bot.
 */
export function createCore(options: CoreOptions): Core {
  const intents = loadIntents();
  const understanding = createUnderstanding({ intents, lexicon: loadLexicon() });
  const policies = loadPolicies();
  const rules = buildRules(intents, createRequirements(policies));
  const answerer = createAnswerer({
    chat: loadChatTexts(),
    knowledge: loadKnowledge(),
    labels: loadSlotLabels(),
    calculators: createCalculators(policies),
  });
  const store = createStore({
    redisUrl: options.redisUrl,
    redisPassword: options.redisPassword,
    schema: ConversationStateSchema,
    ttlMs: options.conversationTtlDays * 24 * 60 * 60 * 1000,
    prefix: options.storePrefix,
    logger: options.logger,
  });
  const misses =
    options.redisUrl && options.missLog !== false
      ? createMissStream({
          redisUrl: options.redisUrl,
          key: `${options.storePrefix ?? 'shebao'}:misses`,
          logger: options.logger,
        })
      : undefined;
  const bot = createBot({
    onTurn: misses && recordMisses(misses),
    understanding,
    rules,
    answerer,
    store,
    logger: options.logger,
    metrics: options.metrics,
    rateLimitPerMinute: options.rateLimitPerMinute,
    now: options.now,
  });
  return { bot, store, misses };
}
