import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/nlu/normalize.js';
import type { Slots } from '../../../src/nlu/slot-schema.js';
import { extractMoney } from '../../../src/nlu/slots/money.js';

const NOW = new Date('2026-11-23');
const money = (text: string) => extractMoney(normalize(text), NOW);

describe('extractMoney: which figure is which', () => {
  it.each<[string, Partial<Slots>]>([
    // monthly income
    ['月薪8000', { monthlyIncome: '8000' }],
    ['月薪一万二', { monthlyIncome: '12000' }],
    ['工资1.2万', { monthlyIncome: '12000' }],
    ['12k的工资，医保个人部分多少', { monthlyIncome: '12000' }],
    ['一万二的工资', { monthlyIncome: '12000' }],
    ['月收入一万二', { monthlyIncome: '12000' }],
    ['工资3000多', { monthlyIncome: '3000' }],
    ['到手4500', { monthlyIncome: '4500' }],
    ['税前一万', { monthlyIncome: '10000' }],
    ['月入4000', { monthlyIncome: '4000' }],
    ['我一个月挣12000元', { monthlyIncome: '12000' }],
    ['一个月挣五千左右', { monthlyIncome: '5000' }],
    ['一个月3000块钱', { monthlyIncome: '3000' }],
    ['一个月一万五', { monthlyIncome: '15000' }],
    ['8000一个月', { monthlyIncome: '8000' }],
    ['15k一个月', { monthlyIncome: '15000' }],
    ['1.5万一个月,交了15年', { monthlyIncome: '15000' }],
    ['工资8000元/月', { monthlyIncome: '8000' }],
    ['工资8,000', { monthlyIncome: '8000' }],
    ['月薪８０００元', { monthlyIncome: '8000' }],
    ['月薪1.2W', { monthlyIncome: '12000' }],
    ['月薪三千五', { monthlyIncome: '3500' }],
    ['工资一万零五百', { monthlyIncome: '10500' }],
    ['月薪两万 养老按上限交吗', { monthlyIncome: '20000' }],
    ['一个月8000交多少医保', { monthlyIncome: '8000' }],
    ['月薪2000交多少社保', { monthlyIncome: '2000' }],
    ['我挣得不多,也就3000块', { monthlyIncome: '3000' }],
    ['61岁 北京 10k', { monthlyIncome: '10000' }],
    ['12k', { monthlyIncome: '12000' }],
    ['我salary 9k', { monthlyIncome: '9000' }],
    ['hospital bill 1万 医保 reimburse多少', { medicalCost: '10000' }],
    // annual income, per month to two decimals
    ['年薪15万', { monthlyIncome: '12500' }],
    ['年薪10万', { monthlyIncome: '8333.33' }],
    ['年收入20万', { monthlyIncome: '16666.67' }],
    ['一年挣十万左右', { monthlyIncome: '8333.33' }],
    ['15万的年薪', { monthlyIncome: '12500' }],
    ['月薪8000,年薪10万', { monthlyIncome: '8000' }],
    // contribution base and average wage
    ['缴费基数5000', { contributionBase: '5000' }],
    ['基数按6000交的', { contributionBase: '6000' }],
    ['基数是一万', { contributionBase: '10000' }],
    ['按5000交', { contributionBase: '5000' }],
    ['按照8000的基数缴', { contributionBase: '8000' }],
    ['社平工资7570', { averageWage: '7570' }],
    ['社平七千左右', { averageWage: '7000' }],
    ['社平是6800', { averageWage: '6800' }],
    ['社平工资2025年是7500', { averageWage: '7500' }],
    ['计发基数8000', { averageWage: '8000' }],
    [
      '月薪8000 缴费基数5000 社平工资7570',
      { monthlyIncome: '8000', contributionBase: '5000', averageWage: '7570' },
    ],
    ['8000的工资,基数按5000', { monthlyIncome: '8000', contributionBase: '5000' }],
    // contribution index
    ['缴费指数0.6', { contributionIndex: '0.6' }],
    ['缴费指数1.0 交30年', { contributionIndex: '1' }],
    ['平均缴费指数是1.2', { contributionIndex: '1.2' }],
    ['按60%档交', { contributionIndex: '0.6' }],
    ['60%的档次', { contributionIndex: '0.6' }],
    ['按100%档', { contributionIndex: '1' }],
    ['选300%档', { contributionIndex: '3' }],
    ['百分之六十的档次', { contributionIndex: '0.6' }],
    ['按100%交的', { contributionIndex: '1' }],
    ['按社平60%交养老是多少钱', { contributionIndex: '0.6' }],
    ['养老保险按100%基数交多少', { contributionIndex: '1' }],
    ['按0.6档', { contributionIndex: '0.6' }],
    ['60档', { contributionIndex: '0.6' }],
    // account balance and medical bill
    ['个人账户余额15万', { accountBalance: '150000' }],
    ['账户里有8万多', { accountBalance: '80000' }],
    ['个人账户15万除以139每月多少', { accountBalance: '150000' }],
    ['个人账户有12万', { accountBalance: '120000' }],
    ['账户余额六万', { accountBalance: '60000' }],
    ['住院花了3万', { medicalCost: '30000' }],
    ['住院一共花了4万5', { medicalCost: '45000' }],
    ['花了10万', { medicalCost: '100000' }],
    ['门诊花了500', { medicalCost: '500' }],
    ['住院费用8000能报多少', { medicalCost: '8000' }],
    ['住院3万能报多少', { medicalCost: '30000' }],
    ['医药费8000', { medicalCost: '8000' }],
    ['住院费两万,南昌', { medicalCost: '20000' }],
    ['花了3万看病', { medicalCost: '30000' }],
    [
      '我交了15年养老保险，缴费基数5000，社平工资7570，个人账户余额6万，60岁退休',
      { contributionBase: '5000', averageWage: '7570', accountBalance: '60000' },
    ],
  ])('%j', (text, expected) => {
    expect(money(text)).toEqual(expected);
  });
});

describe('extractMoney: figures that are not these slots', () => {
  it.each([
    // no money word, or not money at all
    ['8000'],
    ['一万'],
    ['2025年居民医保交多少'],
    ['35岁'],
    ['交了15年'],
    ['三甲医院'],
    ['一级医院'],
    ['60岁退休'],
    ['16-59岁'],
    ['1975年出生'],
    // payments and pensions are not incomes or bases
    ['医保一个月交500'],
    ['医保每年交380'],
    ['每月领2000养老金'],
    ['养老金到手有三千吗'],
    ['退休工资3000'],
    ['居民医保400块一年吗'],
    ['每年花了3000交社保'],
    ['灵活就业医保一年五千多'],
    ['交了500块医保'],
    // ranges and rates are not an index
    ['养老保险缴费基数60%到300%是怎么回事'],
    ['灵活就业医保按9%交是多少'],
    ['社平工资的60%是多少'],
    ['单位交16%个人交8%'],
    ['按最低档交'],
    // impossible or negative values are dropped, never passed on
    ['月薪-5000'],
    ['月薪负5000'],
    ['工资是负的五千'],
    ['缴费指数5'],
    ['按500%档'],
    ['月薪999亿'],
    ['缴费基数0'],
  ])('%j gives no money slot', (text) => {
    expect(money(text)).toEqual({});
  });
});
