import Fastify from 'fastify';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createChannels, type ChannelsConfig } from '../../src/channels/start-channels.js';
import { captureLogger } from '../support/capture-logger.js';
import { startFakeTelegram, type ApiBody } from '../support/fake-telegram.js';
import { freePort } from '../support/redis-server.js';
import { createEchoCore } from './echo-core.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NONE: ChannelsConfig = {
  TELEGRAM_BOT_TOKEN: undefined,
  TELEGRAM_API_ROOT: undefined,
  TELEGRAM_WEBHOOK_URL: undefined,
  TELEGRAM_WEBHOOK_SECRET: undefined,
  WECHATY_PUPPET: undefined,
  WECHATY_PUPPET_SERVICE_TOKEN: undefined,
  WECHATY_SESSION_PATH: undefined,
};

async function setup(
  config: Partial<ChannelsConfig>,
  options: { mockPuppet?: boolean; retry?: { firstDelayMs: number; maxDelayMs: number } } = {},
) {
  const app = Fastify();
  const core = createEchoCore();
  const { logger, lines } = captureLogger('info');
  const channels = createChannels({
    config: { ...NONE, ...config },
    handleTurn: core.handleTurn,
    logger,
    app,
    wechatPuppet: options.mockPuppet ? new PuppetMock({ mocker: new mock.Mocker() }) : undefined,
    retry: options.retry,
  });
  cleanups.push(async () => {
    await channels.stop('test');
    await app.close();
  });
  const logged = () => lines.map((l) => JSON.parse(l) as ApiBody);
  return { app, core, channels, logs: lines, logged };
}

describe('createChannels', () => {
  it('starts nothing but HTTP when no channel is configured, and says how to add one', async () => {
    const { channels, logged } = await setup({});
    expect(await channels.start()).toEqual([]);
    const msgs = logged().map((l) => l.msg);
    expect(msgs).toContain(
      'no chat channel configured (set TELEGRAM_BOT_TOKEN or WECHATY_PUPPET to add one)',
    );
    expect(logged().find((l) => l.channels)).toMatchObject({ channels: ['http'] });
  });

  it('starts Telegram and WeChat (puppet by npm name), logs which, and stops them', async () => {
    const api = await startFakeTelegram();
    cleanups.push(() => api.close());
    const { channels, core, logged, logs } = await setup({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      WECHATY_PUPPET: 'wechaty-puppet-mock',
    });
    expect((await channels.start()).sort()).toEqual(['telegram', 'wechat']);
    expect(logged().find((l) => l.channels)).toMatchObject({
      channels: ['http', 'telegram', 'wechat'],
    });

    api.push({
      update_id: 1,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: 5, type: 'private' },
        from: { id: 5, is_bot: false, first_name: 'A' },
        text: '你好',
      },
    });
    await api.waitFor('sendMessage');
    expect(core.inputs).toHaveLength(1);

    await channels.stop('SIGTERM');
    const polls = api.bodies('getUpdates').length;
    await new Promise((r) => setTimeout(r, 400));
    expect(api.bodies('getUpdates').length).toBe(polls);
    expect(logs.join('')).not.toContain(api.token);
  });

  it('keeps WeChat running when Telegram fails to start (wrong token), without logging the token', async () => {
    const api = await startFakeTelegram();
    cleanups.push(() => api.close());
    const { channels, logged, logs } = await setup(
      { TELEGRAM_BOT_TOKEN: '1:not-the-token', TELEGRAM_API_ROOT: api.apiRoot },
      { mockPuppet: true },
    );
    expect(await channels.start()).toEqual(['wechat']);
    const failure = logged().find((l) => l.msg.startsWith('telegram channel failed to start'));
    expect(failure).toMatchObject({
      level: 50,
      channel: 'telegram',
      err: expect.stringContaining('401'),
    });
    expect(logs.join('')).not.toContain('not-the-token');
  });

  it('does not try again after a wrong token: that needs new settings, not time', async () => {
    const api = await startFakeTelegram();
    cleanups.push(() => api.close());
    const { channels, logged } = await setup(
      { TELEGRAM_BOT_TOKEN: '1:not-the-token', TELEGRAM_API_ROOT: api.apiRoot },
      { retry: { firstDelayMs: 20, maxDelayMs: 20 } },
    );
    expect(await channels.start()).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    const failures = logged().filter((l) => l.msg.startsWith('telegram channel failed to start'));
    expect(failures).toHaveLength(1);
    expect(failures[0]!.msg).toContain('the other channels go on without it');
  });

  it('tries Telegram again while its API cannot be reached, and polls once it can', async () => {
    const port = await freePort();
    const { channels, logged, logs } = await setup(
      {
        TELEGRAM_BOT_TOKEN: '123456:TEST-token_abc',
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      },
      { mockPuppet: true, retry: { firstDelayMs: 50, maxDelayMs: 100 } },
    );
    expect(await channels.start()).toEqual(['wechat']);
    const firstFailure = logged().find((l) => l.msg.startsWith('telegram channel failed to start'));
    expect(firstFailure).toMatchObject({ level: 50, attempt: 1, retryInMs: 50 });
    await new Promise((r) => setTimeout(r, 250));
    const api = await startFakeTelegram('123456:TEST-token_abc', port);
    cleanups.push(() => api.close());
    await api.waitFor('getUpdates');
    const started = logged().find((l) => l.msg === 'telegram channel started');
    expect(started?.attempts).toBeGreaterThanOrEqual(3);
    // waits doubled, up to the most allowed
    const waits = logged()
      .filter((l) => l.msg.startsWith('telegram channel failed to start'))
      .map((l) => l.retryInMs as number);
    expect(waits.slice(0, 3)).toEqual([50, 100, 100]);
    expect(logs.join('')).not.toContain('TEST-token_abc');
    await channels.stop('test');
    const polls = api.bodies('getUpdates').length;
    await new Promise((r) => setTimeout(r, 400));
    expect(api.bodies('getUpdates').length).toBe(polls);
  });

  it.each([
    [502, 'Bad Gateway'],
    [429, 'Too Many Requests: retry after 1'],
  ])('tries Telegram again after a %i from the Bot API', async (code, description) => {
    const api = await startFakeTelegram();
    cleanups.push(() => api.close());
    api.failNext('getMe', code, description);
    const { channels, logged } = await setup(
      { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot },
      { retry: { firstDelayMs: 20, maxDelayMs: 20 } },
    );
    expect(await channels.start()).toEqual([]);
    await api.waitFor('getUpdates');
    expect(logged().find((l) => l.msg === 'telegram channel started')).toMatchObject({
      channel: 'telegram',
      attempts: 2,
    });
  });

  it('stops trying when stopped while waiting for the next try', async () => {
    const port = await freePort();
    const { channels } = await setup(
      {
        TELEGRAM_BOT_TOKEN: '123456:TEST-token_abc',
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      },
      { retry: { firstDelayMs: 100, maxDelayMs: 100 } },
    );
    expect(await channels.start()).toEqual([]);
    await channels.stop('test');
    const api = await startFakeTelegram('123456:TEST-token_abc', port);
    cleanups.push(() => api.close());
    await new Promise((r) => setTimeout(r, 300));
    expect(api.calls).toHaveLength(0);
  });

  it('keeps Telegram running when the WeChat puppet cannot be loaded', async () => {
    const api = await startFakeTelegram();
    cleanups.push(() => api.close());
    const { channels, logged } = await setup({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      WECHATY_PUPPET: 'wechaty-puppet-not-installed',
      WECHATY_PUPPET_SERVICE_TOKEN: 'puppet-secret-token',
    });
    expect(await channels.start()).toEqual(['telegram']);
    const failure = logged().find((l) => l.msg.startsWith('wechat channel failed to start'));
    expect(failure).toMatchObject({ level: 50, channel: 'wechat' });
    expect(JSON.stringify(logged())).not.toContain('puppet-secret-token');
  });

  it('mounts the Telegram webhook route on the server before it listens', async () => {
    const api = await startFakeTelegram();
    cleanups.push(() => api.close());
    const { app, channels } = await setup({
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg/hook',
      TELEGRAM_WEBHOOK_SECRET: 'abc_DEF-123',
    });
    expect(app.hasRoute({ method: 'POST', url: '/tg/hook' })).toBe(true);
    expect(await channels.start()).toEqual(['telegram']);
    expect(api.bodies('setWebhook')[0]).toMatchObject({
      url: 'https://bot.example.com/tg/hook',
      secret_token: 'abc_DEF-123',
    });
    const res = await app.inject({ method: 'POST', url: '/tg/hook', payload: { update_id: 1 } });
    expect(res.statusCode).toBe(403);
  });

  it('logs a webhook path that clashes with an existing route, and starts the rest', async () => {
    const api = await startFakeTelegram();
    cleanups.push(() => api.close());
    const app = Fastify();
    app.post('/v1/messages', async () => ({}));
    const { logger, lines } = captureLogger('info');
    const channels = createChannels({
      config: {
        ...NONE,
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/v1/messages',
      },
      handleTurn: createEchoCore().handleTurn,
      logger,
      app,
      wechatPuppet: new PuppetMock({ mocker: new mock.Mocker() }),
    });
    cleanups.push(async () => {
      await channels.stop('test');
      await app.close();
    });
    expect(await channels.start()).toEqual(['wechat']);
    expect(lines.join('')).toContain('telegram channel failed to start');
  });
});
