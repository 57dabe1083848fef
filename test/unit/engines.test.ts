import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const read = (file: string) => JSON.parse(readFileSync(join(projectRoot, file), 'utf8'));

describe('the declared Node version', () => {
  it('is one every installed package accepts (no EBADENGINE on npm install)', () => {
    const declared: string = read('package.json').engines.node;
    const oldest = semver.minVersion(declared)!.version;
    expect(oldest).toBe('20.19.0');
    const lock = read('package-lock.json') as {
      packages: Record<string, { engines?: { node?: string } }>;
    };
    const refusing = Object.entries(lock.packages)
      .filter(([path, pkg]) => path !== '' && typeof pkg.engines?.node === 'string')
      .filter(([, pkg]) => !semver.satisfies(oldest, pkg.engines!.node!))
      .map(([path, pkg]) => `${path.replace(/^.*node_modules\//, '')} wants ${pkg.engines!.node}`);
    expect(refusing).toEqual([]);
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });
});
