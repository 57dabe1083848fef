import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  decimalString,
  moneyString,
  parseAmount,
  parseInteger,
  scanNumbers,
} from '../../../src/nlu/slots/numbers.js';

describe('parseAmount', () => {
  it.each([
    // colloquial Chinese numerals
    ['一万二', '12000'],
    ['一万二千', '12000'],
    ['一万二千五百', '12500'],
    ['三千五', '3500'],
    ['三千五百', '3500'],
    ['两万', '20000'],
    ['两万五', '25000'],
    ['一万零五百', '10500'],
    ['一万零五', '10005'],
    ['十二万', '120000'],
    ['十万', '100000'],
    ['一百二十万', '1200000'],
    ['三十五', '35'],
    ['二十', '20'],
    ['十', '10'],
    ['十五', '15'],
    ['两百五', '250'],
    ['一百零五', '105'],
    ['八千', '8000'],
    ['一亿', '100000000'],
    ['叁仟伍佰', '3500'],
    ['一点五万', '15000'],
    ['零点六', '0.6'],
    // digit by digit (years)
    ['一九七五', '1975'],
    ['二〇二五', '2025'],
    ['七五', '75'],
    // Arabic and mixed
    ['12000', '12000'],
    ['8,000', '8000'],
    ['12,500.50', '12500.5'],
    ['1.2万', '12000'],
    ['12.5万', '125000'],
    ['1万2', '12000'],
    ['1万5', '15000'],
    ['1万2千', '12000'],
    ['1万2000', '12000'],
    ['3千5', '3500'],
    ['8千', '8000'],
    ['15万', '150000'],
    ['1亿', '100000000'],
    ['12k', '12000'],
    ['3.5k', '3500'],
    ['1.5w', '15000'],
    ['2w', '20000'],
    ['0', '0'],
    ['10.50', '10.5'],
    // currency and approximation words
    ['12000元', '12000'],
    ['8千块', '8000'],
    ['3000块钱', '3000'],
    ['¥8000', '8000'],
    ['八千多', '8000'],
    ['5000左右', '5000'],
    ['一万多块', '10000'],
  ])('%s = %s', (text, expected) => {
    expect(parseAmount(text)?.toFixed()).toBe(expected);
  });

  it.each([
    ['万'],
    ['千万'],
    ['百万'],
    ['七八千'],
    ['三十五六'],
    ['万年'],
    ['abc'],
    [''],
    ['元'],
    ['负5000'],
    ['十分'],
  ])('%j is not a number', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });
});

describe('parseInteger', () => {
  it.each([
    ['三十五', 35],
    ['六十', 60],
    ['35', 35],
    ['一九七五', 1975],
  ])('%s = %d', (text, expected) => {
    expect(parseInteger(text)).toBe(expected);
  });

  it('is undefined for a fraction or a non-number', () => {
    expect(parseInteger('1.5')).toBeUndefined();
    expect(parseInteger('七八')).toBe(78); // positional: only ages and years go through here
    expect(parseInteger('万')).toBeUndefined();
  });
});

describe('scanNumbers', () => {
  const scan = (text: string) =>
    scanNumbers(text).map((m) => ({
      raw: m.raw,
      value: m.value.toFixed(),
      text: text.slice(m.start, m.end),
    }));

  it.each([
    ['月薪一万二,年薪15万', ['一万二=12000', '15万=150000']],
    ['万年县月薪8千多块', ['8千=8000']],
    ['8000一个月', ['8000=8000', '一=1']],
    ['1.5万一个月', ['1.5万=15000', '一=1']],
    ['三千五一个月', ['三千五=3500', '一=1']],
    ['七八千块', []],
    ['十分感谢', []],
    ['千万别忘了', []],
    ['三甲医院', ['三=3']],
    ['2025年居民医保', ['2025=2025']],
    ['16-59岁', ['16=16', '59=59']],
  ])('%j', (text, expected) => {
    expect(scan(text).map((m) => `${m.raw}=${m.value}`)).toEqual(expected);
  });

  it('marks currency, approximation and the span it covers', () => {
    const [m] = scanNumbers('工资8000块左右吧');
    expect(m).toMatchObject({ raw: '8000', currency: true, approx: true, arabic: true });
    expect('工资8000块左右吧'.slice(m!.start, m!.end)).toBe('8000块左右');
  });

  it('marks percentages, with % or 百分之', () => {
    expect(scanNumbers('60%档')[0]).toMatchObject({ percent: true, raw: '60' });
    const [m] = scanNumbers('百分之六十的档次');
    expect(m).toMatchObject({ percent: true, raw: '六十' });
    expect(m!.value.toFixed()).toBe('60');
  });

  it('marks negative amounts (minus sign or 负), but not ranges', () => {
    expect(scanNumbers('月薪-5000')[0]?.negative).toBe(true);
    expect(scanNumbers('负5000')[0]?.negative).toBe(true);
    expect(scanNumbers('16-59岁').map((m) => m.negative)).toEqual([false, false]);
  });

  it('marks magnitude words and Chinese numerals', () => {
    expect(scanNumbers('12k')[0]).toMatchObject({ magnitude: true, chinese: false });
    expect(scanNumbers('一万二')[0]).toMatchObject({ magnitude: true, chinese: true });
    expect(scanNumbers('8000')[0]).toMatchObject({ magnitude: false, arabic: true });
    expect(scanNumbers('¥ 8000')[0]).toMatchObject({ currency: true, start: 0 });
  });
});

describe('canonical strings', () => {
  it.each([
    ['8000.00', '8000'],
    ['12500', '12500'],
    ['8333.333333', '8333.33'],
    ['0.005', '0.01'],
    ['1e6', '1000000'],
  ])('moneyString(%s) = %s', (value, expected) => {
    expect(moneyString(new Decimal(value))).toBe(expected);
  });

  it('divides an annual figure to two decimals without trailing zeros', () => {
    expect(moneyString(new Decimal(150000).div(12))).toBe('12500');
    expect(moneyString(new Decimal(100000).div(12))).toBe('8333.33');
  });

  it('writes a plain decimal without trailing zeros', () => {
    expect(decimalString(new Decimal('0.60'))).toBe('0.6');
    expect(decimalString(new Decimal('1.0'))).toBe('1');
  });
});
