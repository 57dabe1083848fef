import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/nlu/normalize.js';
import { SlotsSchema, type Slots } from '../../../src/nlu/slot-schema.js';
import { extractSlots } from '../../../src/nlu/slots/index.js';

const NOW = new Date('2026-11-23');
const slots = (text: string) => extractSlots(normalize(text), NOW);

const SHANGRAO = { province: '江西省', city: '上饶市', code: '361100' };

describe('extractSlots on whole sentences', () => {
  it.each<[string, Slots]>([
    [
      '月薪8000 缴费基数5000 社平工资7570',
      { monthlyIncome: '8000', contributionBase: '5000', averageWage: '7570' },
    ],
    [
      '我今年35岁，在江西上饶万年县，月薪一万二',
      {
        age: 35,
        monthlyIncome: '12000',
        region: { province: '江西省', city: '上饶市', county: '万年县', code: '361129' },
      },
    ],
    [
      '1975年出生的女职工，60岁退休？',
      { birthYear: 1975, age: 51, gender: 'female', jobCategory: 'worker', retirementAge: 60 },
    ],
    [
      '我交了15年养老保险，缴费基数5000，社平工资7570，个人账户余额6万，60岁退休，能领多少',
      {
        contributionYears: 15,
        contributionBase: '5000',
        averageWage: '7570',
        accountBalance: '60000',
        retirementAge: 60,
      },
    ],
    [
      '社平工资7570 缴费指数0.6 交了20年 能拿多少',
      { averageWage: '7570', contributionIndex: '0.6', contributionYears: 20 },
    ],
    [
      '按60%档交了15年 在上饶 养老金多少',
      { contributionIndex: '0.6', contributionYears: 15, region: SHANGRAO },
    ],
    [
      '女 58岁 三甲医院住院 花了3万5 能报多少',
      { gender: 'female', age: 58, hospitalLevel: 3, medicalCost: '35000' },
    ],
    ['县医院住院花了一万 新农合报多少', { hospitalLevel: 2, medicalCost: '10000' }],
    ['2025年居民医保交多少', { year: 2025 }],
    [
      '75年的，男，农村户口，在家务农',
      { birthYear: 1975, age: 51, gender: 'male', hukou: 'rural', employment: 'farmer' },
    ],
    ['上饶 农村户口 低保', { region: SHANGRAO, hukou: 'rural', specialGroup: 'dibao' }],
    [
      '年薪15万、已交11年、在上饶',
      { monthlyIncome: '12500', contributionYears: 11, region: SHANGRAO },
    ],
    ['醫療保險繳費基數８０００元，２０２５年', { contributionBase: '8000', year: 2025 }],
    [
      '男,1971年出生,交了15年,在西安',
      {
        gender: 'male',
        birthYear: 1971,
        age: 55,
        contributionYears: 15,
        region: { province: '陕西省', city: '西安市', code: '610100' },
      },
    ],
    [
      '女 52 上饶 灵活就业',
      { gender: 'female', age: 52, region: SHANGRAO, employment: 'flexible' },
    ],
    [
      '35岁在西安做自由职业，医保买居民的还是灵活就业的',
      {
        age: 35,
        region: { province: '陕西省', city: '西安市', code: '610100' },
        employment: 'flexible',
      },
    ],
    [
      '1973年9月出生、重庆、我是女的、社保交了20年',
      {
        birthYear: 1973,
        birthMonth: 9,
        age: 53,
        region: { province: '重庆市', code: '500000' },
        gender: 'female',
        contributionYears: 20,
      },
    ],
    [
      '北京 三甲 住院花了5万',
      {
        region: { province: '北京市', code: '110000' },
        hospitalLevel: 3,
        medicalCost: '50000',
      },
    ],
    ['工资一万二交了25年 退休后每月多少', { monthlyIncome: '12000', contributionYears: 25 }],
    ['女干部55岁退休还是58', { gender: 'female', jobCategory: 'cadre', retirementAge: 55 }],
    ['养老金每月能领多少', {}],
    ['你好', {}],
    ['', {}],
  ])('%j', (text, expected) => {
    expect(slots(text)).toEqual(expected);
  });

  it.each<[string, Slots]>([
    // impossible values are dropped one by one, the rest is kept
    ['年龄130岁 在上饶', { region: SHANGRAO }],
    ['1975年13月出生', {}],
    ['100岁退休 女', { gender: 'female' }],
    ['交了70年 男', { gender: 'male' }],
    ['月薪-5000 在上饶', { region: SHANGRAO }],
    ['缴费指数5', {}],
  ])('drops impossible values: %j', (text, expected) => {
    expect(slots(text)).toEqual(expected);
  });

  it('takes `now` for computed ages and relative years', () => {
    expect(extractSlots('1975年出生', new Date('2030-01-01'))).toEqual({
      birthYear: 1975,
      age: 55,
    });
    expect(extractSlots('今年医保交多少', new Date('2030-01-01'))).toEqual({ year: 2030 });
  });

  it('always returns slots the schema accepts, whatever the text', () => {
    const pieces = [
      '月薪',
      '年薪',
      '工资',
      '基数',
      '社平',
      '指数',
      '余额',
      '花了',
      '住院',
      '交了',
      '岁',
      '年',
      '月',
      '出生',
      '退休',
      '万',
      '千',
      '%',
      '档',
      '-',
      '负',
      '.',
      ',',
      ' ',
      '上饶',
      '朝阳',
      '北京',
      '男',
      '女',
      '低保',
      '三甲',
      '一',
      '二',
      '十',
      '零',
      '0',
      '5',
      '9',
      '12',
      '999',
      '2025',
      '1975',
      'k',
      'w',
      '元',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const out = extractSlots(normalize(parts.join('')), NOW);
        expect(SlotsSchema.safeParse(out).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const out = extractSlots(normalize(text), NOW);
        expect(SlotsSchema.safeParse(out).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is fast: a thousand sentences in well under a second', () => {
    const texts = [
      '我今年35岁，在江西上饶万年县，月薪一万二',
      '月薪8000 缴费基数5000 社平工资7570',
      '女 58岁 三甲医院住院 花了3万5 能报多少',
      '75年的，男，农村户口，在家务农',
      '灵活就业医保一年五千多 居民医保才四百 差在哪',
    ].map(normalize);
    for (const t of texts) extractSlots(t, NOW);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) extractSlots(texts[i % texts.length]!, NOW);
    // ~30 µs a sentence on a quiet machine; the bound is loose on purpose
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
