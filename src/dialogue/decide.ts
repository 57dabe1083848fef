import type { Ranked } from '../nlu/classifier.js';
import type { IntentName } from '../nlu/intent-names.js';
import type { ParseResult } from '../nlu/parse.js';
import { normalize } from '../nlu/normalize.js';
import { namesOnlyScheme, type Scheme } from '../nlu/scheme.js';
import type { SlotName, Slots } from '../nlu/slot-schema.js';
import type { Action } from './action.js';
import { askApplies, type DialogueRules } from './rules.js';
import type { ConversationState } from './state.js';

/** Intents that are not questions about insurance: they never become the topic. */
const CHAT_INTENTS = new Set<IntentName>(['greet', 'help', 'thanks_bye', 'out_of_scope']);

/** Facts about the person, kept when the topic changes; other slots belong to one question. */
export const PERSON_SLOTS: readonly SlotName[] = [
  'age',
  'birthYear',
  'birthMonth',
  'gender',
  'jobCategory',
  'region',
  'monthlyIncome',
  'employment',
  'hukou',
  'specialGroup',
  'contributionYears',
  'accountBalance',
];

/** Two intents closer than this are a near tie, worth a clarifying question. */
export const TIE_MARGIN = 0.12;
/** ...but only when the top one is itself this unsure. */
export const TIE_CEILING = 0.6;
/** The bot asks for one slot at most this many times in a row. */
const MAX_ASKS = 2;

const FOLLOW_UP = /^(那|那么|那要是|要是|如果是)|呢[?？]?$/;

/** A short "那养老呢" kind of message: the same question again, about something else. */
const isFollowUp = (text: string) => text.length <= 12 && FOLLOW_UP.test(text);

export interface Decision {
  state: ConversationState;
  action: Action;
  /** The intent this turn was taken as, after context (follow-ups, answers to questions). */
  intent: Ranked<IntentName>;
}

function pick(slots: Slots, names: readonly SlotName[]): Slots {
  const out: Record<string, unknown> = {};
  for (const n of names) if (slots[n] !== undefined) out[n] = slots[n];
  return out as Slots;
}

function isTopic(name: IntentName): boolean {
  return !CHAT_INTENTS.has(name) && name !== 'reset' && name !== 'inform';
}

/** Which intent the person means, given what the conversation was about. */
function interpret(
  state: ConversationState,
  parsed: ParseResult,
  rules: DialogueRules,
): IntentName {
  const name = parsed.intent.name;
  const text = parsed.text.trim();
  const hasSlots = Object.keys(parsed.slots).length > 0;
  if (state.topic && isFollowUp(text)) {
    const counterpart = rules.get(state.topic)?.counterpart;
    const top = parsed.ranking.slice(0, 3).map((r) => r.name);
    if (counterpart && top.includes(counterpart) && name !== state.topic) return counterpart;
    if (name === 'inform' || name === 'out_of_scope') return state.topic;
  }
  // "居民医保" in answer to "职工医保还是居民医保？": an answer, not a new question.
  if (state.pending && parsed.scheme && namesOnlyScheme(normalize(text))) {
    const { intent, slot } = state.pending;
    const ask = rules.get(intent)?.asks.find((a) => a.slot === slot);
    if (ask?.unlessScheme?.includes(parsed.scheme)) return intent;
  }
  if (name === 'inform' || (name === 'out_of_scope' && hasSlots)) {
    if (state.pending) return state.pending.intent;
    if (state.topic) return state.topic;
    return 'inform';
  }
  if (name === 'out_of_scope' && state.pending) return state.pending.intent;
  return name;
}

/**
 * The dialogue policy, a pure function: from the remembered state and this turn's parse, the
 * new state and what to do (answer, ask for one missing slot, clarify, note, reset).
 */
export function decide(
  state: ConversationState,
  parsed: ParseResult,
  rules: DialogueRules,
): Decision {
  const ranked = (name: IntentName): Ranked<IntentName> =>
    name === parsed.intent.name
      ? parsed.intent
      : (parsed.ranking.find((r) => r.name === name) ?? {
          name,
          confidence: parsed.intent.confidence,
        });

  if (parsed.intent.name === 'reset' && parsed.confirm) {
    return { state, action: { kind: 'confirm_reset' }, intent: parsed.intent };
  }
  if (parsed.intent.name === 'reset') {
    return {
      state: { version: state.version, slots: {}, defaulted: [], updatedAt: state.updatedAt },
      action: { kind: 'reset' },
      intent: parsed.intent,
    };
  }

  const intent = interpret(state, parsed, rules);

  // A near tie is worth a question only when the context did not settle it.
  const [first, second] = parsed.ranking;
  if (
    intent === parsed.intent.name &&
    first &&
    second &&
    parsed.intent.name === first.name &&
    isTopic(first.name) &&
    isTopic(second.name) &&
    first.confidence < TIE_CEILING &&
    first.confidence - second.confidence < TIE_MARGIN
  ) {
    return {
      state: { ...state, slots: { ...state.slots, ...parsed.slots } },
      action: { kind: 'clarify', options: [first.name, second.name] },
      intent: parsed.intent,
    };
  }
  const given = Object.keys(parsed.slots) as SlotName[];

  if (!isTopic(intent)) {
    const slots = { ...state.slots, ...parsed.slots };
    const domain = intent === 'out_of_scope' ? parsed.domain : undefined;
    const action: Action =
      intent === 'inform'
        ? { kind: 'noted', slots, changed: given }
        : { kind: 'answer', intent, slots, defaulted: [], ...(domain ? { domain } : {}) };
    return { state: { ...state, slots }, action, intent: ranked(intent) };
  }

  const sameTopic = intent === state.topic || intent === state.pending?.intent;
  const kept = sameTopic ? state.slots : pick(state.slots, PERSON_SLOTS);
  // The insurance named goes with its question, and with a follow-up on the other insurance
  // ("居民医保多少钱" then "那养老呢"); a new question starts without it.
  const followsUp =
    state.topic !== undefined &&
    rules.get(state.topic)?.counterpart === intent &&
    isFollowUp(parsed.text.trim());
  const scheme = parsed.scheme ?? (sameTopic || followsUp ? state.scheme : undefined);
  const slots: Slots = { ...kept, ...parsed.slots };
  const defaulted = (sameTopic ? state.defaulted : []).filter(
    (s) => !given.includes(s as SlotName),
  ) as SlotName[];

  // An answer to our question that gives nothing we can use: take the default, or go on.
  const pending = sameTopic ? state.pending : undefined;
  const unanswered = pending && slots[pending.slot as SlotName] === undefined;
  const asks = rules.get(intent)?.asks ?? [];
  for (const ask of asks) {
    if (slots[ask.slot] !== undefined || defaulted.includes(ask.slot)) continue;
    if (!askApplies(ask, slots, scheme)) continue;
    const askedBefore = unanswered && pending.slot === ask.slot;
    const gaveUp = askedBefore && (pending.asks >= MAX_ASKS || given.length === 0);
    if (gaveUp) {
      if (ask.default !== undefined) (slots as Record<string, unknown>)[ask.slot] = ask.default;
      defaulted.push(ask.slot);
      continue;
    }
    return {
      state: {
        ...withScheme(state, scheme),
        slots,
        defaulted,
        topic: intent,
        pending: { intent, slot: ask.slot, asks: askedBefore ? pending.asks + 1 : 1 },
      },
      action: { kind: 'ask', intent, slot: ask.slot, question: ask.question, buttons: ask.buttons },
      intent: ranked(intent),
    };
  }
  return {
    state: { ...withScheme(state, scheme), slots, defaulted, topic: intent, pending: undefined },
    action: { kind: 'answer', intent, slots, defaulted, ...(scheme ? { scheme } : {}) },
    intent: ranked(intent),
  };
}

/** The state with `scheme` as the topic's insurance (none: the key is left out). */
function withScheme(state: ConversationState, scheme: Scheme | undefined): ConversationState {
  const { scheme: _old, ...rest } = state;
  return scheme ? { ...rest, scheme } : rest;
}
