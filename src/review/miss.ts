import type { Action } from '../dialogue/action.js';
import type { Pending } from '../dialogue/state.js';
import { maskPersonalData } from '../logger.js';
import type { Ranked } from '../nlu/classifier.js';
import type { IntentName } from '../nlu/intent-names.js';

/** What the bot saw and did in one turn: all a miss review needs, nothing about the person. */
export interface ObservedTurn {
  text: string;
  /** The intent the turn was taken as. */
  intent: IntentName;
  action: Action;
  /** The understanding's ranking, best first. */
  ranking: readonly Ranked<IntentName>[];
  /** The question the bot was waiting on before this turn, if any. */
  pendingBefore?: Pending;
  /** The slots the bot has filled with a default for the current question, after this turn. */
  defaulted: readonly string[];
}

/** How a turn missed: what maintainers should look at. */
export const MISS_KINDS = ['out_of_scope', 'clarify', 'asked_again', 'default_taken'] as const;
export type MissKind = (typeof MISS_KINDS)[number];

/** One recorded miss: no user id, personal numbers masked, the text cut short. */
export interface Miss {
  kind: MissKind;
  /** The intent it came closest to (the one to add training sentences or answers for). */
  nearest: IntentName | 'none';
  text: string;
}

/** Enough to recognise the question; the rest of a long message is not kept. */
export const MAX_MISS_TEXT = 200;

/**
 * Whether this turn was a miss: taken as out of scope, answered with a clarifying question,
 * a question the bot had to ask again, or a default the bot took because the answer to its
 * question was not understood.
 */
export function classifyMiss(turn: ObservedTurn): Miss | undefined {
  const { action, pendingBefore } = turn;
  const text = maskPersonalData(turn.text.trim()).slice(0, MAX_MISS_TEXT);
  if (turn.intent === 'out_of_scope') {
    const nearest = turn.ranking.find((r) => r.name !== 'out_of_scope')?.name ?? 'none';
    return { kind: 'out_of_scope', nearest, text };
  }
  if (action.kind === 'clarify')
    return { kind: 'clarify', nearest: action.options[0] ?? 'none', text };
  const waited = pendingBefore?.slot;
  if (!waited) return undefined;
  // The answer to the bot's question was not understood: it gave up and took a default (then
  // went on to the next question or the answer), or it asked again.
  if (turn.defaulted.includes(waited))
    return { kind: 'default_taken', nearest: pendingBefore.intent, text };
  if (action.kind === 'ask' && action.slot === waited && action.intent === pendingBefore.intent)
    return { kind: 'asked_again', nearest: action.intent, text };
  return undefined;
}
