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

  it.each([
    ['公积金一个月交多少', 'housing_fund'],
    ['住房公积金能取出来装修吗', 'housing_fund'],
    ['个人养老金每年存多少', 'private_pension'],
    ['商业保险能报销多少', 'commercial_insurance'],
    ['百万医疗险值不值得买', 'commercial_insurance'],
    ['年终奖扣多少税', 'income_tax'],
    ['失业金能领多久', 'unemployment_benefit'],
    ['哪家医院看眼科好', 'hospital'],
    ['公司报销打车费要什么发票', 'taxi_receipt'],
    ['打车费能报销吗', 'taxi_receipt'],
  ])('gates the look-alike domain of %s as out of scope, naming %s', (text, domain) => {
    const parsed = understanding.parse(text, now);
    expect(parsed.intent.name).toBe('out_of_scope');
    expect(parsed.domain).toBe(domain);
  });

  it.each(['公积金和医保一个月各交多少', '医保个人账户的钱能在药店买药吗', '失业了医保怎么交'])(
    'lets a text through the gate when it still names our insurance: %s',
    (text) => {
      expect(understanding.parse(text, now)).not.toHaveProperty('domain');
    },
  );

  it.each(['重新开始', '清除我的信息', '把我说的都清掉', '由头嚟过'])(
    'takes reset at once on its own words: %s',
    (text) => {
      const parsed = understanding.parse(text, now);
      expect(parsed.intent.name).toBe('reset');
      expect(parsed).not.toHaveProperty('confirm');
    },
  );

  it.each(['这是一段很长的粘贴内容。', '换个问题'])(
    'never takes a reset without its words and a wide margin: %s',
    (text) => {
      const parsed = understanding.parse(text, now);
      if (parsed.intent.name === 'reset') expect(parsed.confirm).toBe(true);
    },
  );

  it('asks before a reset the model is unsure of (a text it ranks reset, narrowly)', () => {
    const parsed = understanding.parse('换个问题', now);
    expect(parsed.intent.name).toBe('reset');
    expect(parsed.confirm).toBe(true);
  });

  it.each([
    ['what can u do', 'help'],
    ['thx', 'thanks_bye'],
    ['唔该晒', 'thanks_bye'],
    ['医保喺边度交', 'payment_method'],
    ['阿拉退休工资大概几钿', 'pension_estimate'],
    ['醫保幾時截止繳費', 'payment_period'],
    ['有职工医保还要交居民医保吗', 'dual_enrollment'],
    ['以前漏交的几年能补吗', 'contribution_years'],
    ['退休后搬去外省 看病怎么报', 'cross_region_medical'],
  ])('reads dialect, traditional, English and near topics: %s -> %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

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
