import { describe, expect, it } from 'vitest';
import { loadPolicies, pensionRates } from '../../src/policies/index.js';
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
});
