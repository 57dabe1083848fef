import { describe, expect, it } from 'vitest';
import { medicalContribution } from '../../src/answers/calc/medical-contribution.js';
import { pensionContribution } from '../../src/answers/calc/pension-contribution.js';
import { pensionEstimate } from '../../src/answers/calc/pension-estimate.js';
import { reimbursement } from '../../src/answers/calc/reimbursement.js';
import type { Scheme } from '../../src/nlu/scheme.js';
import type { Slots } from '../../src/nlu/slot-schema.js';
import { NANCHANG, now, policies } from './helpers.js';

/** The insurance a question names wins over the person's job. */
const ask = (slots: Slots, scheme?: Scheme) => ({
  slots,
  defaulted: [],
  now,
  ...(scheme ? { scheme } : {}),
});

describe('answers for the insurance the question names', () => {
  const flexibleInNanchang: Slots = { region: NANCHANG, employment: 'flexible' };

  it('a flexible worker asking 居民医保 gets the resident premium (江西 2025: 400 元/年)', () => {
    const { text } = medicalContribution(policies, ask(flexibleInNanchang, 'resident'));
    expect(text).toContain('城乡居民医保按年缴费');
    expect(text).toContain('个人缴费：400元/年');
    expect(text).not.toContain('灵活就业人员参加职工医保');
    // without the scheme named, the same person gets the flexible-employment answer
    const plain = medicalContribution(policies, ask(flexibleInNanchang)).text;
    expect(plain).toContain('灵活就业人员参加职工医保');
  });

  it('a student asking 职工医保 gets the employee rates, not the resident premium', () => {
    const { text } = medicalContribution(
      policies,
      ask({ region: NANCHANG, employment: 'student', monthlyIncome: '8000' }, 'employee'),
    );
    expect(text).toContain('职工医保（单位上班）每月缴费');
    expect(text).not.toContain('城乡居民医保按年缴费');
  });

  it('a flexible worker asking 居民养老 gets the resident tiers (国发〔2014〕8号)', () => {
    const { text } = pensionContribution(policies, ask(flexibleInNanchang, 'resident'));
    expect(text).toContain('缴费档次（元/年）：100、200、300、400、500');
    expect(text).toContain('国发〔2014〕8号');
    expect(text).not.toContain('灵活就业人员养老保险每月缴费');
  });

  it('an employee asking what 居民医保 pays back gets the resident table: (30000 − 600) × 60%', () => {
    const { text } = reimbursement(
      policies,
      ask(
        { region: NANCHANG, employment: 'employee', medicalCost: '30000', hospitalLevel: 3 },
        'resident',
      ),
    );
    expect(text).toContain('南昌市城乡居民医保住院报销');
    expect(text).toContain('(30000 − 起付线600) × 60% = 报销约17640元，自付约12360元');
  });

  describe('居民养老 estimate: basic pension + account ÷ 139 (国发〔2014〕8号)', () => {
    const shangrao = { province: '江西省', city: '上饶市', code: '361100' };

    it('builds the account from the lowest, first higher-subsidy and highest tiers', () => {
      const { text } = pensionEstimate(
        policies,
        ask({ region: shangrao, contributionYears: 15 }, 'resident'),
      );
      // national minimum basic pension 163 元 (2026); subsidy ≥ 30 元, ≥ 60 元 from the 500 tier
      expect(text).toContain('（100 + 补贴30）× 15年 = 1950元；每月163 + 1950 ÷ 139 = 177.03元');
      expect(text).toContain('（500 + 补贴60）× 15年 = 8400元；每月163 + 8400 ÷ 139 = 223.43元');
      expect(text).toContain('（2000 + 补贴60）× 15年 = 30900元；每月163 + 30900 ÷ 139 = 385.30元');
      expect(text).toContain('国家最低标准');
      expect(text).not.toContain('缴费指数');
    });

    it('uses the balance the person gave: 163 + 20000 ÷ 139 = 306.88', () => {
      const { text } = pensionEstimate(
        policies,
        ask({ region: shangrao, accountBalance: '20000' }, 'resident'),
      );
      expect(text).toContain('163 + 143.88 = 306.88元/月');
    });

    it('says that fewer than 15 years is not enough for a monthly pension', () => {
      const short = pensionEstimate(
        policies,
        ask({ region: shangrao, contributionYears: 10 }, 'resident'),
      ).text;
      expect(short).toContain('一般要累计缴费满15年才能按月领取；缴费10年不够');
      const enough = pensionEstimate(
        policies,
        ask({ region: shangrao, contributionYears: 15 }, 'resident'),
      ).text;
      expect(enough).not.toContain('累计缴费满15年');
    });

    it('says how many years it assumed when none were given (15)', () => {
      const { text } = pensionEstimate(policies, ask({ region: shangrao }, 'resident'));
      expect(text).toContain('（你没说缴多少年，按15年计算）');
    });
  });
});

describe('fallback notes', () => {
  it('share one line when several figures fell back the same way, each named', () => {
    const shangrao = { province: '江西省', city: '上饶市', code: '361100' };
    const { text } = pensionEstimate(
      policies,
      ask({ region: shangrao, contributionYears: 15 }, 'resident'),
    );
    const notes = text.split('\n').filter((l) => l.startsWith('未找到'));
    expect(notes).toEqual([
      '未找到上饶市2026年的城乡居民基础养老金、居民养老保险计发月数、居民养老保险领取条件、居民养老保险缴费档次、居民养老保险缴费补贴数据，按全国标准估算',
    ]);
  });
});
