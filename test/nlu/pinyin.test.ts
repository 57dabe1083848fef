import { describe, expect, it } from 'vitest';
import { conceptsIn, loadLexicon } from '../../src/nlu/lexicon.js';
import { homophoneTypist } from '../../src/nlu/homophones.js';
import { loadIntents } from '../../src/nlu/intents.js';
import { createUnderstanding } from '../../src/nlu/parse.js';
import { syllables } from '../../src/nlu/pinyin.js';
import { normalize } from '../../src/nlu/normalize.js';

const lexicon = loadLexicon();
const intents = loadIntents();
const now = new Date('2026-11-23T12:00:00+08:00');

describe('syllables', () => {
  it('spells each Chinese character without tones, and nothing else', () => {
    expect(syllables('医保8k')).toEqual(['yi', 'bao', undefined, undefined]);
  });

  it.each([
    ['依保', '医保'],
    ['养劳', '养老'],
    ['社宝', '社保'],
    ['退修', '退休'],
  ])('hears %s as %s', (typo, word) => {
    expect(syllables(typo)).toEqual(syllables(word));
  });
});

describe('the lexicon by sound', () => {
  it.each([
    ['依保每个月扣好多', 'medical'],
    ['养劳金能领几个钱', 'pension'],
    ['社宝断了怎么办', 'social'],
    ['退修以后', 'retire'],
  ])('finds the concept of a homophone typo: %s -> %s', (text, concept) => {
    const t = normalize(text);
    expect(conceptsIn(t, lexicon)).not.toContain(concept);
    expect(conceptsIn(t, lexicon, syllables(t))).toContain(concept);
  });

  it.each([
    ['公积金', 'account_rules'],
    ['不清楚', 'restart'],
  ])('leaves out the concepts marked exact: %s does not sound like %s', (text, concept) => {
    const t = normalize(text);
    expect(conceptsIn(t, lexicon, syllables(t))).not.toContain(concept);
  });
});

describe('understanding homophone typos', () => {
  const understanding = createUnderstanding({ intents, lexicon });
  const withoutPinyin = createUnderstanding({
    intents,
    lexicon,
    features: { pinyin: false, pinyinLexicon: false },
  });
  it.each([
    ['依保每个月扣好多', 'medical_contribution'],
    ['养劳金能领几个钱', 'pension_estimate'],
    ['社宝在哪交', 'payment_method'],
    ['退修年龄是多少', 'retirement_age'],
    ['医保个人帐户', 'personal_account'],
  ])('reads %s as %s', (text, intent) => {
    expect(understanding.parse(text, now).intent.name).toBe(intent);
  });

  // Terse typos with nothing else to go on: the pinyin is what reads them.
  const terse: [string, string][] = [['养劳金', 'pension_estimate']];
  it.each(terse)(
    'reads the terse typo %s as %s, which it cannot without pinyin',
    (text, intent) => {
      expect(understanding.parse(text, now).intent.name).toBe(intent);
      expect(withoutPinyin.parse(text, now).intent.name).not.toBe(intent);
    },
  );
});

describe('homophoneTypist', () => {
  const pool = ['医保一个月交多少', '依然', '养老金', '劳动'];

  it('swaps characters only for others of the same sound, the same way every run', () => {
    const typist = homophoneTypist(pool, 1);
    const typed = typist('医保养老');
    expect(syllables(typed)).toEqual(syllables('医保养老'));
    expect(typed).not.toBe('医保养老');
    expect(homophoneTypist(pool, 1)('医保养老')).toBe(typed);
  });

  it('changes nothing at rate 0', () => {
    expect(homophoneTypist(pool, 0)('医保养老')).toBe('医保养老');
  });
});
