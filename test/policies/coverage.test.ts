import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { checkPolicies, formatReport } from '../../src/policies/check-report.js';
import { lacksDocument } from '../../src/policies/check.js';
import { coverage, coverageMarkdown } from '../../src/policies/coverage.js';
import { DEFAULT_POLICY_DIR, loadPolicies } from '../../src/policies/load.js';
import { coverageBlock, embedCoverage } from '../../src/policies/readme-block.js';
import { figureEntry, Money, TABLES } from '../../src/policies/schema.js';
import { defineTable } from '../../src/policies/table.js';

const policies = loadPolicies();
const c = coverage(policies, TABLES, 2026);
const cell = (province: string, column: string) =>
  c.rows.find((r) => r.province.name === province)?.cells[c.columns.indexOf(column)];

describe('policies:coverage', () => {
  it('has one column per table declared with a coverage label, one row per province', () => {
    expect(c.columns).toContain('职工医保费率');
    expect(c.columns).toContain('居民医保缴费');
    expect(c.columns).toContain('居民基础养老金');
    expect(c.rows).toHaveLength(31);
  });

  it('says the latest year, the level and the confidence', () => {
    expect(cell('北京市', '养老缴费基数')).toMatchObject({
      level: 'province',
      label: '2026',
      current: true,
      confidence: 'official',
      weakerField: 'derived', // averageWage = cap ÷ 3
    });
    expect(cell('江苏省', '职工医保费率')).toMatchObject({ level: 'city', cities: ['南京市'] });
    // Open-ended: in force since its start, until a new figure is published.
    expect(cell('江苏省', '职工医保费率')?.label).toMatch(/^\d{4}起$/);
  });

  it('shows the national figure where a province has nothing of its own', () => {
    const none = c.rows.find((r) => r.cells[c.columns.indexOf('居民医保缴费')]?.level === 'national');
    expect(none).toBeDefined();
    expect(none?.cells[c.columns.indexOf('居民医保缴费')]?.current).toBe(false);
  });

  it('counts, per column, the provinces with a local figure for the year', () => {
    c.columns.forEach((_, i) => {
      expect(c.currentLocal[i]).toBe(c.rows.filter((r) => r.cells[i]?.current).length);
    });
    expect(c.currentLocal[c.columns.indexOf('养老缴费基数')]).toBeGreaterThan(0);
  });

  it('is embedded, as generated, in the README', () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const block = coverageBlock(readme);
    expect(block, 'run npm run policies:coverage -- --write').toBeDefined();
    const year = Number(/政策年度 (\d{4})/.exec(block ?? '')?.[1]);
    expect(block).toBe(coverageMarkdown(coverage(policies, TABLES, year)));
    expect(embedCoverage(readme, block as string)).toBe(readme);
  });
});

describe('policies:check', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'policies-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fees = defineTable({
    file: 'fees',
    list: 'fees',
    name: '测试费用',
    entry: figureEntry({ amount: Money }, ['amount']),
  });
  const tables = [...TABLES, fees];
  cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
  const write = (amount: string) =>
    writeFileSync(
      path.join(dir, 'fees.yaml'),
      `topic: fees
title: 测试
fees:
  - region: 360000 江西省
    year: 2024
    effective: { from: "2024" }
    amount: ${amount}
    source: [{ doc: a calculator preset }]
    confidence: third-party
  - region: 110000 北京市
    effective: { from: "2020" }
    amount: 1
    source: [{ doc: 京医保发〔2020〕1号 }]
    confidence: official
`,
    );

  it('passes the real data', () => {
    expect(checkPolicies(DEFAULT_POLICY_DIR, TABLES, 2026).ok).toBe(true);
  });

  it('lists stale figures and sources a reader cannot look up, with file:line', () => {
    write('10');
    const report = checkPolicies(dir, tables, 2026);
    expect(report.ok).toBe(true);
    const base = path.basename(dir);
    expect(report.stale).toContain(`${base}/fees.yaml:4: fees[0]: 江西省 2024 (no 2026 figure)`);
    // Open-ended (北京 since 2020) is in force until replaced: not stale.
    expect(report.stale.some((s) => s.includes('fees[1]'))).toBe(false);
    expect(report.weak).toContain(`${base}/fees.yaml:4: fees[0]: 江西省: "a calculator preset"`);
    expect(formatReport(report, 2026)).toContain('Latest figure older than the policy year 2026');
  });

  it('reports a broken file with its line and fails', () => {
    write('-5');
    const report = checkPolicies(dir, tables, 2026);
    expect(report.ok).toBe(false);
    expect(report.errors.join('\n')).toMatch(/fees\.yaml:7: fees\[0\]\.amount: /);
  });

  it('knows a document name from a description', () => {
    expect(lacksDocument({ doc: 'calculator preset in a third-party repo' })).toBe(true);
    expect(lacksDocument({ doc: '穗医保规字〔2022〕1号' })).toBe(false);
    expect(lacksDocument({ doc: '北京医保 常见问题', url: 'https://ybj.beijing.gov.cn/a' })).toBe(false);
  });
});
