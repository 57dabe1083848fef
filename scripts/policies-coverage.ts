/*
 * npm run policies:coverage [-- --year 2026] [--write]
 * Prints the province × table coverage of policies/ (latest year, level, confidence); with --write
 * also replaces the generated block of README.md between the policies:coverage markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { coverage, coverageMarkdown } from '../src/policies/coverage.js';
import { loadPolicies } from '../src/policies/load.js';
import { embedCoverage } from '../src/policies/readme-block.js';
import { TABLES } from '../src/policies/schema.js';
import { projectRoot } from '../src/paths.js';

const { values } = parseArgs({
  options: { year: { type: 'string' }, write: { type: 'boolean', default: false } },
});
const year = values.year ? Number(values.year) : new Date().getFullYear();
const markdown = coverageMarkdown(coverage(loadPolicies(), TABLES, year));
console.log(markdown);
if (values.write) {
  const readme = path.join(projectRoot, 'README.md');
  writeFileSync(readme, embedCoverage(readFileSync(readme, 'utf8'), markdown));
  console.log(`\n${path.relative(process.cwd(), readme)} updated.`);
}
