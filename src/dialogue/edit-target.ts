import type { SlotName, Slots } from '../nlu/slot-schema.js';
import { MONEY_SLOTS } from '../nlu/slot-value.js';

/**
 * Which fact a bare figure changes when a correction or a follow-up does not name it
 * ("不对 是25年", "63岁呢", "要是交满20年呢", "不对，是8000"): the unit says what kind of
 * fact it is, and among those the one the conversation holds (or asked for last) is meant.
 */

interface Kind {
  /** The text's shape for this kind of figure. */
  test: RegExp;
  /** The facts of this kind, the likelier first. */
  slots: readonly SlotName[];
}

const KINDS: readonly Kind[] = [
  // 她65, 我妈今年58: a bare age after the person
  { test: /(她|他|今年|伴|妈|爸|父|母|公|婆)(\d{2})(?![\d年元块万千kw%])/, slots: ['age'] },
  { test: /\d{2,4}年\d{1,2}月|(?<!\d)\d{2}年的/, slots: ['birthYear'] },
  { test: /\d{4}年/, slots: ['retirementYear', 'birthYear', 'year'] },
  { test: /\d+(\.\d+)?年|年限/, slots: ['contributionYears'] },
  { test: /岁/, slots: ['retirementAge', 'age'] },
  { test: /指数|档|%/, slots: ['contributionIndex'] },
  { test: /元|块|万|千|[kw]|工资|月薪|收入|基数|余额|\d{3,}/, slots: MONEY_SLOTS },
];

export function editTarget(
  text: string,
  known: Slots,
  last: SlotName | undefined,
): SlotName | undefined {
  for (const kind of KINDS) {
    if (!kind.test.test(text)) continue;
    if (last && kind.slots.includes(last)) return last;
    const held = kind.slots.find((s) => known[s] !== undefined);
    if (held) return held;
    // 岁 with 退休 is a retirement age even when none was given before
    if (kind.slots.includes('age')) return /退/.test(text) ? 'retirementAge' : 'age';
    return kind.slots[0];
  }
  return last;
}
