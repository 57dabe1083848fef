import type { Answerer } from './answers/answerer.js';
import type { Action } from './dialogue/action.js';
import { decide } from './dialogue/decide.js';
import { emptyState, type ConversationState } from './dialogue/state.js';
import type { DialogueRules } from './dialogue/rules.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { ParseResult, Understanding } from './nlu/parse.js';
import { keepAnswer, readKeptAnswer } from './kept-answer.js';
import { maskPersonalData } from './logger.js';
import { StoreUnavailableError, type ConversationKey, type Store } from './store/store.js';
import type { ObservedTurn } from './review/miss.js';
import type { Reply, TurnInput, TurnResult } from './turn.js';
import { createHash } from 'node:crypto';

/** What a reply asks the person for (TurnResult.asking). */
function askingOf(action: Action): TurnResult['asking'] {
  return action.kind === 'ask' ? action.slot : action.kind === 'clarify' ? 'topic' : undefined;
}

/** A short fingerprint of the replies, kept to notice a reply about to repeat itself. */
function fingerprint(replies: readonly Reply[]): string {
  const hash = createHash('sha256');
  for (const r of replies) hash.update(r.text).update('\u0000');
  return hash.digest('base64').slice(0, 16);
}

/** A redelivered message id is ignored for this long (platforms redeliver within a day). */
const DEDUPE_SECONDS = 24 * 60 * 60;

/** How long a health check waits for the store: it must answer within a second. */
const HEALTH_PING_MS = 500;

export const UNAVAILABLE_REPLY = '暂时无法服务，请稍后再试。';

export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited; retry in ${retryAfterSeconds} s`);
  }
}

export interface Bot {
  /** One turn of one user's conversation: understand, decide, answer, remember. */
  handleTurn(input: TurnInput): Promise<TurnResult>;
  /** Understanding only; no conversation state is touched. */
  parse(text: string): ParseResult;
  /** Forgets a conversation. */
  forget(key: ConversationKey): Promise<void>;
  health(): Promise<{ ok: boolean; store: 'redis' | 'memory' }>;
}

export interface BotOptions {
  understanding: Understanding;
  rules: DialogueRules;
  answerer: Answerer;
  store: Store<ConversationState>;
  logger: Logger;
  metrics?: Metrics;
  rateLimitPerMinute: number;
  now?: () => Date;
  /** Told of every turn taken (the miss log); must not throw. */
  onTurn?: (turn: ObservedTurn) => void;
}

export function createBot(options: BotOptions): Bot {
  const { understanding, rules, answerer, store, logger, metrics } = options;
  const now = options.now ?? (() => new Date());

  async function handleTurn(input: TurnInput): Promise<TurnResult> {
    const key = { channel: input.channel, userId: input.userId };
    const parsed = understanding.parse(input.text, now());
    metrics?.turns.inc({ channel: input.channel });
    try {
      const outcome = await store.turn(
        key,
        {
          claim:
            input.messageId === undefined
              ? undefined
              : { messageId: input.messageId, ttlSeconds: DEDUPE_SECONDS },
          rate: {
            subject: `${input.channel}:${input.userId}`,
            limit: options.rateLimitPerMinute,
            windowSeconds: 60,
          },
        },
        (current) => {
          const at = now();
          const state = current ?? emptyState(at);
          const decision = decide(state, parsed, rules, at);
          let replies = answerer.answer(decision.action, at);
          // never the same reply twice in a row to a new message: say what was understood
          if (state.lastReply !== undefined && fingerprint(replies) === state.lastReply) {
            replies = answerer.rephrase(decision.action, replies, parsed.slots);
          }
          const next: ConversationState = {
            ...decision.state,
            lastReply: fingerprint(replies),
            version: state.version + 1,
            updatedAt: at.toISOString(),
          };
          return {
            value: next,
            result: {
              replies,
              slots: next.slots,
              action: decision.action,
              intent: decision.intent,
              pendingBefore: state.pending,
              defaulted: next.defaulted,
            },
            keep: keepAnswer({
              replies,
              intent: decision.intent,
              asking: askingOf(decision.action),
            }),
          };
        },
      );
      if (outcome.status === 'duplicate') {
        // The same answer again for a retry; the state as it is now.
        const kept = readKeptAnswer(outcome.kept, logger);
        const slots = outcome.current?.slots ?? {};
        return { replies: [], intent: parsed.intent, ...kept, slots, duplicate: true };
      }
      if (outcome.status === 'limited') throw new RateLimitedError(outcome.retryAfterSeconds);
      const result = outcome.result;
      metrics?.intents.inc({ intent: result.intent.name });
      if (result.action.kind === 'clarify') metrics?.fallbacks.inc({ kind: 'clarify' });
      if (parsed.intent.name === 'out_of_scope') metrics?.fallbacks.inc({ kind: 'out_of_scope' });
      const { action, pendingBefore, defaulted } = result;
      const ranking = parsed.ranking;
      options.onTurn?.({
        text: input.text,
        intent: result.intent.name,
        action,
        ranking,
        pendingBefore,
        defaulted,
      });
      logger.debug(
        { channel: input.channel, intent: result.intent.name, action: result.action.kind },
        'turn',
      );
      const asking = askingOf(action);
      return {
        replies: result.replies,
        intent: result.intent,
        slots: result.slots,
        ...(asking ? { asking } : {}),
      };
    } catch (err) {
      if (err instanceof RateLimitedError) throw err;
      if (err instanceof StoreUnavailableError) {
        metrics?.storeErrors.inc();
        logger.warn({ channel: input.channel, err: err.message }, 'store unavailable for a turn');
        return {
          replies: [{ text: UNAVAILABLE_REPLY }],
          intent: parsed.intent,
          slots: parsed.slots,
        };
      }
      logger.error(
        { channel: input.channel, err: maskPersonalData((err as Error).message) },
        'turn failed',
      );
      throw err;
    }
  }

  return {
    handleTurn,
    parse: (text) => understanding.parse(text, now()),
    forget: (key) => store.delete(key),
    health: async () => ({ ok: await store.ping(HEALTH_PING_MS), store: store.kind }),
  };
}
