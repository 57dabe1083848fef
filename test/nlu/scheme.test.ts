import { describe, expect, it } from 'vitest';
import { namesOnlyScheme, schemeNamed } from '../../src/nlu/scheme.js';

describe('schemeNamed', () => {
  it.each([
    ['居民医保一年交多少', 'resident'],
    ['城乡居民养老保险最低档多少', 'resident'],
    ['新农合今年多少钱', 'resident'],
    ['农村医保住院能报多少', 'resident'],
    ['城镇居民医保报销比例', 'resident'],
    ['新农保一年交多少', 'resident'],
    ['职工医保个人交多少', 'employee'],
    ['城镇职工养老保险怎么交', 'employee'],
    ['灵活就业参加职工医保一个月多少', 'employee'],
    ['企业职工基本养老保险', 'employee'],
  ])('%s -> %s', (text, scheme) => {
    expect(schemeNamed(text)).toBe(scheme);
  });

  it.each([
    ['医保一个月交多少'],
    ['我是女职工，哪年退休'],
    ['职工医保和居民医保有什么区别'],
    ['住院花了3万能报多少'],
  ])('%s names no single scheme', (text) => {
    expect(schemeNamed(text)).toBeUndefined();
  });
});

describe('namesOnlyScheme', () => {
  it.each(['居民医保', '城乡居民医保。', '我是居民医保', '参加的是职工医保', '新农合吧'])(
    '%s only names the insurance',
    (text) => {
      expect(namesOnlyScheme(text)).toBe(true);
    },
  );

  it.each(['居民医保一年交多少', '居民医保和职工医保哪个好', '医保', '单位上班'])(
    '%s is more than that',
    (text) => {
      expect(namesOnlyScheme(text)).toBe(false);
    },
  );
});
