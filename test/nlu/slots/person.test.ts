import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/nlu/normalize.js';
import type { Slots } from '../../../src/nlu/slot-schema.js';
import { extractPerson } from '../../../src/nlu/slots/person.js';

const person = (text: string) => extractPerson(normalize(text));

describe('extractPerson', () => {
  it.each<[string, Partial<Slots>]>([
    // gender
    ['男', { gender: 'male' }],
    ['女', { gender: 'female' }],
    ['男的', { gender: 'male' }],
    ['我是女的', { gender: 'female' }],
    ['男性', { gender: 'male' }],
    ['性别女', { gender: 'female' }],
    ['女士', { gender: 'female' }],
    ['王先生', { gender: 'male' }],
    ['女同志', { gender: 'female' }],
    // job category (and the gender it comes with)
    ['女职工', { gender: 'female', jobCategory: 'worker' }],
    ['女工', { gender: 'female', jobCategory: 'worker' }],
    ['女干部', { gender: 'female', jobCategory: 'cadre' }],
    ['管理岗', { jobCategory: 'cadre' }],
    ['技术岗的女的', { gender: 'female', jobCategory: 'cadre' }],
    ['普通工人', { jobCategory: 'worker' }],
    ['女职工是干部', { gender: 'female', jobCategory: 'cadre' }],
    // employment
    ['在单位上班', { employment: 'employee' }],
    ['在国企上班', { employment: 'employee' }],
    ['公司给我交的医保', { employment: 'employee' }],
    ['单位交的', { employment: 'employee' }],
    ['在宁波打工', { employment: 'employee' }],
    ['农民工', { employment: 'employee' }],
    ['事业单位', { employment: 'employee' }],
    ['灵活就业', { employment: 'flexible' }],
    ['自由职业', { employment: 'flexible' }],
    ['我是开店的个体户', { employment: 'flexible' }],
    ['打零工的', { employment: 'flexible' }],
    ['跑外卖的', { employment: 'flexible' }],
    ['开网约车的', { employment: 'flexible' }],
    ['以前上班现在灵活就业', { employment: 'flexible' }],
    ['我是灵活就业，交居民医保还是职工医保', { employment: 'flexible' }],
    ['北京灵活就业医保最低每月交多少', { employment: 'flexible' }],
    ['无业', { employment: 'unemployed' }],
    ['我失业了', { employment: 'unemployed' }],
    ['没工作', { employment: 'unemployed' }],
    ['在家带孩子没上班', { employment: 'unemployed' }],
    ['不上班了', { employment: 'unemployed' }],
    ['我没有单位', { employment: 'unemployed' }],
    ['失业了以前单位交的', { employment: 'unemployed' }],
    ['学生', { employment: 'student' }],
    ['大学生', { employment: 'student' }],
    ['小孩，刚上小学', { employment: 'student' }],
    ['孩子的医保', { employment: 'student' }],
    ['在读研究生', { employment: 'student' }],
    ['退休了', { employment: 'retiree' }],
    ['在纺织厂上班二十多年了，现在不是说延迟退休了嘛', { employment: 'employee' }],
    ['在厂里当工人，等我退休了一个月能领多少', { employment: 'employee', jobCategory: 'worker' }],
    ['我在深圳打零工，交灵活就业医保还是居民医保好', { employment: 'flexible' }],
    ['freelancer交医保', { employment: 'flexible' }],
    ['入职新单位以后', { employment: 'employee' }],
    ['我低宝户', { specialGroup: 'dibao' }],
    ['今年村干部说医保要交钱了', {}],
    ['已经退休了', { employment: 'retiree' }],
    ['退休人员医保报销比例', { employment: 'retiree' }],
    ['退休', { employment: 'retiree' }],
    ['退休了还在上班', { employment: 'retiree' }],
    ['农民', { employment: 'farmer' }],
    ['在家务农', { employment: 'farmer' }],
    ['种地的', { employment: 'farmer' }],
    // hukou
    ['城镇户口', { hukou: 'urban' }],
    ['城市户口', { hukou: 'urban' }],
    ['非农业户口', { hukou: 'urban' }],
    ['农村户口', { hukou: 'rural' }],
    ['农业户口', { hukou: 'rural' }],
    ['户口在农村', { hukou: 'rural' }],
    ['农村户口在城里打工', { hukou: 'rural', employment: 'employee' }],
    // special groups
    ['低保户', { specialGroup: 'dibao' }],
    ['我们家是低保', { specialGroup: 'dibao' }],
    ['低保边缘户', { specialGroup: 'dibao_edge' }],
    ['特困人员', { specialGroup: 'tekun' }],
    ['五保户', { specialGroup: 'tekun' }],
    ['重度残疾', { specialGroup: 'disabled' }],
    ['一级残疾', { specialGroup: 'disabled' }],
    ['有残疾证', { specialGroup: 'disabled' }],
    ['脱贫户', { specialGroup: 'poverty' }],
    ['建档立卡贫困户', { specialGroup: 'poverty' }],
    // several at once
    [
      '女 农村户口 低保 灵活就业',
      { gender: 'female', hukou: 'rural', specialGroup: 'dibao', employment: 'flexible' },
    ],
  ])('%j', (text, expected) => {
    expect(person(text)).toEqual(expected);
  });

  it.each([
    // someone else, or both genders named
    ['子女可以帮父母交吗'],
    ['我女儿的医保'],
    ['男60女55'],
    ['男女都一样吗'],
    ['美女你好'],
    ['我先生的社保'],
    // denied
    ['不是低保户'],
    ['我不是农村户口'],
    ['没有残疾证'],
    // about the office, a rule or the future, not the person
    ['社保局上班时间'],
    ['医保大厅几点上班'],
    ['快退休了年限不够'],
    ['什么时候能退休'],
    ['60岁退休'],
    ['退休后能领多少'],
    ['考公务员难吗'],
    ['生孩子医保能报多少'],
    ['南京儿童医院怎么挂号'],
    ['职工医保'],
    ['失业金怎么领'],
    ['城乡居民养老保险跟企业职工养老保险区别'],
    ['灵活就业医保和居民医保选哪个好'],
    ['医保是交灵活就业的还是交城乡居民的'],
    ['城乡居民医保'],
    ['养老金每月能领多少'],
  ])('%j gives nothing', (text) => {
    expect(person(text)).toEqual({});
  });
});
