import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { staleEntries, weakSources, type EntryRef } from './check.js';
import { loadTables } from './load.js';
import type { AnyTable } from './table.js';

/*
 * The report of `npm run policies:check`: schema errors (file:line, from the loader), figures
 * whose latest year is behind the policy year, and sources with neither a document name nor a URL.
 */

/** `file:line` of an entry, reading the file once. */
function locator(dir: string) {
  const docs = new Map<string, { doc: ReturnType<typeof parseDocument>; lines: LineCounter }>();
  return (ref: EntryRef): string => {
    let parsed = docs.get(ref.file);
    if (parsed === undefined) {
      const lines = new LineCounter();
      const doc = parseDocument(readFileSync(path.join(dir, ref.file), 'utf8'), { lineCounter: lines });
      docs.set(ref.file, (parsed = { doc, lines }));
    }
    const node = parsed.doc.getIn([ref.list, ref.index], true) as { range?: [number, number, number] } | undefined;
    const shown = path.join(path.basename(dir), ref.file);
    return node?.range ? `${shown}:${parsed.lines.linePos(node.range[0]).line}` : shown;
  };
}

export interface CheckReport {
  /** False when a file does not load (schema, YAML or duplicate errors). */
  ok: boolean;
  errors: string[];
  stale: string[];
  weak: string[];
}

export function checkPolicies(dir: string, tables: readonly AnyTable[], year: number): CheckReport {
  let loaded: object;
  try {
    loaded = loadTables(dir, tables);
  } catch (error) {
    const lines = (error as Error).message.split('\n');
    const errors = lines.length === 1 ? [lines[0]!.replace(/^Invalid policy data: /, '')] : lines.slice(1);
    return { ok: false, errors, stale: [], weak: [] };
  }
  const at = locator(dir);
  const stale = staleEntries(loaded, tables, year).map((ref) => {
    const label = ref.entry.year ?? ref.entry.effective.to ?? ref.entry.effective.from;
    return `${at(ref)}: ${ref.list}[${ref.index}]: ${ref.entry.region.name} ${label} (no ${year} figure)`;
  });
  const weak = weakSources(loaded, tables).map(
    (ref) => `${at(ref)}: ${ref.list}[${ref.index}]: ${ref.entry.region.name}: "${ref.source.doc}"`,
  );
  return { ok: true, errors: [], stale, weak };
}

export function formatReport(report: CheckReport, year: number): string {
  if (!report.ok) return [`${report.errors.length} error(s):`, ...report.errors].join('\n');
  return [
    'All policy files are valid.',
    '',
    `Latest figure older than the policy year ${year} (${report.stale.length}):`,
    ...report.stale.map((s) => `  ${s}`),
    '',
    `Sources with neither a document name nor a URL (${report.weak.length}):`,
    ...report.weak.map((s) => `  ${s}`),
  ].join('\n');
}
