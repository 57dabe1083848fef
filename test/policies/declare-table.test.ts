import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allFigureEntries, DEFAULT_POLICY_DIR, loadTables } from '../../src/policies/load.js';
import { fallbackNotes, lookup } from '../../src/policies/lookup.js';
import { figureEntry, Money, TABLES } from '../../src/policies/schema.js';
import { defineTable } from '../../src/policies/table.js';
import { tableName } from '../../src/policies/table-names.js';

/*
 * A table is one declaration: this fixture declares a table the project does not have, writes its
 * YAML next to a copy of policies/, and uses it through the loader, the names and the lookup
 * without touching anything else.
 */
const funeralGrants = defineTable({
  file: 'funeral-grants',
  list: 'grants',
  name: '丧葬补助金标准',
  entry: figureEntry({ months: z.number().positive(), monthly: Money.optional() }, ['months']),
  variant: (e) => [String(e.months)],
});

const YAML = `topic: funeral-grants
title: 丧葬补助金（测试夹具）
grants:
  - region: national
    effective: { from: 2020-01-01 }
    months: 2
    source: [{ doc: 测试夹具文件 }]
    confidence: official
  - region: 360000 江西省
    year: 2025
    effective: { from: 2025-01-01 }
    months: 3
    source: [{ doc: 测试夹具文件（江西） }]
    confidence: official
`;

const dir = mkdtempSync(path.join(tmpdir(), 'policies-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a table declared once', () => {
  cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
  writeFileSync(path.join(dir, 'funeral-grants.yaml'), YAML);
  const loaded = loadTables(dir, [...TABLES, funeralGrants]);

  it('is loaded, validated and typed from its declaration', () => {
    expect(loaded.funeralGrants.grants.map((g) => g.months)).toEqual([2, 3]);
    expect(loaded.pensionBase.bases.length).toBeGreaterThan(0);
    const placed = allFigureEntries(loaded, [...TABLES, funeralGrants]);
    expect(placed.filter((p) => p.file === 'funeral-grants.yaml')).toHaveLength(2);
  });

  it('is named', () => {
    expect(tableName(loaded.funeralGrants.grants)).toBe('丧葬补助金标准');
  });

  it('is looked up by region and time, with the fallback named after it', () => {
    expect(lookup(loaded, funeralGrants, '360100', 2025)?.value.months).toBe(3);
    const later = lookup(loaded, funeralGrants, '360100', 2026);
    expect(later?.timeFallback).toBe('earlier');
    expect(fallbackNotes([later!])).toEqual([
      '未找到南昌市2026年的丧葬补助金标准数据，按最近的江西省2025年标准估算',
    ]);
    expect(lookup(loaded, funeralGrants, '110000', 2026)?.value.months).toBe(2);
  });

  it('is checked like every table: a bad entry names its file and line', () => {
    writeFileSync(path.join(dir, 'funeral-grants.yaml'), YAML.replace('months: 3', 'months: -3'));
    expect(() => loadTables(dir, [...TABLES, funeralGrants])).toThrow(
      /funeral-grants\.yaml:12: grants\[1\]\.months: /,
    );
  });

  it('is refused as an unknown file where it is not declared', () => {
    expect(() => loadTables(dir, TABLES)).toThrow(/funeral-grants\.yaml: \(root\): Unknown policy file/);
  });
});
