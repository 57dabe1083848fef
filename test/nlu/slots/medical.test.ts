import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/nlu/normalize.js';
import { extractMedical } from '../../../src/nlu/slots/medical.js';

const level = (text: string) => extractMedical(normalize(text)).hospitalLevel;

describe('extractMedical', () => {
  it.each<[string, 1 | 2 | 3]>([
    ['一级医院', 1],
    ['一级医院报销比例', 1],
    ['社区医院', 1],
    ['在社区医院看病', 1],
    ['社区卫生服务中心', 1],
    ['乡镇卫生院', 1],
    ['镇上卫生院', 1],
    ['去卫生院', 1],
    ['村卫生室', 1],
    ['小诊所', 1],
    ['二级医院', 2],
    ['二甲医院', 2],
    ['县医院', 2],
    ['县人民医院', 2],
    ['在县人民医院住院花了两万', 2],
    ['县中医院', 2],
    ['市里二级医院', 2],
    ['三级医院', 3],
    ['三甲', 3],
    ['三甲医院住院报销比例', 3],
    ['三乙医院', 3],
    ['三级甲等', 3],
    ['省医院', 3],
    ['省人民医院', 3],
    ['大医院', 3],
    ['醫保起付線三級醫院多少', 3],
    ['二级', 2],
    ['三级', 3],
    ['3级医院', 3],
    ['医保起付线三级多少', 3],
    // the first named wins
    ['一级医院和三级医院报销差多少', 1],
  ])('%j -> %d', (text, expected) => {
    expect(level(text)).toBe(expected);
  });

  it.each([
    ['一级残疾'],
    ['二级残疾 医保补贴'],
    ['三级护理'],
    ['二级工伤'],
    ['一级教师'],
    ['农村医保一年多少'],
    ['农村医保和城镇职工医保差别大吗'],
    ['医院几点上班'],
    ['三个月'],
    ['三年'],
    ['在社区办理'],
    ['社保局'],
  ])('%j names no hospital level', (text) => {
    expect(level(text)).toBeUndefined();
  });
});
