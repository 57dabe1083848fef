import type { Policies } from './load.js';

/**
 * What each policy table holds, in the words a reply uses when a figure falls back to another
 * place or year ("未找到上饶市2026年的养老保险缴费基数上下限数据，按最近的江西省2025年标准估算").
 * Keyed by the table itself, so lookups need nothing but the list they search.
 */
const names = new WeakMap<object, string>();

/** The name of the table `entries` (one of a loaded Policies), if it has one. */
export function tableName(entries: object): string | undefined {
  return names.get(entries);
}

/** Names every table of freshly loaded policies. */
export function nameTables(p: Policies): void {
  const named: [object, string][] = [
    [p.pensionBase.bases, '养老保险缴费基数上下限'],
    [p.pensionBase.calcBases, '养老金计发基数'],
    [p.pensionRates.rates, '养老保险费率'],
    [p.pensionRates.baseBand, '缴费基数比例'],
    [p.pensionRates.adjustments, '养老金调整幅度'],
    [p.pensionDivisor.interpolation, '计发月数'],
    [p.pensionDivisor.tables, '计发月数'],
    [p.interestRates.rates, '个人账户记账利率'],
    [p.retirementReform.groups, '退休年龄'],
    [p.retirementReform.minimumYears, '最低缴费年限'],
    [p.retirementReform.flexibleRetirement, '弹性退休规定'],
    [p.employeeMedical.rates, '职工医保费率'],
    [p.employeeMedical.largeMedical, '大额医疗费用补助'],
    [p.employeeMedical.minYears, '职工医保最低缴费年限'],
    [p.employeeMedical.personalAccount, '职工医保个人账户划入标准'],
    [p.flexibleMedical.entries, '灵活就业医保缴费标准'],
    [p.residentMedical.contributions, '居民医保缴费标准'],
    [p.residentMedical.collectionPeriods, '居民医保集中缴费期'],
    [p.residentMedical.waitingPeriods, '居民医保待遇等待期'],
    [p.residentPension.tiers, '居民养老保险缴费档次'],
    [p.residentPension.subsidies, '居民养老保险缴费补贴'],
    [p.residentPension.basicPension, '城乡居民基础养老金'],
    [p.residentPension.accountDivisor, '居民养老保险计发月数'],
    [p.residentPension.eligibility, '居民养老保险领取条件'],
    [p.reimbursement.inpatient, '住院报销标准'],
    [p.reimbursement.seriousIllness, '大病保险标准'],
    [p.reimbursement.outpatientPooling, '门诊统筹标准'],
    [p.reimbursement.births, '生育医疗费用标准'],
    [p.reimbursement.crossProvince, '异地就医规定'],
    [p.reimbursement.levelRules, '分级诊疗报销规定'],
    [p.reimbursement.statistics, '医保统计数据'],
    [p.reimbursement.incentives, '居民医保连续参保激励'],
    [p.specialGroups.subsidies, '困难群体参保资助标准'],
    [p.specialGroups.lowIncomeLines, '低保标准'],
  ];
  for (const [table, name] of named) names.set(table, name);
}
