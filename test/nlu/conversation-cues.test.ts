import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/nlu/normalize.js';
import { loadKinship, personNamed } from '../../src/nlu/person-ref.js';
import {
  asksInGeneral,
  isCorrection,
  namesBothContributions,
  namesRetirementAndYears,
  nationalAsked,
  periodNamed,
  tierNamed,
  withoutDenied,
} from '../../src/nlu/question-edits.js';
import { readSlotValue, readSlotValues } from '../../src/nlu/slot-value.js';
import { editTarget } from '../../src/dialogue/edit-target.js';

const kinship = loadKinship();
const person = (text: string) => personNamed(normalize(text), kinship);
const NOW = new Date('2026-11-29T12:00:00+08:00');

describe('whom a message is about (kinship.yaml)', () => {
  it.each([
    ['帮我妈问下 她78年6月出生的', { key: 'mother', gender: 'female' }],
    ['那我爸呢 他是66年3月的', { key: 'father', gender: 'male' }],
    ['我老公66年3月出生的', { key: 'husband', gender: 'male' }],
    ['那我老伴呢 她65', { key: 'spouse', gender: 'female' }],
    ['老伴呢', { key: 'spouse' }],
    ['孩子呢 上小学', { key: 'child' }],
    ['那我呢', { key: 'self' }],
  ])('%j -> %j', (text, want) => {
    expect(person(text)).toMatchObject(want);
    if (!('gender' in want)) expect(person(text)?.gender).toBeUndefined();
  });

  it.each([['我是宝妈'], ['王先生你好'], ['小姐姐你好'], ['医保一个月交多少']])(
    '%j names nobody else',
    (text) => {
      expect(person(text)).toBeUndefined();
    },
  );
});

describe('how a message edits the last question', () => {
  it.each([
    ['不对，是8000'],
    ['不对我说错了 是8000'],
    ['说错了 我是女的'],
    ['是8000不是5000'],
    ['我打错了'],
  ])('%j is a correction', (text) => expect(isCorrection(normalize(text))).toBe(true));
  it.each([['对的 就是这个'], ['医保一个月交多少'], ['是不是要交两份']])('%j is not', (text) =>
    expect(isCorrection(normalize(text))).toBe(false),
  );
  it('takes out what a correction denies', () => {
    expect(withoutDenied('是男的不是女的 打错了')).not.toContain('女');
    expect(withoutDenied('是8000不是5000')).not.toContain('5000');
  });
  it('reads the period, the national standard, both questions, and a question in general', () => {
    expect(periodNamed('一年呢')).toBe('year');
    expect(periodNamed('每个月交多少')).toBe('month');
    expect(periodNamed('交多少')).toBeUndefined();
    expect(nationalAsked('按全国标准 居民医保交多少')).toBe(true);
    expect(nationalAsked('全国统一的话 交多少')).toBe(true);
    expect(namesBothContributions('医保和养老一个月总共要交多少')).toBe(true);
    expect(namesBothContributions('医保和养老有啥区别')).toBe(false);
    expect(namesRetirementAndYears('男 1975年5月出生 什么时候退休 最少交几年')).toBe(true);
    expect(asksInGeneral('延迟退休是怎么规定的')).toBe(true);
    expect(asksInGeneral('我哪年退休')).toBe(false);
  });
});

describe('a bare answer read as the slot asked for', () => {
  it.each([
    ['monthlyIncome', '8000', '8000'],
    ['monthlyIncome', '大概八千块', '8000'],
    ['monthlyIncome', '1.2万', '12000'],
    ['contributionIndex', '60%', '0.6'],
    ['contributionIndex', '按60的档', '0.6'],
    ['contributionIndex', '0.8', '0.8'],
    ['age', '65', 65],
    ['birthYear', '75年的', 1975],
  ] as const)('%s <- %j = %j', (slot, text, want) => {
    expect(readSlotValue(slot, normalize(text), NOW)).toEqual(want);
  });
  it.each([
    ['monthlyIncome', '35岁'],
    ['monthlyIncome', '一年呢'],
    ['medicalCost', '三甲'],
    ['contributionIndex', '要是交1000的档呢'],
    ['age', '8000元'],
    ['monthlyIncome', '8000 9000'],
  ] as const)('%s <- %j: nothing', (slot, text) => {
    expect(readSlotValue(slot, normalize(text), NOW)).toBeUndefined();
  });
  it('reads a birth month with the year', () => {
    expect(readSlotValues('birthYear', '不对 是81年10月', NOW)).toEqual({
      birthYear: 1981,
      birthMonth: 10,
    });
  });
});

describe('which fact a bare figure in an edit changes', () => {
  it.each([
    ['不对 是25年', { contributionYears: 20, averageWage: '6000' }, undefined, 'contributionYears'],
    ['63岁呢', { retirementAge: 62 }, 'retirementAge', 'retirementAge'],
    ['要是60岁就退呢', {}, undefined, 'retirementAge'],
    ['不对，是8000', { contributionBase: '5000' }, 'contributionBase', 'contributionBase'],
    ['不对 是81年10月', { birthYear: 1980 }, 'gender', 'birthYear'],
    ['她65 也是农村的', {}, undefined, 'age'],
  ] as const)('%j with %j (last %s) -> %s', (text, known, last, want) => {
    expect(editTarget(normalize(text), known, last)).toBe(want);
  });
});

describe('a resident pension tier named', () => {
  it.each([
    ['每年交500的档', 500],
    ['要是交1000的档呢', 1000],
    ['选2000元档次', 2000],
  ] as const)('%j -> %i', (text, want) => {
    expect(tierNamed(normalize(text))).toBe(want);
  });
  it.each([['按60%档交'], ['0.6档'], ['交了15年']])('%j names none', (text) => {
    expect(tierNamed(normalize(text))).toBeUndefined();
  });
});
