import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

describe('npm run chat', () => {
  it('holds a terminal conversation with the same core, numbered buttons included', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/channels/cli.ts'], {
      cwd: projectRoot,
      input: '你好\n我哪年退休\n1\n1975年5月出生\nexit\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('助手：你好！我是社保小助手');
    expect(run.stdout).toMatch(/1\. 男\n2\. 女/);
    expect(run.stdout).toContain('62岁8个月'); // "1" picked 男
  });
});
