import type { Slots } from '../slot-schema.js';

/**
 * The level of the hospital a bill comes from: 1 (一级, community, township health centre,
 * clinic), 2 (二级, county hospital), 3 (三级, 三甲, provincial or "big" hospital). The number
 * of 三甲 is not a figure, and 一级 of 一级残疾 is not a hospital.
 */

const RULES: readonly (readonly [RegExp, 1 | 2 | 3])[] = [
  [
    /三级甲等|三级乙等|三甲|三乙|三级(医院|的医院|定点|医疗机构)|3级(医院|的医院)|省医院|省级医院|省人民医院|省城的?大医院|大医院|省里的?医院/,
    3,
  ],
  [
    /二级甲等|二级乙等|二甲|二乙|二级(医院|的医院|定点|医疗机构)|2级(医院|的医院)|县医院|县人民医院|县级医院|县中医院|县中医医院|县城医院|县妇幼/,
    2,
  ],
  [
    /一级(医院|的医院|定点|医疗机构)|1级(医院|的医院)|社区医院|社区卫生|社区门诊|社区诊所|在社区看|去社区看|乡镇卫生院|卫生院|卫生室|卫生所|诊所|村医(?!保|疗)|村卫生|基层医疗|镇医院|乡医院/,
    1,
  ],
];

/** 三级 alone counts when the text is about a hospital or a bill, not 一级残疾 or 二级工伤. */
const LEVEL_ALONE =
  /(?<![\d])([一二三123])级(?!残|伤|护理|工伤|职称|教师|厨师|技工|保护|警|建造|公务员|注册)/;
const MEDICAL = /医院|住院|门诊|看病|就医|报销|医疗|手术|治疗|起付线|定点/;

export function extractMedical(text: string, _now?: Date): Partial<Slots> {
  let best: { at: number; level: 1 | 2 | 3 } | undefined;
  for (const [pattern, level] of RULES) {
    const m = pattern.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, level };
  }
  if (!best) {
    const m = LEVEL_ALONE.exec(text);
    // 三级 as an answer by itself, or next to a medical word
    if (m && (MEDICAL.test(text) || text.replace(/[\s.,!?]/g, '').length <= 4)) {
      const level = '一1'.includes(m[1]!) ? 1 : '二2'.includes(m[1]!) ? 2 : 3;
      best = { at: m.index, level };
    }
  }
  return best ? { hospitalLevel: best.level } : {};
}
