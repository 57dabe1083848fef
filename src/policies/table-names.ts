import { entriesOf, type AnyTable } from './table.js';

/*
 * What each loaded table holds, in the words a reply uses when a figure falls back to another
 * place or year ("未找到上饶市2026年的养老保险缴费基数上下限数据，按最近的江西省2025年标准估算").
 * Keyed by the list itself, so a lookup needs nothing but the list it searches. The names come
 * from the table declarations (TableDeclaration.name).
 */
const names = new WeakMap<object, string>();

/** The name of the table `entries` (one of a loaded Policies), if it has one. */
export function tableName(entries: object): string | undefined {
  return names.get(entries);
}

/** Names every table of freshly loaded data. */
export function nameTables(loaded: object, tables: readonly AnyTable[]): void {
  for (const table of tables) names.set(entriesOf(loaded, table), table.name);
}
