import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/nlu/normalize.js';

describe('normalize', () => {
  it.each([
    // traditional -> simplified (Taiwan and Hong Kong forms)
    ['養老金每月能領多少', '养老金每月能领多少'],
    ['醫療保險繳費基數', '医疗保险缴费基数'],
    ['個人賬戶餘額', '个人账户余额'],
    ['退休後能領多少', '退休后能领多少'],
    ['醫保卡密碼忘了', '医保卡密码忘了'],
    ['鄉鎮衛生院', '乡镇卫生院'],
    ['衞生院', '卫生院'],
    ['臺灣', '台湾'],
    ['靈活就業', '灵活就业'],
    ['農村戶口', '农村户口'],
    ['為什麼', '为什么'],
    ['爲什麼', '为什么'],
    ['綫上繳費', '线上缴费'],
    ['月薪一萬二', '月薪一万二'],
    ['兩萬', '两万'],
    ['上饒萬年縣', '上饶万年县'],
    // simplified text is left as it is
    ['上饶万年县城乡居民医保', '上饶万年县城乡居民医保'],
    ['着急', '着急'],
    // full-width digits, letters and punctuation
    ['２０２５年', '2025年'],
    ['１．２万', '1.2万'],
    ['８０００元', '8000元'],
    ['ＡＢＣ', 'abc'],
    ['６０％档', '60%档'],
    ['，。？！（）：；', ',.?!():;'],
    ['～', '~'],
    ['、', ','],
    ['“引号”', '"引号"'],
    ['￥8000', '¥8000'],
    ['1。2万', '1.2万'],
    // lower-case Latin
    ['Hello World', 'hello world'],
    ['12K', '12k'],
    ['1.5W', '1.5w'],
    ['APP怎么交', 'app怎么交'],
    // whitespace
    ['  月薪  8000 ', '月薪 8000'],
    ['a\tb\nc', 'a b c'],
    ['\u3000上饶\u3000', '上饶'],
    ['男   50岁', '男 50岁'],
    ['', ''],
    ['   ', ''],
    ['hi there', 'hi there'],
  ])('%j -> %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it.each([
    '養老金每月能領多少',
    '２０２５年 居民醫保',
    '  Hello　World  ',
    '月薪１．２万，社平工資７５７０',
    '乾县',
  ])('is idempotent: %j', (input) => {
    const once = normalize(input);
    expect(normalize(once)).toBe(once);
  });

  it('converts a simplified name OpenCC reads as traditional the same way every time', () => {
    // 乾县 (a county of Xianyang) becomes 干县; the gazetteer indexes that form too
    expect(normalize('乾县')).toBe('干县');
  });

  it('is fast enough to run on every message', () => {
    const text = '我今年三十五歲，在江西上饒萬年縣，月薪八千，想問醫保怎麼交';
    normalize(text);
    const start = performance.now();
    for (let i = 0; i < 2000; i++) normalize(text);
    // about 10 µs each on a quiet machine; a very loose bound to stay robust under load
    expect((performance.now() - start) / 2000).toBeLessThan(1);
  });
});
