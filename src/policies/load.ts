import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { projectRoot } from '../paths.js';
import {
  POLICY_FILE_SCHEMAS,
  POLICY_TOPICS,
  startOfIsoDate,
  type FigureEntry,
  type PolicyFiles,
  type PolicyTopic,
} from './schema.js';
import { nameTables } from './table-names.js';

/** All policy data, one property a file (named after the file), validated. */
export interface Policies {
  pensionBase: PolicyFiles['pension-base'];
  pensionRates: PolicyFiles['pension-rates'];
  pensionDivisor: PolicyFiles['pension-divisor'];
  interestRates: PolicyFiles['interest-rates'];
  retirementReform: PolicyFiles['retirement-reform'];
  employeeMedical: PolicyFiles['employee-medical'];
  flexibleMedical: PolicyFiles['flexible-medical'];
  residentMedical: PolicyFiles['resident-medical'];
  residentPension: PolicyFiles['resident-pension'];
  reimbursement: PolicyFiles['reimbursement'];
  specialGroups: PolicyFiles['special-groups'];
}

const PROPERTY: { [T in PolicyTopic]: keyof Policies } = {
  'pension-base': 'pensionBase',
  'pension-rates': 'pensionRates',
  'pension-divisor': 'pensionDivisor',
  'interest-rates': 'interestRates',
  'retirement-reform': 'retirementReform',
  'employee-medical': 'employeeMedical',
  'flexible-medical': 'flexibleMedical',
  'resident-medical': 'residentMedical',
  'resident-pension': 'residentPension',
  reimbursement: 'reimbursement',
  'special-groups': 'specialGroups',
};

/**
 * What makes two entries of a list the same figure (besides region and period). Two entries with
 * the same key, region and period would make a lookup ambiguous, so the loader refuses them.
 */
const VARIANT_KEYS: Record<string, (entry: Record<string, unknown>) => string[]> = {
  'pension-rates.rates': (e) => [String(e.scheme)],
  'retirement-reform.groups': (e) => [String(e.group)],
  'employee-medical.rates': (e) => [String(e.tier ?? '')],
  'flexible-medical.entries': (e) => [String(e.tier ?? '')],
  'reimbursement.inpatient': (e) => [`${String(e.scheme)}/${String(e.population ?? '')}`],
  'reimbursement.seriousIllness': (e) => [String(e.scheme)],
  'reimbursement.outpatientPooling': (e) => [String(e.scheme)],
  'reimbursement.statistics': (e) => [String(e.scheme)],
  'resident-medical.collectionPeriods': (e) => [String(e.kind)],
  'special-groups.subsidies': (e) => (e.groups as string[]).map(String),
};

export const DEFAULT_POLICY_DIR = path.join(projectRoot, 'policies');

/** A path as error messages show it: relative to the repository when inside it. */
function displayPath(file: string): string {
  const relative = path.relative(projectRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** `entries[3].effective.from` from a zod issue path. */
export function formatIssuePath(issuePath: readonly PropertyKey[]): string {
  let out = '';
  for (const key of issuePath) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out || '(root)';
}

function valueAt(data: unknown, issuePath: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of issuePath) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssues(file: string, data: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys
        .map((key) => `${file}: ${formatIssuePath([...issue.path, key])}: Unknown key`)
        .join('\n');
    }
    const missing = valueAt(data, issue.path) === undefined && issue.code === 'invalid_type';
    return `${file}: ${formatIssuePath(issue.path)}: ${missing ? 'Required' : issue.message}`;
  });
}

/** Every figure entry of a loaded file, with its list name and index. */
export function entryLists(
  data: PolicyFiles[PolicyTopic],
): { list: string; entries: FigureEntry[] }[] {
  return Object.entries(data)
    .filter(([key, value]) => Array.isArray(value) && key !== 'notes')
    .map(([list, value]) => ({ list, entries: value as FigureEntry[] }));
}

function duplicateProblems(file: string, topic: PolicyTopic, data: PolicyFiles[PolicyTopic]) {
  const problems: string[] = [];
  for (const { list, entries } of entryLists(data)) {
    const keyOf = VARIANT_KEYS[`${topic}.${list}`] ?? (() => ['']);
    const seen = new Map<string, number>();
    entries.forEach((entry, index) => {
      const period = entry.year !== undefined ? `y${entry.year}` : startOfIsoDate(entry.effective.from);
      for (const variant of keyOf(entry as unknown as Record<string, unknown>)) {
        const key = `${entry.region.code}|${variant}|${period}`;
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push(
            `${file}: ${list}[${index}]: Duplicate of ${list}[${first}] (same region, period${
              variant ? ` and ${variant}` : ''
            })`,
          );
        } else seen.set(key, index);
      }
    });
  }
  return problems;
}

/**
 * Reads and validates every `*.yaml` file of `dir` (default: `<repo>/policies`). Any problem (a
 * YAML syntax error, a schema violation, an unknown or missing file, duplicate entries) throws one
 * Error listing each problem as `<file>: <field path>: <message>`.
 */
export function loadPolicies(dir: string = DEFAULT_POLICY_DIR): Policies {
  const problems: string[] = [];
  const loaded: Partial<Record<PolicyTopic, unknown>> = {};
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
      .sort();
  } catch (error) {
    throw new Error(`${displayPath(dir)}: cannot read the policy folder: ${String(error)}`, {
      cause: error,
    });
  }

  for (const name of names) {
    const fullPath = path.join(dir, name);
    const file = displayPath(fullPath);
    const topic = name.replace(/\.ya?ml$/, '');
    if (!(POLICY_TOPICS as string[]).includes(topic)) {
      problems.push(
        `${file}: (root): Unknown policy file (expected one of ${POLICY_TOPICS.join(', ')})`,
      );
      continue;
    }
    const doc = parseDocument(readFileSync(fullPath, 'utf8'), { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const where = error.linePos?.[0];
        problems.push(
          `${file}: ${where ? `line ${where.line}, column ${where.col}` : '(root)'}: ${error.message.split('\n')[0]}`,
        );
      }
      continue;
    }
    const data: unknown = doc.toJS();
    const result = POLICY_FILE_SCHEMAS[topic as PolicyTopic].safeParse(data);
    if (!result.success) {
      problems.push(...describeIssues(file, data, result.error));
      continue;
    }
    const dupes = duplicateProblems(file, topic as PolicyTopic, result.data);
    if (dupes.length > 0) {
      problems.push(...dupes);
      continue;
    }
    loaded[topic as PolicyTopic] = result.data;
  }

  for (const topic of POLICY_TOPICS) {
    if (!names.some((name) => name.replace(/\.ya?ml$/, '') === topic)) {
      problems.push(`${displayPath(path.join(dir, `${topic}.yaml`))}: (root): Missing policy file`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      problems.length === 1
        ? `Invalid policy data: ${problems[0]}`
        : `Invalid policy data (${problems.length} problems):\n${problems.join('\n')}`,
    );
  }

  const policies = {} as Record<keyof Policies, unknown>;
  for (const topic of POLICY_TOPICS) policies[PROPERTY[topic]] = loaded[topic];
  nameTables(policies as unknown as Policies);
  return policies as unknown as Policies;
}

/** Every figure entry of every file, for checks that apply to all of them. */
export function allFigureEntries(
  policies: Policies,
): { file: string; list: string; index: number; entry: FigureEntry }[] {
  const out: { file: string; list: string; index: number; entry: FigureEntry }[] = [];
  for (const topic of POLICY_TOPICS) {
    const data = policies[PROPERTY[topic]] as PolicyFiles[PolicyTopic];
    for (const { list, entries } of entryLists(data)) {
      entries.forEach((entry, index) => out.push({ file: `${topic}.yaml`, list, index, entry }));
    }
  }
  return out;
}
