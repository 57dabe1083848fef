import type { IntentName } from '../nlu/intent-names.js';
import { normalize } from '../nlu/normalize.js';
import type { ParseResult } from '../nlu/parse.js';
import { namesOnlyScheme } from '../nlu/scheme.js';
import type { SlotName, Slots } from '../nlu/slot-schema.js';
import { slotsRead } from './requirements.js';
import type { DialogueRules } from './rules.js';
import type { ConversationState } from './state.js';

/** Intents that are not questions about insurance: they never become the topic. */
const CHAT_INTENTS = new Set<IntentName>(['greet', 'help', 'thanks_bye', 'out_of_scope']);

export function isTopic(name: IntentName): boolean {
  return !CHAT_INTENTS.has(name) && name !== 'reset' && name !== 'inform';
}

/** The words that name an insurance: "那养老呢" moves a question to its counterpart. */
const NAMES: Partial<Record<IntentName, RegExp>> = {
  medical_contribution: /医保|医疗|合作医疗|新农合|农合/,
  compare_medical_types: /医保|医疗|合作医疗|新农合|农合/,
  pension_contribution: /养老|社保/,
  compare_pension_types: /养老|社保/,
};

const FOLLOW_UP =
  /^(那|那么|那要是|要是|如果是|如果|假如|换成|改成|还有|其中|那其中|另外|再|一共|总共|合计|加起来)|呢[?？]?$/;
/** The longest message read as a short follow-up ("那一年一共要交多少", "要是62岁退休呢"). */
const FOLLOW_UP_LENGTH = 16;

/** The longest message that, unplaced, is taken as about the last question ("要带什么证件"). */
const SHORT_QUESTION = 8;

/** A short "那养老呢" kind of message: the same question again, with something changed. */
export const isFollowUp = (text: string) => text.length <= FOLLOW_UP_LENGTH && FOLLOW_UP.test(text);

export interface Interpretation {
  intent: IntentName;
  /**
   * The message edits the last question (a correction, another person, period or value, a
   * fact given while a question waits): the same topic, with everything else kept.
   */
  edit: boolean;
}

/** Which question the person means, given what the conversation was about. */
export function interpret(
  state: ConversationState,
  parsed: ParseResult,
  rules: DialogueRules,
  given: Slots,
  switchedPerson: boolean,
): Interpretation {
  const cues = parsed.cues ?? {};
  const name = parsed.intent.name;
  const text = parsed.text.trim();
  const hasSlots = Object.keys(given).length > 0;
  const topic = state.pending?.intent ?? state.topic;
  if (cues.otherDomain) return { intent: 'out_of_scope', edit: false };
  if (topic) {
    const followUp = isFollowUp(text);
    const counterpart = rules.get(topic)?.counterpart;
    // "那养老呢" after a medical question: the other insurance, same person
    const said = normalize(text);
    const namesCounterpart = counterpart && NAMES[counterpart]?.test(said);
    const namesOwn = NAMES[topic]?.test(said);
    if (followUp && counterpart && namesCounterpart && !namesOwn) {
      return { intent: counterpart, edit: true };
    }
    // "居民医保" in answer to "职工医保还是居民医保？": an answer, not a new question
    if (state.pending && parsed.scheme && namesOnlyScheme(normalize(text))) {
      return { intent: state.pending.intent, edit: true };
    }
    const chat = CHAT_INTENTS.has(name) && name !== 'out_of_scope';
    // facts this question's answer reads, and nothing else named with confidence: still it
    // ("我2037年退休 已经交了17年 还差多少" after a question on the minimum years)
    const needs = rules.get(topic)?.requirements;
    if (hasSlots && needs && name !== topic && parsed.intent.confidence < 0.8) {
      const read = slotsRead(needs, { slots: { ...state.slots, ...given } });
      if (Object.keys(given).every((s) => read.has(s as SlotName)))
        return { intent: topic, edit: true };
    }
    // "最高档呢", "具体怎么操作": a short message the model cannot place is about the last question
    const short = text.length <= SHORT_QUESTION;
    if ((followUp || short) && name === 'out_of_scope' && !cues.otherDomain) {
      return { intent: topic, edit: true };
    }
    if (!chat || hasSlots) {
      if (cues.correction) return { intent: topic, edit: true };
      const unsure = parsed.intent.confidence < 0.6;
      if (followUp && (hasSlots || cues.period || switchedPerson || unsure)) {
        return { intent: topic, edit: true };
      }
      if (switchedPerson && (name === 'inform' || name === 'out_of_scope' || name === topic)) {
        return { intent: topic, edit: true };
      }
    }
    // facts about the question, with no other question named ("我现在交了12年 还差多少")
    if (hasSlots && !cues.namesTopic && !chat && parsed.intent.confidence < 0.7) {
      return { intent: topic, edit: true };
    }
    if (name === 'inform' || (name === 'out_of_scope' && hasSlots))
      return { intent: topic, edit: true };
    if (name === 'out_of_scope' && state.pending)
      return { intent: state.pending.intent, edit: true };
  }
  if (name === 'inform' || (name === 'out_of_scope' && hasSlots))
    return { intent: 'inform', edit: false };
  return { intent: name, edit: false };
}
