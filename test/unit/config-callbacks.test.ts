import { describe, expect, it } from 'vitest';
import { createChannels } from '../../src/channels/start-channels.js';
import { buildServer } from '../../src/channels/http/server.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createCore } from '../../src/core.js';
import { createMetrics } from '../../src/metrics.js';
import { captureLogger } from '../support/capture-logger.js';

const KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

describe('callback settings', () => {
  it('reads the Official Account, WeCom, API_DOCS and MISS_LOG settings', () => {
    const c = loadConfig({
      WECHAT_MP_TOKEN: 't',
      WECHAT_MP_APPID: 'wx1',
      WECHAT_MP_AES_KEY: KEY,
      WECOM_TOKEN: 'w',
      WECOM_AES_KEY: KEY,
      WECOM_CORPID: 'ww1',
      API_DOCS: 'OFF',
      MISS_LOG: 'off',
    });
    expect(c).toMatchObject({
      WECHAT_MP_AES_KEY: KEY,
      WECOM_CORPID: 'ww1',
      API_DOCS: false,
      MISS_LOG: false,
    });
    expect(loadConfig({})).toMatchObject({
      API_DOCS: true,
      MISS_LOG: true,
    });
  });

  it.each([
    [{ WECHAT_MP_TOKEN: 't', WECHAT_MP_AES_KEY: 'short' }, 'WECHAT_MP_AES_KEY'],
    [{ WECHAT_MP_TOKEN: 't', WECHAT_MP_AES_KEY: KEY }, 'WECHAT_MP_APPID'],
    [{ WECHAT_MP_APPID: 'wx1' }, 'WECHAT_MP_TOKEN'],
    [{ WECOM_TOKEN: 'w', WECOM_AES_KEY: KEY }, 'WECOM_CORPID'],
    [{ WECOM_CORPID: 'ww1' }, 'WECOM_TOKEN'],
  ])('stops start-up on a half-configured callback: %o names %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });

  it('starts the configured callbacks as channels, and serves none unconfigured', async () => {
    const { logger, lines } = captureLogger('info');
    const metrics = createMetrics();
    const core = createCore({ conversationTtlDays: 30, rateLimitPerMinute: 100, logger });
    const make = async (env: Record<string, string>) => {
      const app = await buildServer({ bot: core.bot, logger, metrics });
      const config = loadConfig(env);
      const channels = createChannels({
        config,
        handleTurn: (i) => core.bot.handleTurn(i),
        logger,
        app,
      });
      return { app, channels };
    };
    const on = await make({
      WECHAT_MP_TOKEN: 't',
      WECOM_TOKEN: 'w',
      WECOM_AES_KEY: KEY,
      WECOM_CORPID: 'ww1',
    });
    expect(await on.channels.start()).toEqual(['wechat-mp', 'wecom']);
    expect(lines.join('')).toContain('channels started: http, wechat-mp, wecom');
    expect((await on.app.inject({ url: '/wechat/mp' })).statusCode).toBe(401);
    await on.channels.stop();
    const off = await make({});
    expect((await off.app.inject({ url: '/wechat/mp' })).statusCode).toBe(404);
    expect((await off.app.inject({ url: '/wecom/callback' })).statusCode).toBe(404);
    await on.app.close();
    await off.app.close();
    await core.store.close();
  });
});
