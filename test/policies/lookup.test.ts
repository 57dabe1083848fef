import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../src/policies/load.js';
import {
  collectionPeriod,
  confidenceOf,
  employeeMedicalRates,
  flexibleMedical,
  interestRate,
  interestRates,
  largeMedicalSupplement,
  medicalMinYears,
  medicalPersonalAccount,
  minimumContributionYears,
  pensionAdjustment,
  pensionBase,
  pensionBaseBand,
  pensionCalcBase,
  pensionDivisor,
  pensionRates,
  reimbursement,
  residentMedical,
  residentPension,
  resolveEntry,
  retirementReform,
  specialGroupSubsidy,
  lowIncomeLine,
  waitingPeriod,
} from '../../src/policies/lookup.js';
import { regionChain, regionName } from '../../src/policies/regions.js';

const policies = loadPolicies();

describe('region hierarchy', () => {
  it('climbs county -> city -> province -> national', () => {
    expect(regionChain('361129').map((r) => `${r.code} ${r.name}`)).toEqual([
      '361129 万年县',
      '361100 上饶市',
      '360000 江西省',
      'national 全国',
    ]);
  });

  it('takes a municipality district straight to the municipality', () => {
    expect(regionChain('110105').map((r) => r.code)).toEqual(['110105', '110000', 'national']);
    expect(regionChain('500101').map((r) => r.code)).toEqual(['500101', '500000', 'national']);
    expect(regionChain('110100').map((r) => r.code)).toEqual(['110000', 'national']);
  });

  it('pads short codes and climbs unknown ones by their digits', () => {
    expect(regionChain('3611').map((r) => r.code)).toEqual(['361100', '360000', 'national']);
    expect(regionChain('36').map((r) => r.code)).toEqual(['360000', 'national']);
    expect(regionChain('361199').map((r) => r.code)).toEqual([
      '361199',
      '361100',
      '360000',
      'national',
    ]);
    expect(regionName('610100')).toBe('西安市');
  });

  it('rejects what is not a region code', () => {
    expect(() => regionChain('Shangrao')).toThrow(RangeError);
    expect(() => pensionBase(policies, '36110', 2025)).toThrow(RangeError);
  });
});

describe('pension base', () => {
  it('上饶 2025 falls back to 江西省 3915 / 19575 and says so', () => {
    const base = pensionBase(policies, '361100', 2025);
    expect(base?.value.floor).toBe(3915);
    expect(base?.value.cap).toBe(19575);
    expect(base?.region).toMatchObject({ code: '360000', name: '江西省' });
    expect(base?.requestedRegion).toMatchObject({ code: '361100', name: '上饶市' });
    expect(base?.regionFallback).toBe(true);
    expect(base?.timeFallback).toBe('none');
    expect(base?.fallback).toBe('未找到上饶市2025年的养老保险缴费基数上下限数据，按江西省标准估算');
    expect(base?.source[0]?.via).toContain('Jihai123/yanglao');
    expect(base?.confidence).toBe('official-cited');
    expect(base && confidenceOf(base, 'averageWage')).toBe('derived');
    expect(base && confidenceOf(base, 'floor')).toBe('official-cited');
  });

  it('a county takes its city figure (the slot region object works too)', () => {
    const guangzhou = pensionBase(policies, { code: '440106' }, 2025);
    expect(guangzhou?.region.code).toBe('440100');
    expect(guangzhou?.value.floor).toBe(5510);
    expect(guangzhou?.fallback).toBe('未找到天河区2025年的养老保险缴费基数上下限数据，按广州市标准估算');
    // Other Guangdong cities take the provincial "other areas" figure.
    expect(pensionBase(policies, '440600', 2025)?.value.floor).toBe(4775);
  });

  it('a year without data falls back to the latest earlier year, with a note', () => {
    const base = pensionBase(policies, '361100', 2027);
    expect(base?.year).toBe(2025);
    expect(base?.value.floor).toBe(3915);
    expect(base?.timeFallback).toBe('earlier');
    expect(base?.fallback).toBe('未找到上饶市2027年的养老保险缴费基数上下限数据，按最近的江西省2025年标准估算');
    const beijing = pensionBase(policies, '110000', 2027);
    expect(beijing?.year).toBe(2026);
    expect(beijing?.value.floor).toBe(7270);
    expect(beijing?.fallback).toBe('未找到北京市2027年的养老保险缴费基数上下限数据，按最近的北京市2026年标准估算');
  });

  it('uses a later year only when nothing earlier exists, and says so', () => {
    const base = pensionBase(policies, '110000', 2020);
    expect(base?.year).toBe(2025);
    expect(base?.timeFallback).toBe('later');
    expect(base?.fallback).toBe('未找到北京市2020年及以前的养老保险缴费基数上下限数据，按最早的北京市2025年标准估算');
  });

  it('answers dates by the period in force (Beijing years run July to June)', () => {
    expect(pensionBase(policies, '110105', '2026-03-01')?.value.floor).toBe(7162);
    expect(pensionBase(policies, '110105', '2026-07-01')?.value.floor).toBe(7270);
    expect(pensionBase(policies, '110105', new Date(Date.UTC(2026, 7, 1)))?.value.floor).toBe(
      7270,
    );
    const old = pensionBase(policies, '110000', '2025-03-01');
    expect(old?.timeFallback).toBe('later');
    expect(old?.fallback).toBe(
      '未找到北京市2025年3月1日及以前的养老保险缴费基数上下限数据，按最早的北京市2025年标准估算',
    );
    const stale = pensionBase(policies, '110000', '2028-03-01');
    expect(stale?.year).toBe(2026);
    expect(stale?.timeFallback).toBe('earlier');
  });

  it('gives Hubei tiers and Wuhan tier 1', () => {
    expect(pensionBase(policies, '420100', 2025)?.value.floor).toBe(4498);
    const yichang = pensionBase(policies, '420500', 2025);
    expect(yichang?.value.floor).toBeUndefined();
    expect(yichang?.value.tiers?.map((t) => t.floor)).toEqual([4498, 4299, 4254]);
  });

  it('keeps uncertain figures flagged', () => {
    expect(pensionBase(policies, '440300', 2025)?.uncertain).toBe(true);
    expect(pensionCalcBase(policies, '610100', 2025)).toMatchObject({
      uncertain: true,
      confidence: 'third-party',
    });
  });

  it('计发基数, honouring exclusions (山东 except 菏泽)', () => {
    expect(pensionCalcBase(policies, '110000', 2024)?.value.calcBase).toBe(11883);
    expect(pensionCalcBase(policies, '110000', 2025)?.value.calcBase).toBe(12049);
    expect(pensionCalcBase(policies, '370100', 2025)?.value.calcBase).toBe(7831);
    expect(pensionCalcBase(policies, '371702', 2025)).toBeUndefined();
    expect(pensionCalcBase(policies, '440300', 2025)?.value.calcBase).toBe(11293);
    expect(pensionCalcBase(policies, '440100', 2025)?.value.calcBase).toBe(9493);
  });

  it('returns undefined where nothing exists at any level', () => {
    expect(pensionBase(policies, 'national', 2025)).toBeUndefined();
  });
});

describe('pension rates, divisor, interest, reform', () => {
  it('rates and base band', () => {
    expect(pensionRates(policies, '361100', 2025)?.value).toMatchObject({
      employerPct: 16,
      individualPct: 8,
    });
    expect(pensionRates(policies, '361100', 2025, 'flexible')?.value).toMatchObject({
      totalPct: 20,
      pooledPct: 12,
      accountPct: 8,
    });
    const shanghai2024 = pensionRates(policies, '310000', 2024, 'flexible');
    expect(shanghai2024?.value.totalPct).toBe(20);
    expect(shanghai2024?.periodNote).toContain('2024年内标准有调整');
    expect(pensionRates(policies, '310000', '2023-06-01', 'flexible')?.value.totalPct).toBe(24);
    expect(pensionBaseBand(policies, '110000', 2026)?.value).toMatchObject({
      minPctOfAverage: 60,
      maxPctOfAverage: 300,
    });
    expect(pensionAdjustment(policies, 2025)?.value.overallPct).toBe(2);
  });

  it('计发月数 at 60 = 139, 55 = 170, 50 = 195, 47 = 208', () => {
    expect(pensionDivisor(policies, 60)?.value.months).toBe(139);
    expect(pensionDivisor(policies, 55)?.value.months).toBe(170);
    expect(pensionDivisor(policies, 50)?.value.months).toBe(195);
    expect(pensionDivisor(policies, 47)?.value.months).toBe(208);
    expect(pensionDivisor(policies, 60)?.source[0]?.doc).toContain('国发〔2005〕38号');
  });

  it('interpolates ages with months like the published table', () => {
    const d = pensionDivisor(policies, { years: 60, months: 1 });
    expect(d?.value).toEqual({ months: 138.4, ageYears: 60, ageMonths: 1, interpolated: true });
    expect(d?.source.some((s) => s.url?.includes('jinan.gov.cn'))).toBe(true);
    expect(pensionDivisor(policies, { years: 50, months: 1 })?.value.months).toBe(194.6);
    expect(pensionDivisor(policies, { years: 70, months: 1 })).toBeUndefined();
    expect(pensionDivisor(policies, 39)).toBeUndefined();
  });

  it('记账利率', () => {
    expect(interestRate(policies, 2023)?.value.ratePct).toBe(3.97);
    expect(interestRate(policies, 2024)?.value.ratePct).toBe(2.62);
    const y2025 = interestRate(policies, 2025);
    expect(y2025?.value.ratePct).toBe(1.5);
    expect(y2025?.uncertain).toBe(true);
    expect(interestRates(policies, 2010, 2030).map((r) => r.year)).toEqual([
      2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    expect(interestRate(policies, 2026)?.timeFallback).toBe('earlier');
  });

  it('the reform parameters and minimum years', () => {
    const reform = retirementReform(policies, 2026);
    expect(reform.groups.male?.value).toMatchObject({
      oldAge: 60,
      newAge: 63,
      firstBirthMonth: '1965-01',
      stepMonths: 4,
      maxDelayMonths: 36,
    });
    expect(reform.groups.female_cadre?.value).toMatchObject({ oldAge: 55, newAge: 58 });
    expect(reform.groups.female_worker?.value).toMatchObject({
      oldAge: 50,
      newAge: 55,
      stepMonths: 2,
      maxDelayMonths: 60,
    });
    expect(reform.minimumYears?.value.years).toBe(15);
    expect(reform.flexibleRetirement?.value).toMatchObject({ maxEarlyYears: 3, maxLateYears: 3 });
    expect(minimumContributionYears(policies, 2029)?.value.years).toBe(15);
    expect(minimumContributionYears(policies, 2030)?.value.years).toBe(15.5);
    expect(minimumContributionYears(policies, 2035)?.value.years).toBe(18);
    expect(minimumContributionYears(policies, 2039)?.value.years).toBe(20);
    expect(minimumContributionYears(policies, 2050)).toMatchObject({
      timeFallback: 'none',
      value: { years: 20 },
    });
  });
});

describe('medical', () => {
  it('西安 2025 flexible medical: 5182 × 9 % + 8', () => {
    const xian = flexibleMedical(policies, '610100', 2025);
    expect(xian?.value).toMatchObject({ ratePct: 9, base: { monthly: 5182 }, largeMedicalMonthly: 8 });
    expect(xian?.confidence).toBe('qa');
    expect(xian?.source[0]?.via).toBe('seed 004_7e638ce43deeceb1.txt');
    const value = xian?.value;
    const premium = new Decimal(value?.base?.monthly ?? 0).times(value?.ratePct ?? 0).dividedBy(100);
    expect(premium.toFixed(2)).toBe('466.38');
    expect(premium.plus(value?.largeMedicalMonthly ?? 0).toFixed(2)).toBe('474.38');
  });

  it('a county falls back to its city', () => {
    const yanta = flexibleMedical(policies, '610113', 2025);
    expect(yanta?.region.code).toBe('610100');
    expect(yanta?.fallback).toBe('未找到雁塔区2025年的灵活就业医保缴费标准数据，按西安市标准估算');
  });

  it('a city without data falls back to the national typical range, marked qa', () => {
    const shangrao = flexibleMedical(policies, '361100', 2025);
    expect(shangrao?.region.code).toBe('national');
    expect(shangrao?.value.ratePctRange).toEqual({ min: 6, max: 10 });
    expect(shangrao?.confidence).toBe('qa');
    expect(shangrao?.fallback).toBe('未找到上饶市2025年的灵活就业医保缴费标准数据，按全国标准估算');
  });

  it('picks bands and periods (深圳, 广州, 重庆)', () => {
    expect(flexibleMedical(policies, '440300', 2025)?.value.ratePct).toBe(7);
    expect(flexibleMedical(policies, '440300', 2026)?.value.base).toMatchObject({
      minMonthly: 6727,
      maxMonthly: 33633,
    });
    expect(flexibleMedical(policies, '440100', '2025-06-01')?.value.ratePct).toBe(6.5);
    expect(flexibleMedical(policies, '440100', 2026)?.value.ratePct).toBe(8);
    expect(flexibleMedical(policies, '500000', 2025)?.value.fixedAnnual).toBe(3075);
    expect(flexibleMedical(policies, '500000', 2025, { tier: '二档' })?.value.fixedAnnual).toBe(
      6765,
    );
    expect(flexibleMedical(policies, '110000', '2025-08-01')?.value.fixedMonthly).toBe(584.92);
  });

  it('employee medical rates with the national default', () => {
    const national = employeeMedicalRates(policies, '361100', 2025);
    expect(national?.value).toMatchObject({ employerPct: 6, individualPct: 2 });
    expect(national && confidenceOf(national, 'employerPct')).toBe('knowledge');
    // The national 2 % rests on 国发〔1998〕44号 (not located); a Shenzhen order is no national source.
    expect(national && confidenceOf(national, 'individualPct')).toBe('knowledge');
    expect(employeeMedicalRates(policies, '440300', 2025)?.value.employerPct).toBe(5);
    expect(employeeMedicalRates(policies, '440300', 2026)?.value.employerPct).toBe(6);
    expect(
      employeeMedicalRates(policies, '440300', 2026, { tier: '二档' })?.value,
    ).toMatchObject({ employerPct: 1.5, individualPct: 0.5 });
    expect(employeeMedicalRates(policies, '440100', '2025-06-01')?.value.employerPct).toBe(4.5);
    expect(employeeMedicalRates(policies, '440100', 2026)?.uncertain).toBe(true);
    expect(employeeMedicalRates(policies, '330106', 2025)?.value).toMatchObject({
      employerPct: 9.5,
      maternityIncludedPct: 0.6,
    });
    expect(largeMedicalSupplement(policies, '110105', 2026)?.value.monthly).toBe(3);
    expect(medicalMinYears(policies, '350203', 2026)?.value.localYearsMin).toBe(10);
    expect(medicalPersonalAccount(policies, '361100', 2025)?.region.code).toBe('360000');
  });

  it('national resident medical 2024: individual 400, subsidy 670', () => {
    const r = residentMedical(policies, 'national', 2024);
    expect(r?.value).toMatchObject({ individual: 400, subsidy: 670, minimum: true });
    expect(r?.fallback).toBeUndefined();
    expect(r?.confidence).toBe('official');
    expect(r?.source[0]?.url).toBe('https://www.nhsa.gov.cn/art/2024/8/26/art_105_13634.html');
  });

  it('resident medical by year and region', () => {
    expect(residentMedical(policies, 'national', 2023)).toMatchObject({
      value: { individual: 380, subsidy: 640 },
      confidence: 'derived',
    });
    expect(residentMedical(policies, 'national', 2025)?.value.subsidy).toBe(700);
    const y2026 = residentMedical(policies, 'national', 2026);
    expect(y2026?.value.subsidy).toBe(724);
    expect(y2026 && confidenceOf(y2026, 'subsidyIncrease')).toBe('official');
    const shangrao2024 = residentMedical(policies, '361100', 2024);
    expect(shangrao2024?.value.individual).toBe(400);
    expect(shangrao2024?.fallback).toBe('未找到上饶市2024年的居民医保缴费标准数据，按全国标准估算');
    expect(residentMedical(policies, '110108', 2026)?.value.individualByGroup).toEqual({
      elderly: 460,
      student: 435,
      workingAge: 795,
    });
    const later = residentMedical(policies, 'national', 2027);
    expect(later?.year).toBe(2026);
    expect(later?.fallback).toBe('未找到全国2027年的居民医保缴费标准数据，按最近的全国2026年标准估算');
  });

  it('collection and waiting periods', () => {
    const jiangxi = collectionPeriod(policies, '361100', 2025);
    expect(jiangxi.regular?.value).toMatchObject({ opens: '09-15', closes: '02-28' });
    expect(jiangxi.extension?.value.deadline).toBe('2025-02-28');
    expect(collectionPeriod(policies, '361100', 2026).extension).toBeUndefined();
    expect(waitingPeriod(policies, '361100', 2025)?.value).toMatchObject({
      fixedMonths: 3,
      extraMonthsPerYearOfBreak: 1,
      reductionMonthsPerYearPaidBack: 1,
    });
  });

  it('resident pension', () => {
    const national = residentPension(policies, 'national', 2024);
    expect(national.basicPension?.value.monthly).toBe(123);
    expect(national.accountDivisor?.value.months).toBe(139);
    expect(national.tiers?.value.amounts).toHaveLength(12);
    expect(national.subsidy?.value).toMatchObject({ lowestTierMin: 30, higherTierMin: 60 });
    expect(residentPension(policies, 'national', 2025).basicPension).toMatchObject({
      value: { monthly: 143 },
      confidence: 'derived',
    });
    expect(residentPension(policies, '110000', 2026).tiers?.value.range).toEqual({
      min: 1000,
      max: 9000,
    });
  });

  it('reimbursement', () => {
    const nanchang = reimbursement(policies, '360102', 2025, 'employee');
    expect(nanchang.inpatient?.value.levels?.['3']).toEqual({ deductible: 800, ratioPct: 85 });
    expect(nanchang.inpatient?.value.cap?.total).toBe(500000);
    expect(nanchang.outpatientPooling?.value.deductible).toBe(300);
    expect(nanchang.incentives).toBeUndefined();
    const residents = reimbursement(policies, '360102', 2025, 'resident');
    expect(residents.inpatient?.value.levels?.['1']).toEqual({ deductible: 100, ratioPct: 90 });
    expect(residents.seriousIllness?.region.code).toBe('360000');
    expect(residents.incentives?.value.continuousStep).toBe(3000);
    const beijing = reimbursement(policies, '110105', 2026, 'resident');
    expect(beijing.inpatient?.value.levels?.['3']?.deductible).toBe(1300);
    expect(beijing.inpatient?.uncertain).toBe(true);
    expect(beijing.levelRules?.value.ratioGapPointsPerLevel).toBe(10);
    const national = reimbursement(policies, '520100', 2025, 'employee');
    expect(national.inpatient?.value.ratioPctRange).toEqual({ min: 80, max: 95 });
    expect(national.statistics?.value.actualSharePct).toBe(84.1);
  });

  it('special groups', () => {
    expect(specialGroupSubsidy(policies, '361100', 'tekun', 2025)).toMatchObject({
      region: { code: '360000' },
      value: { kind: 'full' },
    });
    expect(specialGroupSubsidy(policies, '130100', 'dibao', 2025)?.value).toMatchObject({
      kind: 'share',
      minSharePct: 60,
    });
    const national = specialGroupSubsidy(policies, '440100', 'tekun', 2025);
    expect(national?.region.code).toBe('national');
    expect(national?.value.medicalAidMinPct).toBe(70);
    expect(specialGroupSubsidy(policies, '440100', 'disabled', 2025)).toBeUndefined();
    expect(lowIncomeLine(policies, 'national', 2024)?.value.urbanMonthly).toBe(798.1);
  });
});

describe('resolveEntry', () => {
  it('rejects bad times', () => {
    expect(() => resolveEntry(policies.pensionBase.bases, '110000', '2025-13-01')).toThrow(
      RangeError,
    );
    expect(() => resolveEntry(policies.pensionBase.bases, '110000', 2025.5)).toThrow(RangeError);
  });

  it('accepts a year as a string', () => {
    expect(resolveEntry(policies.pensionBase.bases, '110000', '2026')?.year).toBe(2026);
  });
});

describe('remembered lookups', () => {
  it('answers the same question with the same frozen result, and a new question afresh', () => {
    const first = pensionBase(policies, '361100', 2025);
    expect(first).toBeDefined();
    expect(pensionBase(policies, '361100', 2025)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const other = pensionBase(policies, '361100', 2024);
    expect(other).not.toBe(first);
  });

  it('keeps variants of one list apart (the filter is part of the question)', () => {
    const employee = pensionRates(policies, '360000', 2025, 'employee');
    const flexible = pensionRates(policies, '360000', 2025, 'flexible');
    expect(employee?.value.scheme).toBe('employee');
    expect(flexible?.value.scheme).toBe('flexible');
  });
});
