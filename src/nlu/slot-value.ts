import type { Decimal } from 'decimal.js';
import { SlotsSchema, type SlotName, type Slots } from './slot-schema.js';
import { fullYear } from './slots/age.js';
import { decimalString, moneyString, scanNumbers } from './slots/numbers.js';

/**
 * A bare value read as the slot the bot is waiting on: "8000" in answer to "每个月工资多少？",
 * "60" to "多大年纪？", "75年的" to "哪年出生？", "不对，是8000" correcting the income just
 * given. The extractors leave such figures alone (a lone 8000 could be anything); the dialogue
 * knows which slot it is about. Only a short message with one figure is read this way.
 */

/** The slots that hold a sum of money. */
export const MONEY_SLOTS: readonly SlotName[] = [
  'monthlyIncome',
  'contributionBase',
  'averageWage',
  'accountBalance',
  'medicalCost',
];
const WHOLE: Partial<Record<SlotName, (n: number, now: Date) => number | undefined>> = {
  age: (n) => n,
  retirementAge: (n) => n,
  contributionYears: (n) => n,
  birthMonth: (n) => n,
  hospitalLevel: (n) => n,
  birthYear: (n, now) => (n >= 100 ? n : fullYear(n, now)),
  retirementYear: (n) => (n >= 100 ? n : 2000 + n),
  year: (n) => (n >= 100 ? n : 2000 + n),
};
/** A unit after the figure that says it is something else: 35岁 is no income, 8000元 no age. */
const WRONG_UNIT: Partial<Record<SlotName, RegExp>> = {
  age: /^(年|个|元|块|月|天|级|%|万|千)/,
  retirementAge: /^(年|个|元|块|月|天|级|%|万|千)/,
  contributionYears: /^(岁|周岁|个|元|块|月|天|级|%|万|千)/,
  birthYear: /^(岁|周岁|个|元|块|天|级|%|万|千)/,
  retirementYear: /^(岁|周岁|个|元|块|天|级|%|万|千)/,
  year: /^(岁|周岁|个|元|块|天|级|%|万|千)/,
  birthMonth: /^(岁|周岁|年|元|块|天|级|%)/,
  hospitalLevel: /^(岁|周岁|年|元|块|月|天|%)/,
};
const MONEY_WRONG_UNIT = /^(岁|周岁|年|个|月(?!薪)|天|级|号|次|倍|档|%)/;

/** Words for a period, whose 一 is no figure. */
const PERIODS = /一年|一个月|一月|一整年|一共|一下|一次|一点儿|一些|一直|一样/g;
/** The longest reply read as a bare value. */
const MAX_LENGTH = 24;

/** 71年6月, 1971年6月: a birth given bare, as a correction of one ("不对 是71年6月"). */
const YEAR_MONTH = /(?<![\d])(\d{4}|\d{2})年(?:(\d{1,2})月)?/;

/**
 * The slots a short reply gives when read as `slot`: its value, and for a birth year the month
 * given with it. Checked against the slot schema; empty when the reply is not such a value.
 */
export function readSlotValues(slot: SlotName, text: string, now: Date): Slots {
  if (text.length > MAX_LENGTH) return {};
  if (slot === 'birthYear' || slot === 'birthMonth') {
    const m = YEAR_MONTH.exec(text);
    if (m) {
      const year = WHOLE.birthYear!(Number(m[1]), now);
      const out = SlotsSchema.safeParse({
        birthYear: year,
        ...(m[2] ? { birthMonth: Number(m[2]) } : {}),
      });
      if (out.success) return out.data;
    }
  }
  const value = readSlotValue(slot, text, now);
  return value === undefined ? {} : ({ [slot]: value } as Slots);
}

/** `slot`'s value in a short reply that states one figure, checked against the slot schema. */
export function readSlotValue(
  slot: SlotName,
  text: string,
  now: Date,
): Slots[SlotName] | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  // 一年呢, 一个月多少: a period, not a figure
  const numbers = scanNumbers(text.replace(PERIODS, ' ')).filter((m) => !m.negative);
  if (numbers.length !== 1) return undefined;
  const m = numbers[0]!;
  const unit = text.slice(m.end, m.end + 2);
  const wrong = MONEY_SLOTS.includes(slot) ? MONEY_WRONG_UNIT : WRONG_UNIT[slot];
  if (wrong?.test(unit)) return undefined;
  let value: unknown;
  if (MONEY_SLOTS.includes(slot)) {
    // 三 of 三甲 is no sum of money: digits, a magnitude (三千) or a currency word
    if (m.percent || !(m.arabic || m.magnitude || m.currency)) return undefined;
    value = moneyString(m.value as Decimal);
  } else if (slot === 'contributionIndex') {
    // an index runs from 0.6 to 3; 60 (a tier named in percent) is 0.6; 1000 (a resident
    // pension's yearly amount, 交1000的档) is no index at all
    const index = m.percent || m.value.gte(40) ? m.value.div(100) : m.value;
    if (index.gt(3) || index.lte(0)) return undefined;
    value = decimalString(index);
  } else {
    const read = WHOLE[slot];
    if (!read || m.percent || !m.value.isInteger()) return undefined;
    value = read(m.value.toNumber(), now);
  }
  const checked = SlotsSchema.shape[slot].safeParse(value);
  return checked.success ? (checked.data as Slots[SlotName]) : undefined;
}
