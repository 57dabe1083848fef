import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { postJson, startApp, type TestApp } from '../support/app.js';

/** Whole conversations through POST /v1/messages, with the state in Redis. */
let app: TestApp;
beforeAll(async () => {
  app = await startApp({
    redisUrl: inject('redisUrl'),
    now: () => new Date('2026-11-23T12:00:00+08:00'),
  });
});
afterAll(async () => {
  await app.close();
});

interface Turn {
  text: string;
  buttons: string[];
  intent: string;
  slots: Record<string, any>;
  asking?: string;
}

function conversation() {
  const userId = `mt-${randomUUID()}`;
  return async (text: string): Promise<Turn> => {
    const res = await postJson(`${app.url}/v1/messages`, { userId, text });
    expect(res.status).toBe(200);
    return {
      text: res.json.replies.map((r: { text: string }) => r.text).join('\n'),
      buttons: res.json.replies.flatMap((r: { buttons?: string[] }) => r.buttons ?? []),
      intent: res.json.intent.name,
      slots: res.json.slots,
      asking: res.json.asking,
    };
  };
}

describe('medical_contribution', () => {
  it('answers a flexible worker in 西安 at once, then follows up "那养老呢" for the same place', async () => {
    const say = conversation();
    const a = await say('我在西安灵活就业，医保一个月交多少');
    expect(a.text).toContain('5182 × 9% = 466.38');
    expect(a.text).toContain('474.38');
    expect(a.text).toContain('5692.56');
    expect(a.buttons.length).toBeGreaterThanOrEqual(2);
    const b = await say('那养老呢');
    expect(b.intent).toBe('pension_contribution');
    expect(b.text).toContain('4650元 × 20% = 930');
    expect(b.slots).toMatchObject({ region: { city: '西安市' }, employment: 'flexible' });
  });

  it('asks step by step and takes a correction', async () => {
    const say = conversation();
    const a = await say('医保要交多少钱');
    expect(a.text).toMatch(/单位上班/);
    expect(a.buttons).toContain('单位上班');
    const b = await say('单位上班');
    expect(b.text).toContain('工资');
    const c = await say('月薪8000');
    expect(c.text).toContain('城市');
    const d = await say('上饶');
    expect(d.text).toContain('8000 × 2% = 160');
    const e = await say('不对，月薪是3000');
    expect(e.text).toContain('按下限计');
    expect(e.text).toContain('3915 × 2% = 78.30');
  });
});

describe('pension_contribution', () => {
  it('raises a low income to the floor of the province', async () => {
    const say = conversation();
    const a = await say('我在上饶上班，月薪3000，养老保险交多少');
    expect(a.text).toContain('3915 × 8% = 313.20');
    expect(a.text).toContain('3915 × 16% = 626.40');
    expect(a.text).toContain('939.60');
  });
});

describe('pension_estimate', () => {
  it('asks only where and how long, answers on stated assumptions, then takes the balance', async () => {
    const say = conversation();
    expect((await say('我想算算养老金')).text).toContain('省市');
    expect((await say('江西')).text).toContain('多少年');
    const c = await say('交了30年');
    // the index is taken as 1 and the account estimated, and the answer says both
    expect(c.text).toContain('按缴费指数1（平均档）估算');
    expect(c.text).toContain('推算');
    const e = await say('个人账户余额15万');
    expect(e.text).toContain('(7054 + 7054 × 1) ÷ 2 × 30年 × 1% = 2116.20');
    expect(e.text).toContain('150000 ÷ 计发月数139 = 1079.14');
    expect(e.text).toContain('3195.34');
    expect(e.text).toContain('缴费指数1');
  });
});

describe('retirement_age', () => {
  it('asks gender and birth month, answers, and recomputes on a correction', async () => {
    const say = conversation();
    expect((await say('我哪年退休')).buttons).toEqual(['男', '女']);
    expect((await say('男')).text).toContain('出生');
    const c = await say('1975年5月出生');
    expect(c.text).toContain('62岁8个月');
    expect(c.text).toContain('2038年1月');
    const d = await say('不对，我是1976年9月出生的');
    expect(d.text).toContain('2039年9月');
    expect(d.text).toMatch(/63岁/);
  });

  it('asks a woman her birth, then her old retirement age group', async () => {
    const say = conversation();
    await say('我什么时候能退休');
    expect((await say('女')).text).toContain('出生');
    expect((await say('1980年3月出生')).buttons).toEqual(['女工人', '女干部']);
    const d = await say('女工人');
    expect(d.text).toContain('52岁8个月');
    expect(d.text).toContain('2032年11月');
  });
});

describe('contribution_years', () => {
  it('works out the minimum years for the retirement year and the shortfall', async () => {
    const say = conversation();
    await say('养老保险最少交几年');
    await say('男');
    await say('1975年5月出生');
    const d = await say('交了12年');
    expect(d.text).toContain('19.5年');
    expect(d.text).toContain('7年6个月');
  });
});

describe('reimbursement', () => {
  it('asks step by step, answers, takes a correction, and forgets on reset', async () => {
    const say = conversation();
    // the hospital level is not asked: the answer shows it when given
    expect((await say('住院花了3万能报多少 三甲医院')).text).toContain('职工医保');
    await say('单位上班');
    const d = await say('南昌');
    expect(d.text).toContain('(30000 − 起付线800) × 85%');
    expect(d.text).toContain('24820');
    expect(d.text).toContain('5180');
    const e = await say('不对，是二级医院');
    expect(e.text).toContain('26550');
    const f = await say('重新开始');
    expect(f.intent).toBe('reset');
    expect(f.slots).toEqual({});
    const g = await say('住院能报多少');
    expect(g.text).toContain('花了多少');
  });
});

describe('low_income_subsidy', () => {
  it('asks the group, then what a 低保 person in 上饶 pays', async () => {
    const say = conversation();
    const a = await say('困难群众交医保有补贴吗');
    expect(a.buttons).toContain('低保');
    const b = await say('低保');
    expect(b.text).toContain('定额资助');
    const c = await say('上饶');
    expect(c.text).toContain('400 − 320 = 80');
  });
});

describe('compare_medical_types and compare_pension_types', () => {
  it('compares the schemes without recommending one as fact', async () => {
    const say = conversation();
    const a = await say('职工医保和居民医保有什么区别');
    expect(a.intent).toBe('compare_medical_types');
    expect(a.text).toContain('居民');
    expect(a.text).toContain('职工');
    const b = await say('那养老呢');
    expect(b.intent).toBe('compare_pension_types');
  });
});

describe('dialogue rules', () => {
  it('never asks the same question three times in a row, nor twice in the same words', async () => {
    const say = conversation();
    const asked = [];
    asked.push(await say('我想算养老金'));
    asked.push(await say('我35岁'));
    asked.push(await say('我是男的'));
    expect(asked[0]!.asking).toBe('region');
    expect(asked[1]!.asking).toBe('region');
    // the second time it says it did not understand, so the reply is not the same
    expect(asked[1]!.text).not.toBe(asked[0]!.text);
    expect(asked[1]!.text).toContain(asked[0]!.text);
    // and it says what it did take from the answer
    expect(asked[1]!.text).toContain('记下了：35岁');
    expect(asked[2]!.asking).not.toBe('region');
  });

  it('keeps the person facts on a new topic', async () => {
    const say = conversation();
    await say('我35岁，在上饶，月薪8000');
    const b = await say('医保交多少');
    expect(b.slots).toMatchObject({ age: 35, monthlyIncome: '8000', region: { city: '上饶市' } });
  });
});

describe('the insurance a question names', () => {
  it('answers 居民医保 for a flexible worker with the resident premium, then 那养老呢 with resident pension', async () => {
    const say = conversation();
    await say('我在南昌，灵活就业，35岁');
    const medical = await say('居民医保一年交多少');
    expect(medical.intent).toBe('medical_contribution');
    expect(medical.text).toContain('城乡居民医保按年缴费');
    expect(medical.text).toContain('个人缴费：400元/年');
    expect(medical.text).not.toContain('灵活就业人员参加职工医保');
    expect(medical.slots).toMatchObject({ employment: 'flexible', age: 35 });
    const pension = await say('那养老呢');
    expect(pension.intent).toBe('pension_contribution');
    expect(pension.text).toContain('缴费档次（元/年）');
    // a new question drops the named insurance: the person's job decides again
    const next = await say('医保一个月交多少');
    expect(next.text).toContain('灵活就业人员参加职工医保');
  });

  it('does not ask for the job when the question already names 居民医保', async () => {
    const say = conversation();
    const first = await say('居民医保一年交多少');
    expect(first.text).toBe('你在哪个城市参保？');
    const answer = await say('南昌');
    expect(answer.text).toContain('个人缴费：400元/年');
  });
});

describe('resident pension estimate', () => {
  it('asks only where and how long, then answers with the resident formula', async () => {
    const say = conversation();
    expect((await say('居民养老保险能领多少')).text).toBe('你在哪个省市领养老金（参保地）？');
    expect((await say('北京')).text).toBe('到退休时一共缴费多少年？');
    const answer = await say('交了20年');
    expect(answer.intent).toBe('pension_estimate');
    expect(answer.text).toContain(
      '（1000 + 补贴60）× 20年 = 21200元；每月163 + 21200 ÷ 139 = 315.52元',
    );
    expect(answer.text).not.toContain('缴费指数');
  });
});

describe('"职工医保还是居民医保？" answered with the insurance', () => {
  it('takes "居民医保" as the answer and estimates with the resident table', async () => {
    const say = conversation();
    await say('我在南昌，住院花了3万能报多少');
    expect((await say('三甲')).text).toContain('职工医保');
    const answer = await say('居民医保');
    expect(answer.intent).toBe('reimbursement');
    expect(answer.text).toContain('(30000 − 起付线600) × 60% = 报销约17640元');
  });
});

describe('forgetting and other domains', () => {
  it('asks before forgetting on a text that only looks like reset, then forgets on the button', async () => {
    const say = conversation();
    await say('35岁，在上饶');
    const a = await say('换个问题');
    expect(a.text).toContain('要清除你告诉我的信息');
    expect(a.slots).toMatchObject({ age: 35, region: { city: '上饶市' } });
    const b = await say(a.buttons[0]!);
    expect(b.intent).toBe('reset');
    expect(b.slots).toEqual({});
  });

  it('says who answers a look-alike domain and what the bot can do', async () => {
    const say = conversation();
    const a = await say('公积金一个月交多少');
    expect(a.intent).toBe('out_of_scope');
    expect(a.text).toContain('住房公积金管理中心');
    expect(a.text).toContain('我只解答社保里的医保和养老保险');
    expect(a.buttons.length).toBeGreaterThan(0);
  });
});

describe('a question with several parts (issue 11)', () => {
  it('a flexible worker in 杭州 gets both insurances and the total, then the year', async () => {
    const say = conversation();
    const both = await say('杭州自由职业 医保和养老一个月总共要交多少');
    expect(both.asking).toBeUndefined();
    // medical 9.5% of the lowest base 4986 = 473.67; pension 20% of 60% of 8433 = 1011.96
    expect(both.text).toContain('医保473.67元 + 养老1011.96元 = 1485.63元');
    expect(both.text).toContain('灵活就业人员参加职工医保');
    expect(both.text).toContain('灵活就业人员养老保险');
    const year = await say('一年呢');
    expect(year.text).toContain('一年个人要交17827.56元');
  });

  it('a man born 1975-05 asking when he retires and the minimum years gets both', async () => {
    const say = conversation();
    const both = await say('男 1975年5月出生 什么时候退休 最少交几年');
    expect(both.text).toContain('2038年1月退休');
    expect(both.text).toContain('19年6个月');
  });
});

describe('a resident pension tier named (issue 12)', () => {
  it('a farmer in 上饶 on the 500 tier, then "要是交1000的档呢", gets that tier computed', async () => {
    const say = conversation();
    const first = await say(
      '我是上饶农村的 城乡居民养老保险 每年交500的档 交15年 到60岁一个月能领多少',
    );
    expect(first.text).toContain('每年交500元：账户（500 + 补贴60）× 15年 = 8400元');
    expect(first.text).not.toContain('每年交100元');
    const next = await say('要是交1000的档呢');
    expect(next.intent).toBe('pension_estimate');
    // (1000 + 60) × 15 = 15900; 15900 ÷ 139 = 114.39; 163 + 114.39 = 277.39
    expect(next.text).toContain('每月163 + 15900 ÷ 139 = 277.39元');
    expect(next.text).not.toContain('缴费指数');
  });
});

describe('places outside the mainland schemes (issue 12)', () => {
  it('香港 is said to be outside at once, with no question for the city', async () => {
    const say = conversation();
    const a = await say('在香港看病能用医保报销吗');
    expect(a.asking).toBeUndefined();
    expect(a.text).toContain('香港、澳门、台湾不在内地基本医疗保险和养老保险的范围内');
    expect(a.slots.region).toBeUndefined();
  });
});

describe('edits of the last question (issue 11)', () => {
  it('a flexible worker corrects the base: "是8000不是5000", then asks for the year', async () => {
    const say = conversation();
    await say('灵活就业 基数5000 养老一个月交多少');
    const fixed = await say('是8000不是5000');
    expect(fixed.slots.contributionBase).toBe('8000');
    expect(fixed.text).toContain('8000 × 20% = 1600');
    const year = await say('一年呢');
    expect(year.text).toContain('一年个人要交19200元');
  });

  it('"要是62岁退休呢" then "63岁呢" change the retirement age and keep the rest', async () => {
    const say = conversation();
    await say('社平工资8000 缴费指数0.6 交了25年 个人账户10万 60岁退休 每月能领多少');
    const at62 = await say('要是62岁退休呢');
    expect(at62.slots).toMatchObject({ retirementAge: 62, averageWage: '8000' });
    const at63 = await say('63岁呢');
    expect(at63.intent).toBe('pension_estimate');
    expect(at63.slots.retirementAge).toBe(63);
    expect(at63.slots.age).toBeUndefined();
    // 100000 ÷ 计发月数117 (63岁)
    expect(at63.text).toContain('100000 ÷ 计发月数117 = 854.70');
  });

  it('"那2040年呢" after "2032年退休" is another retirement year, not a policy year', async () => {
    const say = conversation();
    await say('2032年退休 最少交几年社保');
    const next = await say('那2040年呢');
    expect(next.slots.retirementYear).toBe(2040);
    expect(next.slots.year).toBeUndefined();
    expect(next.text).toContain('2040年退休，领取职工养老金最低需缴费20年');
  });

  it('a daughter asks for her mother, then her father: each answered with their own facts', async () => {
    const say = conversation();
    const mother = await say('帮我妈问下 她78年6月出生的 在厂里当工人 什么时候能退休');
    expect(mother.text).toContain('以下按你母亲的情况计算');
    expect(mother.text).toContain('2030年3月退休');
    const father = await say('那我爸呢 他是66年3月的');
    expect(father.asking).toBeUndefined();
    expect(father.slots).toMatchObject({ gender: 'male', birthYear: 1966, birthMonth: 3 });
    expect(father.text).toContain('以下按你父亲的情况计算');
    expect(father.text).toContain('2026年7月');
  });

  it('a question about the rule in general is answered, not met with questions', async () => {
    const say = conversation();
    const a = await say('延迟退休是怎么规定的');
    expect(a.asking).toBeUndefined();
    expect(a.text).toContain('63岁');
  });
});

describe('which pension a question means when it names none', () => {
  it('a 65-year-old from the countryside with no job named gets the resident pension', async () => {
    const say = conversation();
    await say('我是上饶农村的 今年65了 养老金能领多少');
    const a = await say('交了15年');
    expect(a.text).toContain('按城乡居民养老保险估算');
    expect(a.text).toContain('÷ 139');
    expect(a.text).not.toContain('计发基数');
  });

  it('a factory worker gets the employee pension', async () => {
    const say = conversation();
    const a = await say('我在南昌厂里上班 交了20年 养老金能领多少');
    expect(a.text).toContain('计发基数');
    expect(a.text).not.toContain('城乡居民养老保险待遇');
  });
});
