// Compiles src/ to dist/ only when the sources changed since the last build, so `npm start`
// on an installed tree starts in a second or two instead of running tsc every time. Run by
// `npm install` (prepare) and before `npm start` (prestart). Plain JavaScript: it must run
// before anything is compiled.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import process from 'node:process';

const root = process.cwd();
const STAMP = join(root, 'dist', '.sources-sha256');
/** What the build output depends on, besides the files under src/. */
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** One hash over every source's path and content (content, not mtime: a checkout changes mtimes). */
function sourcesHash() {
  const files = [...filesUnder(join(root, 'src')), ...CONFIG_FILES.map((f) => join(root, f))]
    .filter((file) => existsSync(file))
    .map((file) => relative(root, file).split('\\').join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

function say(line) {
  process.stdout.write(`build: ${line}\n`);
}

// The Docker image installs dependencies before it copies the sources: nothing to build yet.
if (!existsSync(join(root, 'src'))) process.exit(0);

const hash = sourcesHash();
if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash) {
  say('dist/ is up to date');
  process.exit(0);
}

let tsc;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  process.stderr.write(
    'build: dist/ is missing or out of date and TypeScript is not installed: run npm install\n',
  );
  process.exit(1);
}
say('compiling src/ to dist/ (sources changed)');
// A fresh dist/, so that a deleted source leaves no stale module behind.
rmSync(join(root, 'dist'), { recursive: true, force: true });
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);
writeFileSync(STAMP, `${hash}\n`);
say('done');
