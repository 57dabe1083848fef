/*
 * Lookups of policy figures. The generic region-and-date resolver is resolve.ts (lookup(policies,
 * table, region, when) is all a new table needs); the named lookups the answers use are thin
 * wrappers over it in accessors/; the wording of fallback notes lives with the answers
 * (src/answers/fallback-notes.ts). This module only gathers them under their old import path.
 */

export * from './resolve.js';
export * from './accessors/pension.js';
export * from './accessors/medical.js';
export { fallbackNotes } from '../answers/fallback-notes.js';
