import type { z } from 'zod';
import { fileSchema, filesOf, type LoadedFile } from './table.js';
import { TABLES } from './tables/index.js';

/*
 * The schemas of policies/*.yaml, all derived from the table declarations (tables/*.ts). This
 * module only gathers them; a new table is declared in tables/, not here.
 */

export * from './dates.js';
export * from './entry.js';
export * from './tables/index.js';

export type PolicyTable = (typeof TABLES)[number];
export type PolicyTopic = PolicyTable['file'];
export const POLICY_TOPICS = filesOf(TABLES) as PolicyTopic[];

/** One schema a file, built from the tables declared in it. */
export const POLICY_FILE_SCHEMAS = Object.fromEntries(
  POLICY_TOPICS.map((topic) => [topic, fileSchema(topic, TABLES)]),
) as unknown as { [T in PolicyTopic]: z.ZodType<PolicyFiles[T]> };

export type PolicyFiles = { [T in PolicyTopic]: LoadedFile<PolicyTable, T> };
