import { describe, expect, it } from 'vitest';
import {
  fallbackNotes,
  loadPolicies,
  pensionBase,
  pensionRates,
  residentPension,
} from '../../src/policies/index.js';
import { tableName } from '../../src/policies/table-names.js';

const policies = loadPolicies();

describe('table names', () => {
  it('names every table of figure entries, so a fallback says which figure fell back', () => {
    const unnamed: string[] = [];
    for (const [file, tables] of Object.entries(policies)) {
      for (const [key, table] of Object.entries(tables as Record<string, unknown>)) {
        const isEntries =
          Array.isArray(table) &&
          table.some((e) => e && typeof e === 'object' && 'region' in e && 'effective' in e);
        if (isEntries && tableName(table) === undefined) unnamed.push(`${file}.${key}`);
      }
    }
    expect(unnamed).toEqual([]);
  });

  it('puts the name in the fallback note of a figure from elsewhere', () => {
    const rates = pensionRates(policies, '361100', 2026, 'flexible');
    expect(rates?.fallback).toBe('未找到上饶市2026年的养老保险费率数据，按全国标准估算');
  });

  it('gives figures that fell back the same way one line, and the others their own', () => {
    const rp = residentPension(policies, '361100', 2026);
    const rates = pensionRates(policies, '361100', 2026, 'flexible');
    const base = pensionBase(policies, '361100', 2026);
    expect(fallbackNotes([rp.basicPension!, rates!, rp.accountDivisor!, base!])).toEqual([
      '未找到上饶市2026年的城乡居民基础养老金、养老保险费率、居民养老保险计发月数数据，按全国标准估算',
      '未找到上饶市2026年的养老保险缴费基数上下限数据，按最近的江西省2025年标准估算',
    ]);
  });
});
