import type { Action } from '../dialogue/action.js';
import type { IntentName } from '../nlu/intent-names.js';
import type { Scheme } from '../nlu/scheme.js';
import { slotsMatch, type SlotName, type Slots } from '../nlu/slot-schema.js';
import type { Reply } from '../turn.js';
import { describeSlots, regionName, type SlotLabels } from './describe-slots.js';
import { fill } from './template.js';
import type { ChatTexts, Knowledge } from './texts.js';

export type Bureau = 'medical' | 'pension' | 'both';

/** What a calculation answer returns: its text (figures, steps, sources) and who has the final word. */
export interface CalcReply {
  text: string;
  bureau: Bureau;
}

export interface CalcContext {
  slots: Slots;
  /** Slots the dialogue filled with a default or went on without. */
  defaulted: readonly SlotName[];
  now: Date;
  /** The insurance the question named (居民医保, 职工养老...), which wins over the job. */
  scheme?: Scheme;
}

export type CalcAnswer = (ctx: CalcContext) => CalcReply;

export interface Answerer {
  answer(action: Action, now: Date): Reply[];
}

export interface AnswererOptions {
  chat: ChatTexts;
  knowledge: ReadonlyMap<IntentName, Knowledge>;
  labels: SlotLabels;
  calculators: Partial<Record<IntentName, CalcAnswer>>;
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

  function answerTopic(
    intent: IntentName,
    slots: Slots,
    defaulted: readonly SlotName[],
    now: Date,
    scheme: Scheme | undefined,
  ) {
    const calc = calculators[intent];
    if (calc) {
      const { text, bureau } = calc({ slots, defaulted, now, ...(scheme ? { scheme } : {}) });
      return withNext(intent, `${text}\n${closing(bureau, slots, true)}`);
    }
    const k = knowledge.get(intent);
    if (!k) return { text: chat.help, buttons: chat.start_buttons };
    const place = slots.region ? regionName(slots.region) : '当地';
    const parts = [
      k.text,
      ...k.variants.filter((v) => slotsMatch(v.when, slots)).map((v) => v.text),
    ];
    const body = parts.map((p) => fill(p, { place })).join('\n');
    return withNext(
      intent,
      `${body}\n依据：${k.sources.join('；')}。\n${closing(k.bureau, slots, false)}`,
    );
  }

  return {
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
        case 'ask':
          return [{ text: action.question, buttons: action.buttons }];
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
          return [answerTopic(intent, action.slots, action.defaulted, now, action.scheme)];
        }
      }
    },
  };
}
