import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIntents } from '../../src/nlu/intents.js';
import { loadLexicon } from '../../src/nlu/lexicon.js';
import { normalize } from '../../src/nlu/normalize.js';
import { createUnderstanding, type Understanding } from '../../src/nlu/parse.js';
import { extractSlots } from '../../src/nlu/slots/index.js';
import { MAX_NUMERAL_LENGTH, scanNumbers } from '../../src/nlu/slots/numbers.js';
import { countSteps } from '../../src/nlu/work.js';

/** The longest text a message may carry (contract: 2,000 characters). */
const MAX_TEXT = 2000;
/**
 * Steps a character may cost, and a constant for short texts. A message is read a few times
 * over (numbers, money words, dates, places, people), each pass a small constant a character;
 * the pairing of figures with money words is bounded by MAX_MATCHES on both sides.
 */
const STEPS_PER_CHAR = 64;
const STEPS_CONSTANT = 40_000;
const bound = (length: number) => STEPS_PER_CHAR * length + STEPS_CONSTANT;

const NOW = new Date('2026-11-29T12:00:00+08:00');

/** `unit` repeated to exactly `length` characters. */
const repeat = (unit: string, length = MAX_TEXT) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/**
 * The worst inputs we could build: long runs of what each scanner re-reads (numeral characters
 * and units, digits with separators, dates, money words next to figures, places, negations).
 */
const WORST = [
  '8零',
  '零',
  '万',
  '亿',
  '一万',
  '万亿',
  '十',
  '两',
  '8一',
  '1万2',
  '1',
  '1,',
  '1.',
  '1,000',
  '一点',
  '1k',
  '1w ',
  '5%',
  '百分之六十',
  '年月',
  '1年',
  '一年',
  '75年出生',
  '1975年5月',
  '35岁',
  '60岁退休',
  '今年35',
  '交了15年',
  '，',
  '3块',
  '8000一个月',
  '工资8000',
  '社平工资7570月薪3000',
  '缴费指数0.6',
  '60%档',
  '基数',
  '上饶',
  '南昌市',
  '朝阳',
  '辽宁朝阳',
  '不是低保',
  '我妈',
  '不知道',
];

/** Fragments for random texts: numerals, units, date and money words, places, punctuation. */
const FRAGMENT = fc.constantFrom(
  ...WORST,
  '零',
  '〇',
  '点',
  '千',
  '百',
  '元',
  '块钱',
  '左右',
  '多',
  '月薪',
  '年薪',
  '养老金',
  '缴费基数',
  '个人账户余额',
  '住院花了',
  '能报多少',
  '按',
  '交',
  '出生',
  '退休',
  '年',
  '月',
  '岁',
  '男',
  '女',
  '灵活就业',
  '居民医保',
  '?',
  ' ',
  '-',
  '~',
  '到',
  '第',
  '负',
  '¥',
  'a',
);
const TEXT = fc
  .array(FRAGMENT, { maxLength: 800 })
  .map((parts) => parts.join('').slice(0, MAX_TEXT));

describe('work on user text is linear in its length (counted in steps, not timed)', () => {
  let understanding: Understanding;
  beforeAll(() => {
    understanding = createUnderstanding({
      intents: loadIntents(),
      lexicon: loadLexicon(),
      cacheSize: 0,
    });
  });

  it.each(WORST)('the worst input "%s" × 2,000 characters: slots within the bound', (unit) => {
    const text = normalize(repeat(unit));
    const { steps } = countSteps(() => extractSlots(text, NOW));
    expect(steps).toBeLessThanOrEqual(bound(text.length));
  });

  it.each(WORST)('"%s": four times the text is at most about four times the work', (unit) => {
    const short = countSteps(() => extractSlots(normalize(repeat(unit, 500)), NOW)).steps;
    const long = countSteps(() => extractSlots(normalize(repeat(unit, 2000)), NOW)).steps;
    // linear: 4x (+ slack for the constant part); a quadratic scanner would do 16x
    expect(long).toBeLessThanOrEqual(4.5 * short + 1000);
  });

  it('random texts up to 2,000 characters: slots within the bound', () => {
    fc.assert(
      fc.property(TEXT, (raw) => {
        const text = normalize(raw);
        const { steps } = countSteps(() => extractSlots(text, NOW));
        return steps <= bound(text.length);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('a whole parse of the worst inputs (its slot extraction counted) stays within the bound', () => {
    for (const unit of WORST) {
      const text = repeat(unit);
      const { result, steps } = countSteps(() => understanding.parse(text, NOW));
      expect(result.intent.name).toBeTypeOf('string');
      expect(steps).toBeLessThanOrEqual(bound(text.length));
    }
  });

  it('the 4 KB message that froze the bot (8零 × 1000) parses, reading no number from it', () => {
    const text = repeat('8零', 2000);
    const { result, steps } = countSteps(() => understanding.parse(text.slice(0, MAX_TEXT), NOW));
    expect(result.slots.monthlyIncome).toBeUndefined();
    expect(steps).toBeLessThanOrEqual(bound(MAX_TEXT));
  });
});

describe('the number scanner after the bound', () => {
  it('still reads the longest figures people write', () => {
    expect(
      scanNumbers('一亿二千三百四十五万六千七百八十九元').map((m) => m.value.toFixed()),
    ).toEqual(['123456789']);
    expect(scanNumbers('存了1,000,000.50元').map((m) => m.value.toFixed())).toEqual(['1000000.5']);
  });

  it(`skips a run of numeral characters longer than ${MAX_NUMERAL_LENGTH} whole`, () => {
    const run = '8零'.repeat(MAX_NUMERAL_LENGTH);
    expect(scanNumbers(`${run} 工资8000`).map((m) => m.value.toFixed())).toEqual(['8000']);
  });

  it('reads at most MAX_MATCHES figures of one message', () => {
    const many = repeat('5元 ', 2000);
    expect(scanNumbers(many).length).toBe(32);
  });
});
