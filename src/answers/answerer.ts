import { Decimal } from 'decimal.js';
import type { Action } from '../dialogue/action.js';
import type { IntentName } from '../nlu/intent-names.js';
import type { Scheme } from '../nlu/scheme.js';
import { slotsMatch, type SlotName, type Slots } from '../nlu/slot-schema.js';
import type { Reply } from '../turn.js';
import { formatMoney } from '../calc/money.js';
import { describeSlots, regionName, type SlotLabels } from './describe-slots.js';
import { fill } from './template.js';
import type { ChatTexts, Knowledge } from './texts.js';

export type Bureau = 'medical' | 'pension' | 'both';

/** What a calculation answer returns: its text (figures, steps, sources) and who has the final word. */
export interface CalcReply {
  text: string;
  bureau: Bureau;
  /** What the person themselves pays, when the answer worked it out (for a multi-part total). */
  own?: { monthly: Decimal; yearly: Decimal; note?: string };
}

/** Where a contribution answer leaves what the person themselves pays. */
export interface OwnCost {
  value?: { monthly: Decimal; yearly: Decimal };
  note?: string;
}

export interface CalcContext {
  slots: Slots;
  /** Slots the dialogue filled with a default or went on without. */
  defaulted: readonly SlotName[];
  now: Date;
  /** The insurance the question named (居民医保, 职工养老...), which wins over the job. */
  scheme?: Scheme;
  /** The resident pension tier the question named (每年交1000的档), yuan a year. */
  tier?: number;
}

export type CalcAnswer = (ctx: CalcContext) => CalcReply;

export interface Answerer {
  answer(action: Action, now: Date): Reply[];
  /**
   * The replies again, said differently: for a turn whose reply would repeat the one before
   * word for word although the person said something new. It says what was understood.
   */
  rephrase(action: Action, replies: Reply[], given: Slots): Reply[];
}

export interface AnswererOptions {
  chat: ChatTexts;
  knowledge: ReadonlyMap<IntentName, Knowledge>;
  labels: SlotLabels;
  calculators: Partial<Record<IntentName, CalcAnswer>>;
}

function withoutRegion(slots: Slots): Slots {
  const { region: _r, ...rest } = slots;
  return rest;
}

/** Turns the dialogue's decision into reply text and buttons (pure: data in, words out). */
export function createAnswerer(options: AnswererOptions): Answerer {
  const { chat, knowledge, labels, calculators } = options;

  const titles = (intents: readonly IntentName[]) =>
    intents.map((i) => chat.titles[i]).filter((t): t is string => t !== undefined);

  const closing = (bureau: Bureau, slots: Slots, estimate: boolean) => {
    const place = slots.region ? regionName(slots.region) : '当地';
    const who = fill(chat.bureaus[bureau], { place });
    return fill(estimate ? chat.closing : chat.closing_plain, { bureau: who });
  };

  const withNext = (intent: IntentName, text: string): Reply => {
    const buttons = titles(chat.next[intent] ?? []);
    return buttons.length ? { text, buttons } : { text };
  };

  /** A knowledge answer: text written from the policy facts, with its variants and sources. */
  function knowledgeAnswer(intent: IntentName, slots: Slots): string {
    const k = knowledge.get(intent);
    if (!k) return chat.help;
    const place = slots.region ? regionName(slots.region) : '当地';
    const parts = [
      k.text,
      ...k.variants.filter((v) => slotsMatch(v.when, slots)).map((v) => v.text),
    ];
    const body = parts.map((p) => fill(p, { place })).join('\n');
    return `${body}\n依据：${k.sources.join('；')}。\n${closing(k.bureau, slots, false)}`;
  }

  /** A topic's answer, with the parts of a multi-part question and a line on whose it is. */
  function answerQuestion(action: Extract<Action, { kind: 'answer' }>, now: Date): Reply {
    // 按全国标准: the national figures, whatever place the person named before
    const slots: Slots = action.national ? withoutRegion(action.slots) : action.slots;
    const parts = [action.intent, ...(action.also ?? [])];
    const calcs = parts.map((intent) => {
      const calc = calculators[intent];
      return calc
        ? calc({
            slots,
            defaulted: action.defaulted,
            now,
            ...(action.scheme ? { scheme: action.scheme } : {}),
            ...(action.tier ? { tier: action.tier } : {}),
          })
        : undefined;
    });
    const lead: string[] = [];
    if (action.subject) lead.push(fill(chat.for_person, { person: action.subject }));
    if (action.national) lead.push(chat.national_standard);
    if (action.outsideMainland) lead.push(chat.outside_mainland);
    if (action.changed?.length) {
      const facts = describeSlots(action.slots, labels, action.changed);
      if (facts) lead.push(fill(chat.changed, { facts }));
    }
    const own = calcs[0]?.own;
    if (action.period === 'year' && parts.length === 1 && own) {
      lead.push(
        fill(chat.period_year, {
          yearly: formatMoney(own.yearly),
          monthly: formatMoney(own.monthly),
        }),
      );
    }
    if (action.period === 'year' && parts.length > 1 && calcs.every((c) => c?.own)) {
      const yearly = calcs.reduce((sum, c) => sum.plus(c!.own!.yearly), new Decimal(0));
      const monthly = calcs.reduce((sum, c) => sum.plus(c!.own!.monthly), new Decimal(0));
      lead.push(
        fill(chat.period_year, { yearly: formatMoney(yearly), monthly: formatMoney(monthly) }),
      );
    } else if (parts.length > 1 && calcs.every((c) => c?.own)) {
      const total = calcs.reduce((sum, c) => sum.plus(c!.own!.monthly), new Decimal(0));
      const yearly = calcs.reduce((sum, c) => sum.plus(c!.own!.yearly), new Decimal(0));
      const notes = calcs
        .map((c) => c!.own!.note)
        .filter(Boolean)
        .join('，');
      lead.push(
        fill(chat.parts_total, {
          parts: calcs
            .map(
              (c, i) =>
                `${chat.titles_short[parts[i]!] ?? parts[i]}${formatMoney(c!.own!.monthly)}元`,
            )
            .join(' + '),
          monthly: formatMoney(total),
          yearly: formatMoney(yearly),
          notes: notes ? `（${notes}）` : '',
        }),
      );
    }
    const bodies = parts.map((intent, i) => {
      const c = calcs[i];
      if (c) return `${c.text}\n${closing(c.bureau, slots, true)}`;
      return knowledgeAnswer(intent, slots);
    });
    const text = [...lead, ...bodies].join('\n');
    return withNext(action.intent, text);
  }

  function rephrase(action: Action, replies: Reply[], given: Slots): Reply[] {
    const [first, ...rest] = replies;
    if (!first) return replies;
    // what the message gave, when it gave something: 记下了 / 我理解的是 those facts
    const facts = describeSlots(given, labels);
    const lead =
      action.kind === 'ask'
        ? facts
          ? fill(chat.noted_ask_again, { facts })
          : chat.asked_again
        : facts
          ? fill(chat.repeated, { facts })
          : chat.repeated_plain;
    return [{ ...first, text: `${lead}\n${first.text}` }, ...rest];
  }

  return {
    rephrase,
    answer(action: Action, now: Date): Reply[] {
      switch (action.kind) {
        case 'reset':
          return [{ text: chat.reset, buttons: chat.start_buttons }];
        case 'confirm_reset':
          return [{ text: chat.confirm_reset, buttons: chat.confirm_reset_buttons }];
        case 'noted': {
          const facts = describeSlots(action.slots, labels, action.changed);
          if (!facts) return [{ text: chat.noted_nothing, buttons: chat.start_buttons }];
          return [{ text: fill(chat.noted, { facts }), buttons: chat.start_buttons }];
        }
        case 'clarify':
          return [{ text: chat.clarify, buttons: titles(action.options) }];
        case 'ask': {
          const text = action.subject
            ? `关于${action.subject}：${action.question}`
            : action.question;
          return [{ text, buttons: action.buttons }];
        }
        case 'answer': {
          const { intent } = action;
          const where = action.domain && chat.other_domains[action.domain];
          if (intent === 'out_of_scope' && where) {
            const text = fill(chat.other_domain, { where });
            return [{ text, buttons: titles(chat.next.out_of_scope ?? []) }];
          }
          if (
            intent === 'greet' ||
            intent === 'help' ||
            intent === 'thanks_bye' ||
            intent === 'out_of_scope'
          ) {
            const next = titles(chat.next[intent] ?? []);
            return [next.length ? { text: chat[intent], buttons: next } : { text: chat[intent] }];
          }
          return [answerQuestion(action, now)];
        }
      }
    },
  };
}
