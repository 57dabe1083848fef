import type { Ranked } from '../nlu/classifier.js';
import type { IntentName } from '../nlu/intent-names.js';
import { normalize } from '../nlu/normalize.js';
import type { ParseResult } from '../nlu/parse.js';
import type { Scheme } from '../nlu/scheme.js';
import type { SlotName, Slots } from '../nlu/slot-schema.js';
import { readSlotValues } from '../nlu/slot-value.js';
import { withoutDenied } from '../nlu/question-edits.js';
import type { Action } from './action.js';
import { interpret, isFollowUp, isTopic } from './interpret.js';
import { editTarget } from './edit-target.js';
import { aboutPerson } from './people.js';
import { nextStep } from './requirements.js';
import type { DialogueRules } from './rules.js';
import type { ConversationState } from './state.js';

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
  'retirementYear',
  'contributionBase',
  'averageWage',
];

/** Two intents closer than this are a near tie, worth a clarifying question. */
export const TIE_MARGIN = 0.12;
/** ...but only when the top one is itself this unsure. */
export const TIE_CEILING = 0.6;
/** The bot asks for one slot at most this many times in a row. */
const MAX_ASKS = 2;

/** Questions asked together, by the cue that finds them: both are answered. */
const PAIRS: readonly (readonly [
  'bothContributions' | 'retirementAndYears',
  IntentName,
  IntentName,
])[] = [
  ['bothContributions', 'medical_contribution', 'pension_contribution'],
  ['retirementAndYears', 'retirement_age', 'contribution_years'],
];

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

/**
 * The slots this message gives: what the extractors read, plus a bare value ("8000", "75年的")
 * read as the slot the bot is waiting on, or as the slot an unnamed correction changes.
 */
/**
 * Facts the extractors read under a neighbour's name that an edit means as this one: "63岁呢"
 * after "要是62岁退休呢" is the retirement age, "那2040年呢" after "2032年退休" the retirement year.
 */
const READ_AS: Partial<Record<SlotName, SlotName>> = {
  retirementAge: 'age',
  retirementYear: 'year',
};

function slotsGiven(
  state: ConversationState,
  parsed: ParseResult,
  now: Date,
  switched: boolean,
): Slots {
  if (parsed.cues?.otherDomain) return {};
  const given: Slots = { ...parsed.slots };
  // 我妈 is a woman: the gender a kinship word settles, for the person it names
  const person = parsed.cues?.person;
  if (person?.gender && given.gender === undefined) given.gender = person.gender;
  const normalised = normalize(parsed.text);
  // "是8000不是5000": the figure read is the one asserted
  const text = parsed.cues?.correction ? withoutDenied(normalised) : normalised;
  const editing =
    parsed.cues?.correction ||
    switched ||
    (state.topic !== undefined && isFollowUp(parsed.text.trim()));
  const target =
    state.pending && !parsed.cues?.correction
      ? (state.pending.slot as SlotName)
      : editing
        ? editTarget(text, state.slots, state.lastSlot as SlotName | undefined)
        : undefined;
  const alias = target && READ_AS[target];
  if (editing && alias && given[alias] !== undefined && given[target!] === undefined) {
    (given as Record<string, unknown>)[target!] = given[alias];
    delete given[alias];
  }
  // a message that states its own facts (要是在三甲医院呢) is not read as a bare figure
  const stated = FIGURES.some((k) => given[k] !== undefined);
  if (target && given[target] === undefined && (!stated || target === state.pending?.slot)) {
    const read = readSlotValues(target, text, now);
    for (const [k, v] of Object.entries(read)) {
      if (given[k as SlotName] === undefined) (given as Record<string, unknown>)[k] = v;
    }
  }
  return given;
}

/** The known facts with this message's merged in; an age given anew drops a birth year it contradicts. */
function merge(known: Slots, given: Slots, now: Date): Slots {
  const slots: Slots = { ...known, ...given };
  if (given.age !== undefined && given.birthYear === undefined && slots.birthYear !== undefined) {
    if (Math.abs(now.getFullYear() - slots.birthYear - given.age) > 1) {
      delete slots.birthYear;
      delete slots.birthMonth;
    }
  }
  return slots;
}

/** Slots a bare figure can correct ("不对，是8000"), most likely first. */
const FIGURES: readonly SlotName[] = [
  'monthlyIncome',
  'contributionBase',
  'averageWage',
  'accountBalance',
  'medicalCost',
  'contributionYears',
  'contributionIndex',
  'retirementAge',
  'retirementYear',
  'birthYear',
  'age',
];

/** The slot a correction without a name would change next: the figure given, else asked. */
function lastSlotOf(given: Slots, pending: SlotName | undefined): SlotName | undefined {
  if (pending && given[pending] !== undefined) return pending;
  const figure = FIGURES.find((n) => given[n] !== undefined);
  return figure ?? (Object.keys(given) as SlotName[]).pop();
}

/**
 * The dialogue policy, a pure function: from the remembered state and this turn's parse, the
 * new state and what to do (answer, ask for one missing slot, clarify, note, reset).
 */
export function decide(
  remembered: ConversationState,
  parsed: ParseResult,
  rules: DialogueRules,
  now: Date = new Date(),
): Decision {
  const cues = parsed.cues ?? {};
  const ranked = (name: IntentName): Ranked<IntentName> =>
    name === parsed.intent.name
      ? parsed.intent
      : (parsed.ranking.find((r) => r.name === name) ?? {
          name,
          confidence: parsed.intent.confidence,
        });

  if (parsed.intent.name === 'reset' && parsed.confirm && !cues.correction) {
    return { state: remembered, action: { kind: 'confirm_reset' }, intent: parsed.intent };
  }
  if (parsed.intent.name === 'reset' && !cues.correction) {
    return {
      state: {
        version: remembered.version,
        slots: {},
        defaulted: [],
        updatedAt: remembered.updatedAt,
      },
      action: { kind: 'reset' },
      intent: parsed.intent,
    };
  }

  const state = aboutPerson(remembered, cues.person);
  const switched = state !== remembered;
  const given = slotsGiven(remembered, parsed, now, switched);
  const interpretation = interpret(remembered, parsed, rules, given, switched);
  const { edit } = interpretation;
  let intent = interpretation.intent;
  const changed = Object.keys(given) as SlotName[];

  // A near tie is worth a question only when the context did not settle it: not for an edit,
  // not when the message states facts; when one of the two is the topic already, it is that.
  const [first, second] = parsed.ranking;
  const context = remembered.pending?.intent ?? remembered.topic;
  const tie =
    first !== undefined &&
    second !== undefined &&
    parsed.intent.name === first.name &&
    isTopic(first.name) &&
    isTopic(second.name) &&
    first.confidence < TIE_CEILING &&
    first.confidence - second.confidence < TIE_MARGIN;
  if (tie && !edit && intent === parsed.intent.name) {
    if (context !== undefined && (first.name === context || second.name === context)) {
      intent = context;
    } else if (changed.length === 0) {
      return {
        state: { ...state, slots: merge(state.slots, given, now) },
        action: { kind: 'clarify', options: [first.name, second.name] },
        intent: parsed.intent,
      };
    }
  }

  if (!isTopic(intent)) {
    const slots = merge(state.slots, given, now);
    const next = { ...state, slots, lastSlot: lastSlotOf(given, undefined) ?? state.lastSlot };
    const domain = intent === 'out_of_scope' ? parsed.domain : undefined;
    const action: Action =
      intent === 'inform'
        ? { kind: 'noted', slots, changed }
        : { kind: 'answer', intent, slots, defaulted: [], ...(domain ? { domain } : {}) };
    return { state: next, action, intent: ranked(intent) };
  }

  const topic = state.pending?.intent ?? state.topic;
  const sameTopic = intent === topic || edit || (state.alsoTopics ?? []).includes(intent);
  const slots = merge(sameTopic ? state.slots : pick(state.slots, PERSON_SLOTS), given, now);
  const scheme =
    parsed.scheme ??
    (sameTopic || followsCounterpart(state, parsed, intent, rules) ? state.scheme : undefined);
  const national = cues.national || (sameTopic && state.national) || undefined;
  const period = cues.period ?? (sameTopic ? state.period : undefined);
  const tier = cues.tier ?? (sameTopic ? state.tier : undefined);
  const pair = PAIRS.find(([cue, a, b]) => cues[cue] && (intent === a || intent === b));
  const also: IntentName[] = pair
    ? [intent === pair[1] ? pair[2] : pair[1]]
    : sameTopic
      ? (state.alsoTopics ?? []).filter((t) => t !== intent)
      : [];
  const topics: IntentName[] = [intent, ...also];

  // Slots the bot stopped asking for; an answer to our question that gives nothing usable
  // takes the default, or lets the dialogue go on without it.
  const dropped = (sameTopic ? state.defaulted : []).filter(
    (s) => !changed.includes(s as SlotName),
  ) as SlotName[];
  const pending = sameTopic && !switched ? state.pending : undefined;
  if (pending && slots[pending.slot as SlotName] === undefined) {
    const gaveUp = pending.asks >= MAX_ASKS || changed.length === 0;
    if (gaveUp) {
      const slot = pending.slot as SlotName;
      const fallback = rules.get(pending.intent)?.requirements?.defaults?.[slot];
      if (fallback !== undefined) (slots as Record<string, unknown>)[slot] = fallback;
      if (!dropped.includes(slot)) dropped.push(slot);
    }
  }
  if (national && !dropped.includes('region')) dropped.push('region');

  const base: ConversationState = withTopic(state, {
    slots,
    defaulted: dropped,
    topic: intent,
    alsoTopics: also,
    scheme,
    national,
    period,
    tier,
  });
  // a question about the rule in general, with no facts of the person's: the general answer
  // 在香港看病: the schemes do not reach there, whatever the person's figures: say so at once
  const general = (cues.general || cues.outsideMainland) && !pending;
  for (const t of general ? [] : topics) {
    const requirements = rules.get(t)?.requirements;
    if (!requirements) continue;
    const step = nextStep(requirements, { slots, ...(scheme ? { scheme } : {}) }, dropped);
    if (step.kind !== 'ask') continue;
    const question = rules.get(t)?.questions[step.slot];
    if (!question) continue;
    const again = pending?.slot === step.slot && pending.intent === t;
    return {
      state: {
        ...base,
        pending: { intent: t, slot: step.slot, asks: again ? pending.asks + 1 : 1 },
        lastSlot: step.slot,
      },
      action: {
        kind: 'ask',
        intent: t,
        slot: step.slot,
        question: question.text,
        buttons: question.buttons,
        ...(state.subject ? { subject: state.subject.label } : {}),
      },
      intent: ranked(intent),
    };
  }
  return {
    state: {
      ...base,
      pending: undefined,
      lastSlot: lastSlotOf(given, pending?.slot as SlotName) ?? state.lastSlot,
    },
    action: {
      kind: 'answer',
      intent,
      slots,
      defaulted: dropped,
      ...(scheme ? { scheme } : {}),
      ...(also.length ? { also } : {}),
      ...(national ? { national: true } : {}),
      ...(period ? { period } : {}),
      ...(tier ? { tier } : {}),
      ...(cues.outsideMainland ? { outsideMainland: true } : {}),
      ...(state.subject ? { subject: state.subject.label } : {}),
      // a figure changed after an answer (a correction, 要是62岁退休呢), not our question answered
      ...(edit && changed.length && !remembered.pending && !switched ? { changed } : {}),
    },
    intent: ranked(intent),
  };
}

/** "居民医保多少钱" then "那养老呢": the insurance named goes with the follow-up too. */
function followsCounterpart(
  state: ConversationState,
  parsed: ParseResult,
  intent: IntentName,
  rules: DialogueRules,
): boolean {
  return (
    state.topic !== undefined &&
    rules.get(state.topic)?.counterpart === intent &&
    isFollowUp(parsed.text.trim())
  );
}

interface TopicFields {
  slots: Slots;
  defaulted: SlotName[];
  topic: IntentName;
  alsoTopics: IntentName[];
  scheme: Scheme | undefined;
  national: boolean | undefined;
  period: 'month' | 'year' | undefined;
  tier: number | undefined;
}

/** The state with the topic's fields set (absent ones left out of the stored JSON). */
function withTopic(state: ConversationState, f: TopicFields): ConversationState {
  const { scheme: _s, national: _n, period: _p, alsoTopics: _a, tier: _t, ...rest } = state;
  return {
    ...rest,
    slots: f.slots,
    defaulted: f.defaulted,
    topic: f.topic,
    ...(f.alsoTopics.length ? { alsoTopics: f.alsoTopics } : {}),
    ...(f.scheme ? { scheme: f.scheme } : {}),
    ...(f.national ? { national: true } : {}),
    ...(f.period ? { period: f.period } : {}),
    ...(f.tier ? { tier: f.tier } : {}),
  };
}
