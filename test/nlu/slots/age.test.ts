import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/nlu/normalize.js';
import type { Slots } from '../../../src/nlu/slot-schema.js';
import { extractAge } from '../../../src/nlu/slots/age.js';

const NOW = new Date('2026-11-23');
const ages = (text: string) => extractAge(normalize(text), NOW);

describe('extractAge', () => {
  it.each<[string, Partial<Slots>]>([
    // age
    ['35岁', { age: 35 }],
    ['我42岁', { age: 42 }],
    ['三十五岁', { age: 35 }],
    ['今年35', { age: 35 }],
    ['今年五十一岁', { age: 51 }],
    ['今年57周岁', { age: 57 }],
    ['我今年五十', { age: 50 }],
    ['今年刚40', { age: 40 }],
    ['年龄是45', { age: 45 }],
    ['孩子3岁', { age: 3 }],
    ['我50岁了还能交吗', { age: 50 }],
    ['我满50岁了', { age: 50 }],
    ['我55，女，在南京', { age: 55 }],
    ['女 48', { age: 48 }],
    ['男，62', { age: 62 }],
    ['男性，三十七，车间工人', { age: 37 }],
    ['我妈62了', { age: 62 }],
    ['39 城市户口 在上饶', { age: 39 }],
    ['五保户 39', { age: 39 }],
    ['三十八', { age: 38 }],
    // birth year and month; the age follows from them
    ['1975年出生', { birthYear: 1975, age: 51 }],
    ['1975年生', { birthYear: 1975, age: 51 }],
    ['一九七五年出生', { birthYear: 1975, age: 51 }],
    ['75年的', { birthYear: 1975, age: 51 }],
    ['我是82年的', { birthYear: 1982, age: 44 }],
    ['七五年的', { birthYear: 1975, age: 51 }],
    ['75年生人', { birthYear: 1975, age: 51 }],
    ['我是1990年出生的', { birthYear: 1990, age: 36 }],
    ['出生于1971年', { birthYear: 1971, age: 55 }],
    ['05年的', { birthYear: 2005, age: 21 }],
    ['西安 女 1974年 工人', { birthYear: 1974, age: 52 }],
    ['1975年5月出生', { birthYear: 1975, birthMonth: 5, age: 51 }],
    ['1980年3月生', { birthYear: 1980, birthMonth: 3, age: 46 }],
    ['我出生于1971年7月', { birthYear: 1971, birthMonth: 7, age: 55 }],
    ['75年5月出生', { birthYear: 1975, birthMonth: 5, age: 51 }],
    ['1975.5', { birthYear: 1975, birthMonth: 5, age: 51 }],
    ['1975-05', { birthYear: 1975, birthMonth: 5, age: 51 }],
    ['1975/5出生', { birthYear: 1975, birthMonth: 5, age: 51 }],
    ['我在西安 1976年8月 男', { birthYear: 1976, birthMonth: 8, age: 50 }],
    // the age is counted in calendar years, whatever the birth month
    ['1975年12月出生', { birthYear: 1975, birthMonth: 12, age: 51 }],
    ['我是76年10月的女工人', { birthYear: 1976, birthMonth: 10, age: 50 }],
    ['查一下我几岁退休 男 82年', { birthYear: 1982, age: 44 }],
    ['born in 1978', { birthYear: 1978, age: 48 }],
    ['交够15年能领多少钱一个月', { contributionYears: 15 }],
    ['孩子今年8月出生的', { birthYear: 2026, birthMonth: 8, age: 0 }],
    ['12月出生', { birthMonth: 12 }],
    ['生日是5月', { birthMonth: 5 }],
    ['1975年出生,5月生的', { birthYear: 1975, birthMonth: 5, age: 51 }],
    // an age said outright wins over the one from the birth year
    ['1975年出生,今年50岁', { birthYear: 1975, age: 50 }],
    // retirement age, not age
    ['60岁退休', { retirementAge: 60 }],
    ['退休年龄55', { retirementAge: 55 }],
    ['退休年龄是60岁', { retirementAge: 60 }],
    ['女干部55岁退休吗', { retirementAge: 55 }],
    ['男的现在还是60退休吗', { retirementAge: 60 }],
    ['延迟退休男的63岁吗', { retirementAge: 63 }],
    ['打算延迟到65退', { retirementAge: 65 }],
    ['准备62岁退', { retirementAge: 62 }],
    ['我35岁,想知道60岁退休能领多少', { age: 35, retirementAge: 60 }],
    ['60岁能退吗 我是71年的', { retirementAge: 60, birthYear: 1971, age: 55 }],
    // years of contribution
    ['交了15年', { contributionYears: 15 }],
    ['社保交了十五年半', { contributionYears: 15.5 }],
    ['缴费15年', { contributionYears: 15 }],
    ['交了15年零3个月', { contributionYears: 15.25 }],
    ['我交了10年3个月', { contributionYears: 10.25 }],
    ['缴费年限20年', { contributionYears: 20 }],
    ['有15年社保', { contributionYears: 15 }],
    ['交过6年', { contributionYears: 6 }],
    ['已经交满15年了', { contributionYears: 15 }],
    ['交了一年', { contributionYears: 1 }],
    ['交15年能领多少', { contributionYears: 15 }],
    // the policy year
    ['2025年居民医保交多少', { year: 2025 }],
    ['２０２５年', { year: 2025 }],
    ['2025年的', { year: 2025 }],
    ['25年城乡居民医保多少钱', { year: 2025 }],
    ['2026年度城乡居民医保缴费期', { year: 2026 }],
    ['问一下2025的社平工资', { year: 2025 }],
    ['今年医保交多少', { year: 2026 }],
    ['明年的缴费标准', { year: 2027 }],
    ['去年交了多少', { year: 2025 }],
    ['2030年以后最低缴费年限是多少', { year: 2030 }],
    ['2025年生效的新规定', { year: 2025 }],
  ])('%j', (text, expected) => {
    expect(ages(text)).toEqual(expected);
  });

  it.each([
    // conditions and rules, not the person
    ['60岁以上老人'],
    ['16-59岁'],
    ['到60岁能领多少'],
    ['满60岁能领吗'],
    ['农村养老保险60岁能领多少'],
    ['女职工50岁还是55岁'],
    ['要交满15年吗'],
    ['最少交15年'],
    ['必须连续交15年吗'],
    ['还差5年'],
    ['中间断交了三年'],
    ['没交够15年退休怎么处理'],
    ['交满15年可以不交了吗'],
    ['工龄 30年'],
    ['工龄20年'],
    ['交医保一年多少'],
    ['交多少年'],
    // years that are not a birth or a policy year
    ['1990年参加工作'],
    ['每月领2000养老金'],
    ['转移后年限能累计吗'],
    ['月薪1975.5'],
    ['88'],
    ['我80后'],
    // impossible values are dropped
    ['年龄130岁'],
    ['100岁退休'],
    ['交了70年'],
    ['1975年13月出生'],
    ['1880年出生'],
    ['2030年出生'],
  ])('%j gives nothing', (text) => {
    expect(ages(text)).toEqual({});
  });
});

describe('retirementYear', () => {
  it.each([
    ['2030年退休的话，养老保险最少要交满多少年', { retirementYear: 2030 }],
    ['我打算2035年退休', { retirementYear: 2035 }],
    ['我退休时间是2028年', { retirementYear: 2028 }],
    ['2031年底就退了', { retirementYear: 2031 }],
  ])('%j -> %j, never a policy year', (text, want) => {
    expect(ages(text)).toEqual(want);
  });

  it.each([['2025年居民医保交多少'], ['2030年的退休年龄是多少'], ['1975年出生']])(
    '%j has no retirement year',
    (text) => {
      expect(ages(text).retirementYear).toBeUndefined();
    },
  );
});
