import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { startApp, type TestApp } from '../support/app.js';

/** The README's signing examples, run as written (only the server's address is changed). */
const run = promisify(execFile);
const secret = 'readme-secret';
let app: TestApp;
let blocks: { sh: string; js: string };
beforeAll(async () => {
  app = await startApp({ webhookSecret: secret });
  const readme = await readFile(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.split('### Signing webhook calls')[1]!.split('\n## ')[0]!;
  const block = (lang: string) => {
    const found = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
    if (!found) throw new Error(`no ${lang} example under "Signing webhook calls"`);
    return found[1]!.replaceAll('localhost:3000', `127.0.0.1:${app.port}`);
  };
  blocks = { sh: block('sh'), js: block('js') };
});
afterAll(async () => {
  await app.close();
});

const env = { ...process.env, WEBHOOK_SECRET: secret };

describe('README signing examples', () => {
  it('the shell example gets an answer, then forgets the conversation (204)', async () => {
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', blocks.sh], { env });
    // curl -s prints the answer without a newline, then the DELETE's status line
    const out = stdout.trim();
    expect(JSON.parse(out.slice(0, -3)).intent.name).toBe('medical_contribution');
    expect(out.slice(-3)).toBe('204');
    expect(await app.core.store.get({ channel: 'http', userId: 'u1' })).toBeUndefined();
  });

  it('the JavaScript example gets an answer', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', blocks.js], {
      env,
    });
    expect(stdout).toContain('medical_contribution');
    expect(await app.core.store.get({ channel: 'http', userId: 'u1' })).toBeDefined();
  });

  it('the examples fail with another secret (they really sign)', async () => {
    const wrong = { ...process.env, WEBHOOK_SECRET: 'not-it' };
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', blocks.sh], { env: wrong });
    expect(stdout).toContain('unauthorized');
    expect(stdout.trim().slice(-3)).toBe('401');
  });
});
