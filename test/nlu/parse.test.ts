import { describe, expect, it } from 'vitest';
import { loadIntents } from '../../src/nlu/intents.js';
import { loadLexicon } from '../../src/nlu/lexicon.js';
import { createUnderstanding } from '../../src/nlu/parse.js';

const understanding = createUnderstanding({ intents: loadIntents(), lexicon: loadLexicon() });
const now = new Date('2026-11-23T12:00:00+08:00');
const intentOf = (text: string) => understanding.parse(text, now).intent.name;

describe('parse', () => {
  it.each([
    ['35岁，在上饶', 'inform'],
    ['打算60岁退休', 'inform'],
    ['女的，75年3月生的，工人', 'inform'],
  ])('takes a message that only gives facts as inform: %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    ['不知道', 'inform'],
    ['不清楚', 'inform'],
    ['我也不记得了', 'inform'],
    ['社保卡密码忘了', 'card_password'],
    ['不知道医保怎么交', 'payment_method'],
  ])(
    'takes "don\'t know" as a reply to the question asked, unless it names a topic: %s',
    (text, intent) => {
      expect(intentOf(text)).toBe(intent);
    },
  );

  it.each([
    ['上饶女职工退休年龄', 'retirement_age'],
    ['男职工退休年龄', 'retirement_age'],
    ['灵活就业医保一个月多少钱', 'medical_contribution'],
  ])('takes a terse question as its topic, not as facts: %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each(['车险一年多少钱', '住房公积金每月交多少', '上饶哪家医院看骨科好'])(
    'declines another domain: %s',
    (text) => {
      expect(intentOf(text)).toBe('out_of_scope');
    },
  );

  it('understands traditional characters and answers with simplified slots', () => {
    const parsed = understanding.parse('我在廣州上班，醫保每個月交多少', now);
    expect(parsed.intent.name).toBe('medical_contribution');
    expect(parsed.slots.region).toMatchObject({
      province: '广东省',
      city: '广州市',
      code: '440100',
    });
  });

  it('says which insurance a text names, outside the contract slots (traditional too)', () => {
    const resident = understanding.parse('居民醫保一年交多少', now);
    expect(resident.scheme).toBe('resident');
    expect(resident.slots).not.toHaveProperty('scheme');
    expect(understanding.parse('职工医保个人交多少', now).scheme).toBe('employee');
    expect(understanding.parse('医保一个月交多少', now)).not.toHaveProperty('scheme');
  });

  it('is deterministic: the same training gives the same confidences', () => {
    const again = createUnderstanding({ intents: loadIntents(), lexicon: loadLexicon() });
    const text = '养老金能领多少';
    expect(again.parse(text, now)).toEqual(understanding.parse(text, now));
  });
});

describe('parse cache', () => {
  const intents = loadIntents();
  const lexicon = loadLexicon();
  const cached = createUnderstanding({ intents, lexicon });
  const uncached = createUnderstanding({ intents, lexicon, cacheSize: 0 });

  it('gives the same result as parsing afresh, the second time from the cache', () => {
    for (const text of ['不知道', '我是1975年5月出生的男的，哪年退休', '那养老呢']) {
      const first = cached.parse(text, now);
      expect(cached.parse(text, now)).toBe(first);
      expect(first).toEqual(uncached.parse(text, now));
    }
  });

  it('computes ages from birth years again in a new year', () => {
    const text = '我是80年的';
    expect(cached.parse(text, now).slots.age).toBe(46);
    expect(cached.parse(text, new Date('2027-03-01T12:00:00+08:00')).slots.age).toBe(47);
  });

  it('hands out frozen results, so no reader can change what others get', () => {
    const result = cached.parse('35岁，在上饶', now);
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.slots.region)).toBe(true);
    expect(Object.isFrozen(result.ranking[0])).toBe(true);
  });

  it('parses long texts every time', () => {
    const long = `${'我想问一下'.repeat(25)}医保怎么交`;
    expect(cached.parse(long, now)).not.toBe(cached.parse(long, now));
  });
});
