import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config.js';
import { projectRoot } from '../../src/paths.js';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('says near the top what the default exposes and how to close it', () => {
    const top = readme.split('\n').slice(0, 25).join('\n');
    for (const words of ['0.0.0.0', 'HOST=127.0.0.1', 'WEBHOOK_SECRET', 'WEB_CHAT=off']) {
      expect(top).toContain(words);
    }
  });

  it('documents every setting in its configuration table', () => {
    // A table row naming the variable in backticks, alone or with others (`PORT`, `HOST`).
    const missing = Object.keys(ConfigSchema.shape).filter(
      (name) => !new RegExp(`^\\| [^|\\n]*\`${name}\``, 'm').test(readme),
    );
    expect(missing).toEqual([]);
  });

  it('shows the page: the screenshots it links to exist', () => {
    const images = [...readme.matchAll(/\]\((docs\/screenshots\/[^)]*)\)/g)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const path of images) expect(existsSync(join(projectRoot, path)), path).toBe(true);
  });
});
