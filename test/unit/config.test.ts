import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { projectRoot } from '../../src/paths.js';

describe('loadConfig', () => {
  it('gives the contract defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      RATE_LIMIT_PER_MINUTE: 30,
      CONVERSATION_TTL_DAYS: 30,
      LOG_LEVEL: 'info',
      WEB_CHAT: 'on',
    });
    for (const unset of [
      'REDIS_URL',
      'WEBHOOK_SECRET',
      'TELEGRAM_BOT_TOKEN',
      'WECHATY_PUPPET',
      'WECHATY_SESSION_PATH',
    ] as const) {
      expect(c[unset]).toBeUndefined();
    }
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      REDIS_URL: 'rediss://cache:6380/1',
      WEBHOOK_SECRET: 's3cret',
      RATE_LIMIT_PER_MINUTE: '10',
      CONVERSATION_TTL_DAYS: '7',
      LOG_LEVEL: 'debug',
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram',
      TELEGRAM_WEBHOOK_SECRET: 'abc_DEF-1',
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: 'tok',
      WECHATY_SESSION_PATH: '/var/lib/shebao/wechat',
      WEB_CHAT: 'Off',
    });
    expect(c).toMatchObject({
      WEB_CHAT: 'off',
      WECHATY_SESSION_PATH: '/var/lib/shebao/wechat',
      PORT: 8080,
      RATE_LIMIT_PER_MINUTE: 10,
      CONVERSATION_TTL_DAYS: 7,
      LOG_LEVEL: 'debug',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['REDIS_URL', 'localhost:6379'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['CONVERSATION_TTL_DAYS', '-3'],
    ['LOG_LEVEL', 'loud'],
    ['TELEGRAM_API_ROOT', 'not a url'],
    ['TELEGRAM_WEBHOOK_SECRET', 'has spaces'],
    ['WEB_CHAT', 'no'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('has per-address and global limits on by default, the legacy signature off', () => {
    expect(loadConfig({})).toMatchObject({
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: 300,
      RATE_LIMIT_GLOBAL_PER_MINUTE: 6000,
      WEBHOOK_LEGACY_SIGNATURE: false,
      ALLOW_UNSIGNED_WEBHOOK: false,
      TRUST_PROXY: false,
    });
    expect(loadConfig({ WEBHOOK_LEGACY_SIGNATURE: 'on' }).WEBHOOK_LEGACY_SIGNATURE).toBe(true);
    expect(() => loadConfig({ WEBHOOK_LEGACY_SIGNATURE: 'yes' })).toThrow(
      /WEBHOOK_LEGACY_SIGNATURE:/,
    );
  });

  it('refuses NODE_ENV=production without WEBHOOK_SECRET, unless told so explicitly', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_SECRET:/);
    expect(loadConfig({ NODE_ENV: 'production', WEBHOOK_SECRET: 's' }).WEBHOOK_SECRET).toBe('s');
    expect(
      loadConfig({ NODE_ENV: 'production', ALLOW_UNSIGNED_WEBHOOK: 'on' }).WEBHOOK_SECRET,
    ).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'development' }).WEBHOOK_SECRET).toBeUndefined();
  });

  it('reads a secret from <NAME>_FILE, without the trailing newline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shebao-config-'));
    try {
      writeFileSync(join(dir, 'secret'), 'from-a-file\n');
      writeFileSync(join(dir, 'redis'), 'pässword');
      const c = loadConfig({
        WEBHOOK_SECRET_FILE: join(dir, 'secret'),
        REDIS_PASSWORD_FILE: join(dir, 'redis'),
        NODE_ENV: 'production',
      });
      expect(c.WEBHOOK_SECRET).toBe('from-a-file');
      expect(c.REDIS_PASSWORD).toBe('pässword');
      expect(() => loadConfig({ TELEGRAM_BOT_TOKEN_FILE: join(dir, 'missing') })).toThrow(
        /TELEGRAM_BOT_TOKEN_FILE: cannot read .*ENOENT/,
      );
      expect(() =>
        loadConfig({ WEBHOOK_SECRET: 'x', WEBHOOK_SECRET_FILE: join(dir, 'secret') }),
      ).toThrow(/WEBHOOK_SECRET: set both/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start in production without a secret, naming the variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'production', WEBHOOK_SECRET: '', PORT: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('WEBHOOK_SECRET');
  });

  it('stops start-up with a message naming the bad variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PORT');
  });
});
