import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const SCRIPT = join(projectRoot, 'scripts', 'build-if-changed.mjs');
const folders: string[] = [];
/** No @types and no lib checks: each compile here takes tsc's start-up time and little more. */
const OPTIONS = {
  module: 'NodeNext',
  strict: true,
  types: [],
  skipLibCheck: true,
  lib: ['ES2022'],
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A small project laid out like ours, compiled by the real TypeScript of this repository. */
function tinyProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'shebao-build-'));
  folders.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...OPTIONS, target: 'ES2022' } }),
  );
  writeFileSync(
    join(root, 'tsconfig.build.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { outDir: 'dist', rootDir: 'src' },
      include: ['src'],
    }),
  );
  writeFileSync(join(root, 'src', 'main.ts'), 'export const answer: number = 42;\n');
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

function build(root: string): string {
  const run = spawnSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('scripts/build-if-changed.mjs (npm install and npm start)', () => {
  it('compiles once, then not again until a source changes', () => {
    const root = tinyProject();
    expect(build(root)).toContain('compiling src/ to dist/');
    const out = join(root, 'dist', 'main.js');
    expect(readFileSync(out, 'utf8')).toContain('answer = 42');
    const built = statSync(out).mtimeMs;

    expect(build(root)).toBe('build: dist/ is up to date\n');
    expect(statSync(out).mtimeMs).toBe(built);

    writeFileSync(join(root, 'src', 'main.ts'), 'export const answer: number = 43;\n');
    expect(build(root)).toContain('compiling');
    expect(readFileSync(out, 'utf8')).toContain('answer = 43');
  });

  it('builds again when a build setting changes, and leaves no module of a deleted source', () => {
    const root = tinyProject();
    writeFileSync(join(root, 'src', 'old.ts'), 'export const old = 1;\n');
    build(root);
    rmSync(join(root, 'src', 'old.ts'));
    expect(build(root)).toContain('compiling');
    expect(() => statSync(join(root, 'dist', 'old.js'))).toThrow();
    writeFileSync(
      join(root, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...OPTIONS, target: 'ES2020' } }),
    );
    expect(build(root)).toContain('compiling');
  });

  it('does nothing where there are no sources yet (the Docker image installs first)', () => {
    const root = mkdtempSync(join(tmpdir(), 'shebao-build-'));
    folders.push(root);
    expect(build(root)).toBe('');
  });
});
