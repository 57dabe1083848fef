import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../src/channels/telegram.js';
import { createWechatChannel } from '../../src/channels/wechat.js';
import type { TurnInput } from '../../src/turn.js';
import { captureLogger } from '../support/capture-logger.js';
import { startFakeTelegram } from '../support/fake-telegram.js';
import { startBotProcess } from '../support/process.js';
import { freePort } from '../support/redis-server.js';

/**
 * The adapters on the real core (createCore, memory store). While other modules of the core
 * (src/nlu/normalize.ts, src/nlu/slots/, src/answers/calculators.ts) do not exist yet, these
 * tests are skipped; any other failure to load the core fails them.
 */
let coreModule: typeof import('../../src/core.js') | undefined;
let missing = '';
try {
  coreModule = await import('../../src/core.js');
} catch (err) {
  const e = err as Error & { code?: string };
  if (
    e.code !== 'ERR_MODULE_NOT_FOUND' &&
    !/Cannot find module|Failed to load url/.test(e.message)
  ) {
    throw err;
  }
  missing = e.message;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function realCore() {
  const { logger, lines } = captureLogger('info');
  const core = coreModule!.createCore({
    conversationTtlDays: 30,
    rateLimitPerMinute: 1000,
    logger,
  });
  const inputs: TurnInput[] = [];
  cleanups.push(() => core.store.close());
  return {
    core,
    inputs,
    logs: lines,
    handleTurn: (input: TurnInput) => {
      inputs.push(input);
      return core.bot.handleTurn(input);
    },
    /** What the core says to a new user for `text` (on a conversation of its own). */
    reference: async (text: string) =>
      (await core.bot.handleTurn({ channel: 'cli', userId: `ref-${Math.random()}`, text })).replies,
  };
}

describe.skipIf(!coreModule)(
  `channels on the real core${missing ? ' (skipped: core incomplete)' : ''}`,
  () => {
    it('Telegram: a greeting, its buttons, a press, /reset and a redelivery', async () => {
      const api = await startFakeTelegram();
      const { handleTurn, inputs, reference, logs } = realCore();
      const { logger } = captureLogger('info');
      const channel = createTelegramChannel({
        token: api.token,
        apiRoot: api.apiRoot,
        handleTurn,
        logger,
      });
      await channel.start();
      cleanups.push(async () => {
        await channel.stop('test');
        await api.close();
      });
      const from = { id: 77, is_bot: false, first_name: 'Li' };
      const chat = { id: 77, type: 'private' };
      const hello = { update_id: 1, message: { message_id: 1, date: 1, chat, from, text: '你好' } };
      api.push(hello);
      const expected = await reference('你好');
      const sent = await api.waitFor('sendMessage', expected.length);
      expect(sent.map((b) => b.text)).toEqual(expected.map((r) => r.text));
      const buttons = expected.flatMap((r) => r.buttons ?? []);
      expect(buttons.length).toBeGreaterThan(0);
      const keyboard = sent.at(-1)!.reply_markup.inline_keyboard as {
        text: string;
        callback_data: string;
      }[][];
      expect(keyboard.flat().map((b) => b.text)).toEqual(buttons);

      api.push({
        update_id: 2,
        callback_query: {
          id: 'q1',
          from,
          chat_instance: '1',
          data: keyboard[0]![0]!.callback_data,
          message: {
            message_id: 1,
            date: 1,
            chat,
            text: 'x',
            reply_markup: { inline_keyboard: keyboard },
          },
        },
      });
      await api.waitFor('answerCallbackQuery');
      await api.waitFor('sendMessage', sent.length + 1);
      expect(inputs[1]!.text).toBe(buttons[0]);

      const count = api.bodies('sendMessage').length;
      const entities = [{ type: 'bot_command', offset: 0, length: 6 }];
      api.push(hello, {
        update_id: 3,
        message: { message_id: 3, date: 1, chat, from, text: '/reset', entities },
      });
      const resetReplies = await reference('重新开始');
      const all = await api.waitFor('sendMessage', count + resetReplies.length);
      await api.waitFor('getUpdates', api.bodies('getUpdates').length + 1);
      expect(all.slice(count).map((b) => b.text)).toEqual(resetReplies.map((r) => r.text));
      expect(all.map((b) => b.text).join('')).not.toContain('抱歉，处理您的消息时出了点问题');
      expect(logs.join('')).not.toContain('你好');
    });

    it('WeChat: a greeting with numbered buttons, and a number picks one', async () => {
      const { handleTurn, inputs, reference } = realCore();
      const mocker = new mock.Mocker();
      const { logger } = captureLogger('info');
      const channel = createWechatChannel({
        puppet: new PuppetMock({ mocker }),
        handleTurn,
        logger,
      });
      const said: string[] = [];
      channel.wechaty.on('message', (msg) => {
        if (msg.self()) said.push(msg.text());
      });
      await channel.start();
      cleanups.push(() => channel.stop('test'));
      const me = mocker.createContact({ name: 'Bot' });
      const user = mocker.createContact({ name: 'Li' });
      mocker.login(me);
      await new Promise<void>((resolve) => channel.wechaty.once('login', () => resolve()));
      const expected = await reference('你好');
      user.say('你好').to(me);
      await expect.poll(() => said.length).toBe(expected.length);
      expect(said[0]).toContain(expected[0]!.text);
      const buttons = expected.flatMap((r) => r.buttons ?? []);
      expect(said.at(-1)).toContain(`1. ${buttons[0]}`);
      user.say('1').to(me);
      await expect.poll(() => inputs.length).toBe(2);
      expect(inputs[1]!.text).toBe(buttons[0]);
    });

    it('npm start: HTTP and every configured channel start, and SIGTERM stops them cleanly', async () => {
      const api = await startFakeTelegram();
      cleanups.push(() => api.close());
      const bot = await startBotProcess(
        {
          LOG_LEVEL: 'info',
          TELEGRAM_BOT_TOKEN: api.token,
          TELEGRAM_API_ROOT: api.apiRoot,
          WECHATY_PUPPET: 'wechaty-puppet-mock',
        },
        await freePort(),
      );
      cleanups.push(async () => void (await bot.stop('SIGKILL')));
      await expect
        .poll(() => bot.output(), { timeout: 10_000 })
        .toContain('channels started: http, telegram, wechat');
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
      expect(await bot.stop('SIGTERM')).toBe(0);
      const polls = api.bodies('getUpdates').length;
      await new Promise((r) => setTimeout(r, 400));
      expect(api.bodies('getUpdates')).toHaveLength(polls);
      expect(bot.output()).not.toContain(api.token);
    });
  },
);
