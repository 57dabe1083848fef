/*
 * npm run policies:check [-- --year 2026] [--dir policies] [--strict]
 * Validates every policy file (errors as file:line), then lists figures whose latest year is
 * behind the policy year and sources with neither a document name nor a URL. Exits 1 on errors,
 * and with --strict on anything listed.
 */
import { parseArgs } from 'node:util';
import { checkPolicies, formatReport } from '../src/policies/check-report.js';
import { DEFAULT_POLICY_DIR } from '../src/policies/load.js';
import { TABLES } from '../src/policies/schema.js';

const { values } = parseArgs({
  options: {
    year: { type: 'string' },
    dir: { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
});
const year = values.year ? Number(values.year) : new Date().getFullYear();
const report = checkPolicies(values.dir ?? DEFAULT_POLICY_DIR, TABLES, year);
console.log(formatReport(report, year));
const warnings = report.stale.length + report.weak.length;
process.exitCode = !report.ok || (values.strict && warnings > 0) ? 1 : 0;
