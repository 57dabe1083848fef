import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loadPolicies } from '../../src/policies/load.js';
import { retirementAge } from '../../src/calc/retirement-age.js';
import { reformRules } from '../../src/answers/calc/retirement-common.js';
import type { RetirementGroup } from '../../src/policies/schema.js';

/** Cross-checks of the data against the arithmetic and worked rows of POLICY-FACTS. */
const policies = loadPolicies();

describe('pension base data', () => {
  it('floor <= cap, and a derived average wage is cap ÷ 3', () => {
    for (const entry of policies.pensionBase.bases) {
      const where = `${entry.region.name} ${entry.year}`;
      if (entry.floor !== undefined && entry.cap !== undefined) {
        expect(entry.floor, where).toBeLessThanOrEqual(entry.cap);
      }
      if (entry.fieldConfidence?.averageWage === 'derived' && entry.averageWage !== undefined) {
        expect(Math.abs(new Decimal(entry.cap ?? 0).dividedBy(3).toNumber() - entry.averageWage), where)
          .toBeLessThan(1);
      }
    }
  });

  it('stated average wages match the 60 % / 300 % band where POLICY-FACTS gives both', () => {
    for (const entry of policies.pensionBase.bases) {
      if (entry.averageWage === undefined || entry.floor === undefined || entry.cap === undefined) {
        continue;
      }
      if (entry.region.code === '330000') continue; // floor and cap rest on different years
      const where = `${entry.region.name} ${entry.year}`;
      expect(Math.abs(entry.averageWage * 3 - entry.cap), where).toBeLessThan(3);
      expect(Math.abs(entry.averageWage * 0.6 - entry.floor), where).toBeLessThan(1);
    }
  });

  it('covers the provinces and cities POLICY-FACTS §6.1 sources', () => {
    const codes = new Set(policies.pensionBase.bases.map((e) => e.region.code));
    for (const code of [
      '110000', '310000', '440000', '440100', '440300', '320000', '330000', '360000', '610000',
      '510000', '420000', '420100', '370000', '410000', '130000', '350000', '430000', '500000',
      '120000', '340000', '450000', '460000', '520000', '530000', '540000', '620000', '630000',
      '640000', '650000', '210000', '220000', '230000', '140000', '150000',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
  });
});

describe('medical data', () => {
  it('西安 2025 arithmetic matches the stated totals', () => {
    const xian = policies.flexibleMedical.entries.find((e) => e.region.code === '610100');
    const premium = new Decimal(xian?.base?.monthly ?? 0).times(xian?.ratePct ?? 0).dividedBy(100);
    expect(premium.toFixed(2)).toBe(new Decimal(xian?.statedMonthlyPremium ?? 0).toFixed(2));
    const year = premium.plus(xian?.largeMedicalMonthly ?? 0).times(12);
    expect(year.toFixed(2)).toBe('5692.56');
    expect(year.toFixed(2)).toBe(new Decimal(xian?.statedAnnualTotal ?? 0).toFixed(2));
  });

  it('fixed monthly amounts are the annual amounts ÷ 12 (重庆)', () => {
    for (const entry of policies.flexibleMedical.entries) {
      if (entry.fixedAnnual !== undefined && entry.fixedMonthly !== undefined) {
        expect(new Decimal(entry.fixedAnnual).dividedBy(12).toNumber()).toBe(entry.fixedMonthly);
      }
    }
  });

  it('components add up to the rate (成都)', () => {
    for (const entry of policies.flexibleMedical.entries) {
      if (entry.components) {
        const sum = entry.components.reduce((s, c) => s.plus(c.ratePct), new Decimal(0));
        expect(sum.toNumber()).toBe(entry.ratePct);
      }
    }
  });

  it('national resident medical standards rise as the documents say', () => {
    const byYear = new Map(
      policies.residentMedical.contributions
        .filter((e) => e.region.code === 'national')
        .map((e) => [e.year, e] as const),
    );
    expect([...byYear.keys()].sort()).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    for (const [year, entry] of byYear) {
      const previous = byYear.get(year - 1);
      if (previous && entry.subsidyIncrease !== undefined) {
        expect(entry.subsidy, String(year)).toBe((previous.subsidy ?? 0) + entry.subsidyIncrease);
      }
      if (previous && entry.individualIncrease !== undefined) {
        expect(entry.individual, String(year)).toBe(
          (previous.individual ?? 0) + entry.individualIncrease,
        );
      }
    }
  });
});

describe('pension divisor and minimum years', () => {
  it('计发月数 covers 40-70 and falls with age', () => {
    const months = policies.pensionDivisor.tables[0]?.months ?? {};
    const ages = Object.keys(months).map(Number);
    expect(Math.min(...ages)).toBe(40);
    expect(Math.max(...ages)).toBe(70);
    for (let age = 41; age <= 70; age++) {
      expect(months[String(age)]).toBeLessThan(months[String(age - 1)] as number);
    }
  });

  it('interpolation examples agree with linear interpolation', () => {
    const months = policies.pensionDivisor.tables[0]?.months ?? {};
    for (const rule of policies.pensionDivisor.interpolation) {
      for (const ex of rule.examples) {
        const a = new Decimal(months[String(ex.years)] as number);
        const b = new Decimal(months[String(ex.years + 1)] as number);
        const value = a.plus(b.minus(a).times(ex.months).dividedBy(12));
        expect(value.toDecimalPlaces(rule.decimals).toNumber()).toBe(ex.divisor);
      }
    }
  });

  it('minimum years rise by half a year a year from 2030 to 2039', () => {
    const schedule = policies.retirementReform.minimumYears
      .filter((e) => e.effective.from >= '2030')
      .map((e) => e.years);
    expect(schedule).toEqual([15.5, 16, 16.5, 17, 17.5, 18, 18.5, 19, 19.5, 20]);
  });
});

describe('retirement reform: the worked rows of POLICY-FACTS §4.1', () => {
  // The data's rules through the one retirement-age formula (src/calc/retirement-age.ts).
  const rules = reformRules(policies)!.rules;
  const statutory = (group: RetirementGroup, birthMonth: string) =>
    retirementAge({ group, birthMonth, rules });
  const rows: [RetirementGroup, string, number, string, string][] = [
    ['male', '1964-12', 0, '60-0', '2024-12'],
    ['male', '1965-01', 1, '60-1', '2025-02'],
    ['male', '1965-04', 1, '60-1', '2025-05'],
    ['male', '1965-05', 2, '60-2', '2025-07'],
    ['male', '1966-01', 4, '60-4', '2026-05'],
    ['male', '1970-01', 16, '61-4', '2031-05'],
    ['male', '1975-12', 33, '62-9', '2038-09'],
    ['male', '1976-08', 35, '62-11', '2039-07'],
    ['male', '1976-09', 36, '63-0', '2039-09'],
    ['female_cadre', '1970-01', 1, '55-1', '2025-02'],
    ['female_cadre', '1970-05', 2, '55-2', '2025-07'],
    ['female_cadre', '1981-08', 35, '57-11', '2039-07'],
    ['female_cadre', '1981-09', 36, '58-0', '2039-09'],
    ['female_worker', '1975-01', 1, '50-1', '2025-02'],
    ['female_worker', '1975-03', 2, '50-2', '2025-05'],
    ['female_worker', '1976-01', 7, '50-7', '2026-08'],
    ['female_worker', '1984-10', 59, '54-11', '2039-09'],
    ['female_worker', '1984-11', 60, '55-0', '2039-11'],
  ];
  it.each(rows)('%s born %s: delay %i, age %s, retires %s', (group, birth, delay, age, retire) => {
    const r = statutory(group, birth);
    expect(r.delayMonths).toBe(delay);
    expect(`${r.statutory.years}-${r.statutory.months}`).toBe(age);
    expect(r.statutory.month).toBe(retire);
  });

  it('full delay starts at the stated birth month', () => {
    for (const g of policies.retirementReform.groups) {
      const [y, m] = g.fullDelayFromBirthMonth.split('-').map(Number) as [number, number];
      expect(statutory(g.group, g.fullDelayFromBirthMonth).delayMonths).toBe(g.maxDelayMonths);
      const before = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
      expect(statutory(g.group, before).delayMonths).toBe(g.maxDelayMonths - 1);
    }
  });
});
