import { z } from 'zod';
import type { FigureEntry } from './entry.js';

/*
 * A policy table is declared once (tables/*.ts): the file and list it lives in, what a reply calls
 * it, the schema of its entries, and what tells two entries of one region and period apart. The
 * loader, the table names and the lookups all follow from that declaration, so a new table is one
 * declaration plus its YAML.
 */

export interface TableDeclaration<
  F extends string = string,
  L extends string = string,
  E extends FigureEntry = FigureEntry,
> {
  /** The file it lives in: `policies/<file>.yaml`. */
  file: F;
  /** The list of that file that holds its entries. */
  list: L;
  /**
   * What the table holds, in the words a reply uses when a figure falls back to another place or
   * year (未找到上饶市2026年的「养老保险费率」数据…).
   */
  name: string;
  /** The schema of one entry (figureEntry(...)). */
  entry: z.ZodType<E>;
  /**
   * What makes two entries the same figure besides region and period (a scheme, a tier...). Two
   * entries with the same variant, region and period would make a lookup ambiguous, so the loader
   * refuses them. Default: one figure per region and period.
   */
  variant?: (entry: E) => string[];
  /**
   * The column this table has in the coverage report (npm run policies:coverage), for the tables
   * whose figures differ place by place and must be kept current.
   */
  coverage?: string;
}

/** Declares a table (keeps the literal file and list names, which type the loaded data). */
export function defineTable<const F extends string, const L extends string, E extends FigureEntry>(
  declaration: TableDeclaration<F, L, E>,
): TableDeclaration<F, L, E> {
  return declaration;
}

/** Any declared table, whatever its entries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- entries differ table by table
export type AnyTable = TableDeclaration<string, string, any>;

export type EntryOf<T> = T extends TableDeclaration<string, string, infer E> ? E : never;

type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/** One loaded file: its header and one list per table declared in it. */
export type LoadedFile<T extends AnyTable, F extends string> = {
  topic: F;
  title: string;
  notes?: string[] | undefined;
} & { [D in T as D['file'] extends F ? D['list'] : never]: EntryOf<D>[] };

/** Loaded policy data: one property per file, named after it (`pension-base` -> `pensionBase`). */
export type Loaded<T extends AnyTable> = { [F in T['file'] as Camel<F>]: LoadedFile<T, F> };

/** The property of loaded data that holds a file: `pension-base` -> `pensionBase`. */
export function propertyOf(file: string): string {
  return file.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The files the tables live in, in declaration order. */
export function filesOf(tables: readonly AnyTable[]): string[] {
  return [...new Set(tables.map((t) => t.file))];
}

/** The schema of one file: a header (topic, title, notes) and the lists of its tables. */
export function fileSchema(file: string, tables: readonly AnyTable[]) {
  const lists = Object.fromEntries(
    tables.filter((t) => t.file === file).map((t) => [t.list, z.array(t.entry)]),
  );
  return z.strictObject({
    topic: z.literal(file),
    title: z.string().min(1),
    notes: z.array(z.string().min(1)).optional(),
    ...lists,
  });
}

/** The entries of one table in loaded data. */
export function entriesOf<E extends FigureEntry>(
  loaded: object,
  table: TableDeclaration<string, string, E>,
): readonly E[] {
  const file = (loaded as Record<string, Record<string, unknown> | undefined>)[
    propertyOf(table.file)
  ];
  const entries = file?.[table.list];
  if (!Array.isArray(entries)) {
    throw new Error(`table ${table.file}.${table.list} is not in the loaded policies`);
  }
  return entries as E[];
}
