import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  allFigureEntries,
  DEFAULT_POLICY_DIR,
  formatIssuePath,
  loadPolicies,
} from '../../src/policies/load.js';
import { CONFIDENCES, isValidIsoDate, POLICY_TOPICS } from '../../src/policies/schema.js';

const policies = loadPolicies();
const entries = allFigureEntries(policies);

describe('policies/ loads', () => {
  it('has one valid file for every topic and nothing else', () => {
    const files = readdirSync(DEFAULT_POLICY_DIR)
      .filter((name) => name.endsWith('.yaml'))
      .sort();
    expect(files).toEqual(POLICY_TOPICS.map((topic) => `${topic}.yaml`).sort());
    for (const value of Object.values(policies)) expect(value).toBeDefined();
  });

  it('holds a reasonable number of figures', () => {
    expect(entries.length).toBeGreaterThan(150);
  });

  it('gives every figure a source, an effective date and a confidence tag', () => {
    for (const { file, list, index, entry } of entries) {
      const where = `${file} ${list}[${index}]`;
      expect(entry.source.length, where).toBeGreaterThan(0);
      for (const source of entry.source) {
        expect(Boolean(source.doc || source.url), where).toBe(true);
      }
      expect(isValidIsoDate(entry.effective.from), where).toBe(true);
      if (entry.effective.to !== undefined) {
        expect(isValidIsoDate(entry.effective.to), where).toBe(true);
      }
      expect(CONFIDENCES, where).toContain(entry.confidence);
      expect(entry.region.code, where).toMatch(/^(national|\d{6})$/);
    }
  });

  it('marks every figure whose source is only a research lead or low-confidence as uncertain', () => {
    for (const { file, list, index, entry } of entries) {
      const text = entry.source.map((s) => s.doc ?? '').join(' ');
      if (/research lead|demo-labelled|演示口径/.test(text)) {
        expect(entry.uncertain, `${file} ${list}[${index}]`).toBe(true);
      }
    }
  });

  it('contains none of the values POLICY-FACTS lists as fabricated or obsolete', () => {
    const raw = readdirSync(DEFAULT_POLICY_DIR)
      .map((name) => readFileSync(path.join(DEFAULT_POLICY_DIR, name), 'utf8'))
      .join('\n')
      // comments may name the excluded values
      .replace(/#.*$/gm, '');
    expect(raw).not.toContain('人社部发〔2026〕3号');
    const national2026 = policies.residentMedical.contributions.find(
      (e) => e.region.code === 'national' && e.year === 2026,
    );
    expect(national2026?.subsidy).toBe(724);
    expect(national2026?.individual).toBe(400);
    // Shangrao 2024 "约390" conflicts with the national minimum and is left out.
    expect(
      policies.residentMedical.contributions.some((e) => e.individual === 390),
    ).toBe(false);
    // Seed 000: individual-account pension = balance ÷ 120 (pre-2006).
    expect(Object.values(policies.pensionDivisor.tables[0]?.months ?? {})).not.toContain(120);
    // Cities citing the national 医保发〔2024〕19号 as their own notice were generated data.
    for (const { entry } of entries) {
      if (entry.region.code !== 'national') {
        expect(entry.source.map((s) => s.doc ?? '').join(' ')).not.toMatch(
          /[^国]医保发〔2024〕19号/,
        );
      }
    }
  });
});

describe('formatIssuePath', () => {
  it('writes zod paths as field paths', () => {
    expect(formatIssuePath(['bases', 3, 'effective', 'from'])).toBe('bases[3].effective.from');
    expect(formatIssuePath(['levels', '1', 'ratioPct'])).toBe('levels["1"].ratioPct');
    expect(formatIssuePath([])).toBe('(root)');
  });
});

describe('a broken policy file stops loading, naming the file and the field', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A copy of policies/ with `file` rewritten by `edit` (on the parsed YAML). */
  function brokenCopy(file: string, edit: (data: Record<string, unknown[]>) => void): string {
    dir = mkdtempSync(path.join(tmpdir(), 'policies-'));
    cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
    const target = path.join(dir, file);
    const data = parse(readFileSync(target, 'utf8')) as Record<string, unknown[]>;
    edit(data);
    writeFileSync(target, stringify(data));
    return dir;
  }

  /** The error message, without the line numbers (tested on their own below). */
  function errorOf(fn: () => unknown): string {
    try {
      fn();
    } catch (error) {
      return (error as Error).message.replace(/\.yaml:\d+:/g, '.yaml:');
    }
    throw new Error('expected an error');
  }

  const firstBase = (data: Record<string, unknown[]>) => data.bases?.[0] as Record<string, unknown>;

  it('a missing source', () => {
    const folder = brokenCopy('pension-base.yaml', (data) => {
      delete firstBase(data).source;
    });
    const message = errorOf(() => loadPolicies(folder));
    expect(message).toBe(
      `Invalid policy data: ${path.join(folder, 'pension-base.yaml')}: bases[0].source: Required`,
    );
  });

  it('an empty source list', () => {
    const folder = brokenCopy('flexible-medical.yaml', (data) => {
      (data.entries?.[1] as Record<string, unknown>).source = [];
    });
    expect(errorOf(() => loadPolicies(folder))).toContain(
      'flexible-medical.yaml: entries[1].source: every figure needs at least one source',
    );
  });

  it('a bad date', () => {
    const folder = brokenCopy('pension-base.yaml', (data) => {
      firstBase(data).effective = { from: '2025-13-01' };
    });
    expect(errorOf(() => loadPolicies(folder))).toContain(
      'pension-base.yaml: bases[0].effective.from: Invalid date',
    );
  });

  it('a date that is not a string', () => {
    const folder = brokenCopy('interest-rates.yaml', (data) => {
      (data.rates?.[2] as Record<string, unknown>).effective = { from: 2018 };
    });
    expect(errorOf(() => loadPolicies(folder))).toContain(
      'interest-rates.yaml: rates[2].effective.from: Invalid date',
    );
  });

  it('an end before the start', () => {
    const folder = brokenCopy('pension-base.yaml', (data) => {
      firstBase(data).effective = { from: '2025-07', to: '2025-06-30' };
    });
    expect(errorOf(() => loadPolicies(folder))).toContain(
      'pension-base.yaml: bases[0].effective.to: Invalid date range',
    );
  });

  it('an unknown key, top level and nested', () => {
    const folder = brokenCopy('pension-base.yaml', (data) => {
      firstBase(data).floorr = 1;
      (firstBase(data).effective as Record<string, unknown>).until = '2026';
    });
    const message = errorOf(() => loadPolicies(folder));
    expect(message).toContain('pension-base.yaml: bases[0].floorr: Unknown key');
    expect(message).toContain('pension-base.yaml: bases[0].effective.until: Unknown key');
  });

  it('points at the line of the field in the file', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'policies-'));
    cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
    const target = path.join(dir, 'pension-base.yaml');
    const lines = readFileSync(target, 'utf8').split('\n');
    const at = lines.findIndex((line) => /^\s+floor: \d/.test(line));
    lines[at] = (lines[at] as string).replace(/floor: \d+/, 'floor: -1');
    writeFileSync(target, lines.join('\n'));
    const message = (() => {
      try {
        loadPolicies(dir);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(new RegExp(`pension-base\\.yaml:${at + 1}: bases\\[0\\]\\.floor: `));
  });

  it('an unknown key inside fieldConfidence', () => {
    const folder = brokenCopy('pension-base.yaml', (data) => {
      firstBase(data).fieldConfidence = { salary: 'derived' };
    });
    expect(errorOf(() => loadPolicies(folder))).toContain(
      'pension-base.yaml: bases[0].fieldConfidence.salary: Unknown key',
    );
  });

  it('a wrong confidence tag, a negative amount and a wrong type', () => {
    const folder = brokenCopy('pension-base.yaml', (data) => {
      firstBase(data).confidence = 'sure';
      firstBase(data).cap = -1;
      firstBase(data).year = '2025';
    });
    const message = errorOf(() => loadPolicies(folder));
    expect(message).toContain('pension-base.yaml: bases[0].confidence:');
    expect(message).toContain('pension-base.yaml: bases[0].cap:');
    expect(message).toContain('pension-base.yaml: bases[0].year:');
  });

  it('a region whose name does not match its code, or an unknown code', () => {
    const folder = brokenCopy('pension-base.yaml', (data) => {
      firstBase(data).region = '110000 上海市';
      (data.bases?.[1] as Record<string, unknown>).region = '119900 北京市';
      (data.bases?.[2] as Record<string, unknown>).region = 'Beijing';
    });
    const message = errorOf(() => loadPolicies(folder));
    expect(message).toContain('bases[0].region: Region 110000 is 北京市, not 上海市');
    expect(message).toContain('bases[1].region: Unknown GB/T 2260 region code 119900');
    expect(message).toContain('bases[2].region: Invalid region');
  });

  it('two entries for the same region, variant and period', () => {
    const folder = brokenCopy('pension-base.yaml', (data) => {
      data.bases?.push(structuredClone(data.bases[0]));
    });
    expect(errorOf(() => loadPolicies(folder))).toMatch(
      /pension-base\.yaml: bases\[\d+\]: Duplicate of bases\[0\]/,
    );
  });

  it('a YAML syntax error', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'policies-'));
    cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, 'special-groups.yaml'), 'topic: special-groups\n  bad: [\n');
    expect(errorOf(() => loadPolicies(dir as string))).toMatch(
      /special-groups\.yaml:\d+: /,
    );
  });

  it('an unknown file and a missing file', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'policies-'));
    cpSync(DEFAULT_POLICY_DIR, dir, { recursive: true });
    rmSync(path.join(dir, 'interest-rates.yaml'));
    writeFileSync(path.join(dir, 'extras.yaml'), 'topic: extras\n');
    const message = errorOf(() => loadPolicies(dir as string));
    expect(message).toContain('extras.yaml: (root): Unknown policy file');
    expect(message).toContain('interest-rates.yaml: (root): Missing policy file');
  });

  it('a topic that does not match the file name', () => {
    const folder = brokenCopy('special-groups.yaml', (data) => {
      (data as Record<string, unknown>).topic = 'reimbursement';
    });
    expect(errorOf(() => loadPolicies(folder))).toContain('special-groups.yaml: topic:');
  });

  it('names the folder when it cannot be read', () => {
    expect(errorOf(() => loadPolicies('/nonexistent/policies'))).toContain(
      '/nonexistent/policies: cannot read the policy folder',
    );
  });
});
