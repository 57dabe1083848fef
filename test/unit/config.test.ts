import { spawnSync } from 'node:child_process';
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
