import { lastYearOf } from './coverage.js';
import type { FigureEntry, Source } from './entry.js';
import { entriesOf, type AnyTable } from './table.js';

/*
 * What a maintainer should look at besides schema errors (which the loader reports): figures whose
 * latest year is behind the policy year, and sources a reader could not look up.
 */

export interface EntryRef {
  file: string;
  list: string;
  index: number;
  entry: FigureEntry;
}

/**
 * The latest entry of each region and variant of each table whose last year is before `year`.
 * Open-ended entries (no year, no end) are in force until replaced, so never stale.
 */
export function staleEntries(loaded: object, tables: readonly AnyTable[], year: number): EntryRef[] {
  const out: EntryRef[] = [];
  for (const table of tables) {
    const entries = entriesOf<FigureEntry>(loaded, table);
    const latest = new Map<string, { index: number; last: number | undefined }>();
    entries.forEach((entry, index) => {
      const variants = table.variant ? table.variant(entry) : [''];
      for (const variant of variants) {
        const key = `${entry.region.code}|${variant}`;
        const last = lastYearOf(entry);
        const seen = latest.get(key);
        const newer =
          seen === undefined ||
          (seen.last !== undefined && (last === undefined || last > seen.last));
        if (newer) latest.set(key, { index, last });
      }
    });
    const reported = new Set<number>();
    for (const { index, last } of latest.values()) {
      if (last === undefined || last >= year || reported.has(index)) continue;
      reported.add(index);
      out.push({ file: `${table.file}.yaml`, list: table.list, index, entry: entries[index] as FigureEntry });
    }
  }
  return out;
}

/** Words that make a `doc` the name of a document a reader can ask for. */
const DOCUMENT_NAME =
  /〔\d{4}〕|\[\d{4}\]|令第|《|通知|办法|决定|公告|通告|意见|条例|法\b|社会保险法|规定|答复|问答|解读|报告|公报|指南|细则|方案|披露|标准|文件|notice|announcement/i;

/** A source with no URL and no document name (a calculator preset, "an FAQ in a repo"...). */
export function lacksDocument(source: Source): boolean {
  return source.url === undefined && !DOCUMENT_NAME.test(source.doc ?? '');
}

export function weakSources(loaded: object, tables: readonly AnyTable[]): (EntryRef & { source: Source })[] {
  return tables.flatMap((table) =>
    entriesOf<FigureEntry>(loaded, table).flatMap((entry, index) =>
      entry.source
        .filter(lacksDocument)
        .map((source) => ({ file: `${table.file}.yaml`, list: table.list, index, entry, source })),
    ),
  );
}
