import { describe, expect, it } from 'vitest';
import { compareMedical, comparePension, formatMoney, formatNumber } from '../../src/calc/index.js';
import { DIVISOR_TABLE, NANCHANG_EMPLOYEE_L3, NANCHANG_RESIDENT_L3 } from './fixtures.js';

describe('compareMedical', () => {
  it('西安 flexible 5692.56 a year vs resident 400: 5292.56 more; a 30000 bill: 24820 vs 17640', () => {
    const r = compareMedical({
      flexibleEmployee: { kind: 'rate', base: 5182, ratePct: 9, largeAmountFeeMonthly: 8 },
      resident: { individualAnnual: 400 },
      sampleBill: { bill: 30000, employee: NANCHANG_EMPLOYEE_L3, resident: NANCHANG_RESIDENT_L3 },
    });
    expect(formatMoney(r.flexibleEmployee.yearlyCost)).toBe('5692.56');
    expect(formatMoney(r.resident.yearlyCost)).toBe('400');
    expect(formatMoney(r.yearlyCostDifference)).toBe('5292.56');
    expect(formatMoney(r.flexibleEmployee.sampleBill?.reimbursed ?? -1)).toBe('24820');
    expect(formatMoney(r.resident.sampleBill?.reimbursed ?? -1)).toBe('17640');
  });

  it('a negative difference keeps its sign in the step', () => {
    const r = compareMedical({
      flexibleEmployee: { kind: 'fixed-yearly', yearly: 300 },
      resident: { individualAnnual: 400 },
    });
    expect(r.yearlyCostDifference.toFixed()).toBe('-100');
    expect(r.steps[0]?.result).toBe('-100');
  });
});

describe('comparePension', () => {
  it('档 60 % of 7570 vs resident tier 1000 + 60 for 15 years', () => {
    // Employee: 4542 × 20 % = 908.40 a month, 10900.80 a year, 163512 over 15 years;
    //   account 363.36 a month, 4360.32 a year; index 4542 ÷ 7570 = 0.6;
    //   basic (7750 + 7750 × 0.6) ÷ 2 × 15 × 1 % = 6200 × 0.15 = 930;
    //   balance 363.36 × 180 = 65404.80; ÷ 139 = 470.5381 -> 470.54; total 1400.54.
    // Resident: 1000 a year, 15000 over 15 years; account 1060 × 15 = 15900; ÷ 139 = 114.388 -> 114.39;
    //   + basic 143 = 257.39.
    const r = comparePension({
      years: 15,
      flexibleEmployee: {
        choice: { pctOfAverage: 60 },
        band: { averageWage: 7570, floorPct: 60, capPct: 300 },
        totalPct: 20,
        accountPct: 8,
        outlook: { calcBase: 7750, accrualPct: 1, retirementAge: 60, divisorTable: DIVISOR_TABLE },
      },
      resident: { contribution: 1000, subsidy: 60, basicPensionMonthly: 143, divisor: 139 },
    });
    expect(formatMoney(r.flexibleEmployee.yearlyCost)).toBe('10900.80');
    expect(formatMoney(r.flexibleEmployee.totalCost)).toBe('163512');
    expect(formatMoney(r.flexibleEmployee.yearlyAccountCredit)).toBe('4360.32');
    const est = r.flexibleEmployee.estimate;
    expect(est && formatMoney(est.basic)).toBe('930');
    expect(est && formatMoney(est.balance)).toBe('65404.80');
    expect(est && formatMoney(est.total)).toBe('1400.54');
    expect(r.steps.find((s) => s.label === 'average_index')).toMatchObject({
      result: '0.6',
      notes: ['index_from_chosen_base'],
    });
    expect(formatMoney(r.resident.yearlyCost)).toBe('1000');
    expect(formatMoney(r.resident.totalCost)).toBe('15000');
    expect(formatMoney(r.resident.yearlyAccountCredit)).toBe('1060');
    expect(formatMoney(r.resident.estimate.monthly)).toBe('257.39');
    expect(formatNumber(est?.divisor ?? 0)).toBe('139');
  });

  it('without an outlook only costs and account credits are compared', () => {
    const r = comparePension({
      years: 10,
      flexibleEmployee: {
        choice: { base: 5000 },
        band: { floor: 4542, cap: 22710 },
        totalPct: 20,
        accountPct: 8,
      },
      resident: { contribution: 500, subsidy: 60, basicPensionMonthly: 143, divisor: 139 },
    });
    expect(r.flexibleEmployee.estimate).toBeUndefined();
    expect(formatMoney(r.flexibleEmployee.totalCost)).toBe('120000');
    // 560 × 10 = 5600; ÷ 139 = 40.2878 -> 40.29; + 143 = 183.29
    expect(formatMoney(r.resident.estimate.monthly)).toBe('183.29');
  });
});
