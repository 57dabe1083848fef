import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { projectRoot } from '../paths.js';
import { startOfIsoDate } from './dates.js';
import type { FigureEntry } from './entry.js';
import { TABLES } from './tables/index.js';
import { entriesOf, fileSchema, filesOf, propertyOf, type AnyTable, type Loaded } from './table.js';
import { nameTables } from './table-names.js';

/** All policy data: one property a file (named after the file), one list a declared table. */
export type Policies = Loaded<(typeof TABLES)[number]>;

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

/** A YAML file being checked: where its nodes are, to point errors at `file:line`. */
interface Located {
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** `file:line` of the deepest node of `issuePath` the document has (the file alone if none). */
function at(src: Located, issuePath: readonly PropertyKey[]): string {
  for (let depth = issuePath.length; depth >= 0; depth--) {
    const node = src.doc.getIn(issuePath.slice(0, depth) as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return `${src.file}:${src.lines.linePos(node.range[0]).line}`;
  }
  return src.file;
}

function valueAt(data: unknown, issuePath: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of issuePath) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeIssues(src: Located, data: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys
        .map((key) => {
          const where = [...issue.path, key];
          return `${at(src, where)}: ${formatIssuePath(where)}: Unknown key`;
        })
        .join('\n');
    }
    const missing = valueAt(data, issue.path) === undefined && issue.code === 'invalid_type';
    return `${at(src, issue.path)}: ${formatIssuePath(issue.path)}: ${missing ? 'Required' : issue.message}`;
  });
}

function duplicateProblems(src: Located, data: Record<string, unknown>, tables: AnyTable[]) {
  const problems: string[] = [];
  for (const table of tables) {
    const entries = data[table.list] as FigureEntry[];
    const keyOf = table.variant ?? (() => ['']);
    const seen = new Map<string, number>();
    entries.forEach((entry, index) => {
      const period = entry.year !== undefined ? `y${entry.year}` : startOfIsoDate(entry.effective.from);
      for (const variant of keyOf(entry)) {
        const key = `${entry.region.code}|${variant}|${period}`;
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push(
            `${at(src, [table.list, index])}: ${table.list}[${index}]: Duplicate of ${table.list}[${first}] (same region, period${
              variant ? ` and ${variant}` : ''
            })`,
          );
        } else seen.set(key, index);
      }
    });
  }
  return problems;
}

/** Reads one file and checks it against the tables declared in it. */
function loadFile(fullPath: string, topic: string, tables: readonly AnyTable[]) {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(fullPath, 'utf8'), { prettyErrors: true, lineCounter: lines });
  const src: Located = { file: displayPath(fullPath), doc, lines };
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const where = error.linePos?.[0];
      return `${src.file}${where ? `:${where.line}:${where.col}` : ': (root)'}: ${error.message.split('\n')[0]}`;
    });
    return { problems };
  }
  const data: unknown = doc.toJS();
  const result = fileSchema(topic, tables).safeParse(data);
  if (!result.success) return { problems: describeIssues(src, data, result.error) };
  const own = tables.filter((t) => t.file === topic);
  const dupes = duplicateProblems(src, result.data as Record<string, unknown>, own);
  return dupes.length > 0 ? { problems: dupes } : { data: result.data, problems: [] };
}

/**
 * Reads and validates every `*.yaml` file of `dir` against the declared `tables`. Any problem (a
 * YAML syntax error, a schema violation, an unknown or missing file, duplicate entries) throws one
 * Error listing each problem as `<file>:<line>: <field path>: <message>`. The tables are named
 * (tableName) as they load.
 */
export function loadTables<const T extends AnyTable>(dir: string, tables: readonly T[]): Loaded<T> {
  const topics = filesOf(tables);
  const problems: string[] = [];
  const loaded: Record<string, unknown> = {};
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
    const topic = name.replace(/\.ya?ml$/, '');
    if (!topics.includes(topic)) {
      problems.push(
        `${displayPath(fullPath)}: (root): Unknown policy file (expected one of ${topics.join(', ')})`,
      );
      continue;
    }
    const file = loadFile(fullPath, topic, tables);
    problems.push(...file.problems);
    if (file.data) loaded[propertyOf(topic)] = file.data;
  }

  for (const topic of topics) {
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
  nameTables(loaded, tables);
  return loaded as Loaded<T>;
}

/** Reads and validates `dir` (default: `<repo>/policies`) against every declared table. */
export function loadPolicies(dir: string = DEFAULT_POLICY_DIR): Policies {
  return loadTables(dir, TABLES);
}

/** One figure entry, with the file and list it is in. */
export interface PlacedEntry {
  file: string;
  list: string;
  table: AnyTable;
  index: number;
  entry: FigureEntry;
}

/** Every figure entry of every table, for checks that apply to all of them. */
export function allFigureEntries(
  policies: object,
  tables: readonly AnyTable[] = TABLES,
): PlacedEntry[] {
  return tables.flatMap((table) =>
    entriesOf<FigureEntry>(policies, table).map((entry, index) => ({
      file: `${table.file}.yaml`,
      list: table.list,
      table,
      index,
      entry,
    })),
  );
}
