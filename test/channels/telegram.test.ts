import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot.js';
import { buildServer } from '../../src/channels/http/server.js';
import {
  createTelegramChannel,
  splitText,
  TELEGRAM_MAX_TEXT,
  type TelegramChannel,
} from '../../src/channels/telegram.js';
import { createMetrics } from '../../src/metrics.js';
import type { TurnHandler } from '../../src/turn.js';
import { captureLogger } from '../support/capture-logger.js';
import { FAKE_BOT, startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.js';
import { CHOICES, createEchoCore } from './echo-core.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let nextUpdateId = 1000;
const USER = { id: 42, is_bot: false, first_name: 'Li' };
const OTHER = { id: 43, is_bot: false, first_name: 'Wang' };
const GROUP = { id: -100777, type: 'supergroup', title: '社保群' };
const MENTION = `@${FAKE_BOT.username}`;

function textUpdate(
  text: string,
  options: {
    from?: typeof USER;
    chat?: Record<string, unknown>;
    updateId?: number;
    entities?: Record<string, unknown>[];
    replyTo?: Record<string, unknown>;
  } = {},
) {
  const from = options.from ?? USER;
  const entities = options.entities ?? [];
  const command = /^\/\w+(@\w+)?/.exec(text);
  if (command && !options.entities)
    entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  const mention = text.indexOf(MENTION);
  if (mention >= 0 && !options.entities)
    entities.push({ type: 'mention', offset: mention, length: MENTION.length });
  return {
    update_id: options.updateId ?? nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: Math.floor(Date.now() / 1000),
      chat: options.chat ?? { id: from.id, type: 'private', first_name: from.first_name },
      from,
      text,
      ...(entities.length ? { entities } : {}),
      ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
    },
  };
}

async function polling(
  options: {
    handleTurn?: TurnHandler;
    keyboard?: 'inline' | 'reply';
    rateLimitPerMinute?: number;
    slowMs?: number;
  } = {},
) {
  const api = await startFakeTelegram();
  const core = createEchoCore(options);
  const { logger, lines } = captureLogger('debug');
  const channel = createTelegramChannel({
    token: api.token,
    apiRoot: api.apiRoot,
    handleTurn: options.handleTurn ?? core.handleTurn,
    logger,
    keyboard: options.keyboard,
  });
  await channel.start();
  cleanups.push(async () => {
    await channel.stop('test');
    await api.close();
  });
  return { api, core, channel, logs: lines };
}

/** Lines must never hold the token, message texts or personal numbers. */
function expectCleanLogs(lines: string[], api: FakeTelegram, texts: string[]) {
  const all = lines.join('\n');
  expect(all).not.toContain(api.token);
  expect(all).not.toContain('13812345678');
  for (const text of texts) expect(all).not.toContain(text);
}

describe('splitText', () => {
  it('keeps short texts whole and splits long ones at line breaks within the limit', () => {
    expect(splitText('你好')).toEqual(['你好']);
    const lines = Array.from({ length: 300 }, (_, i) => `${i}: ${'字'.repeat(30)}`);
    const pieces = splitText(lines.join('\n'));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
    expect(pieces.join('\n')).toBe(lines.join('\n'));
    for (const piece of pieces) expect(piece.endsWith('字')).toBe(true);
  });

  it('cuts a text without line breaks at the limit, never inside a surrogate pair', () => {
    const text = '字'.repeat(4095) + '😀' + '字'.repeat(10);
    const pieces = splitText(text);
    expect(pieces[0]).toBe('字'.repeat(4095));
    expect(pieces.join('')).toBe(text);
  });
});

describe('Telegram channel (real telegraf, fake Bot API on loopback)', () => {
  it('starts: checks the token, sets the command menu and long-polls', async () => {
    const { api, channel, logs } = await polling();
    expect(channel.mode).toBe('polling');
    expect(api.bodies('getMe')).toHaveLength(1);
    expect(api.bodies('setMyCommands')[0]!.commands).toEqual([
      { command: 'start', description: expect.any(String) },
      { command: 'help', description: expect.any(String) },
      { command: 'reset', description: expect.any(String) },
    ]);
    await api.waitFor('getUpdates');
    expect(api.bodies('deleteWebhook')).toHaveLength(1);
    expect(api.bodies('getUpdates')[0]!.allowed_updates).toEqual(['message', 'callback_query']);
    expectCleanLogs(logs, api, []);
  });

  it('answers a private text as plain text, through the core', async () => {
    const { api, core, logs } = await polling();
    const text = '我的身份证是11010519491231002X，电话13812345678 <b>*_[x]';
    const update = textUpdate(text);
    api.push(update);
    const [sent] = await api.waitFor('sendMessage');
    expect(sent).toMatchObject({ chat_id: USER.id, text: `收到：${text}（第1轮）` });
    expect(sent).not.toHaveProperty('parse_mode');
    expect(core.inputs).toEqual([
      { channel: 'telegram', userId: String(USER.id), text, messageId: String(update.update_id) },
    ]);
    expectCleanLogs(logs, api, [text, '11010519491231002X']);
  });

  it('maps /start, /help and /reset to turns and ignores a command for another bot', async () => {
    const { api, core } = await polling();
    api.push(textUpdate('/start'), textUpdate('/help'), textUpdate(`/reset@${FAKE_BOT.username}`));
    await api.waitFor('sendMessage', 3);
    expect(core.inputs.map((i) => i.text).sort()).toEqual(['你好', '帮助', '重新开始'].sort());
    api.push(textUpdate('/start@some_other_bot'), textUpdate('嗨'));
    await api.waitFor('sendMessage', 4);
    expect(core.inputs.map((i) => i.text)).not.toContain('/start@some_other_bot');
  });

  it('shows buttons as an inline keyboard; a press is answered and becomes a text turn', async () => {
    const { api, core } = await polling();
    api.push(textUpdate('选项'));
    const [asked] = await api.waitFor('sendMessage');
    expect(asked).toMatchObject({
      chat_id: USER.id,
      text: '请选择险种：',
      reply_markup: {
        inline_keyboard: CHOICES.map((text) => [{ text, callback_data: `t:${text}` }]),
      },
    });
    const press = {
      update_id: nextUpdateId++,
      callback_query: {
        id: 'cbq-1',
        from: USER,
        chat_instance: '1',
        data: `t:${CHOICES[1]}`,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: USER.id, type: 'private' },
          text: '请选择险种：',
        },
      },
    };
    api.push(press);
    const [answered] = await api.waitFor('answerCallbackQuery');
    expect(answered).toMatchObject({ callback_query_id: 'cbq-1' });
    const sent = await api.waitFor('sendMessage', 2);
    expect(sent[1]).toMatchObject({ chat_id: USER.id, text: `收到：${CHOICES[1]}（第2轮）` });
    expect(core.inputs[1]).toEqual({
      channel: 'telegram',
      userId: String(USER.id),
      text: CHOICES[1],
      messageId: String(press.update_id),
    });
  });

  it('finds a long button by its index in the keyboard of the pressed message', async () => {
    const long = '城乡居民基本医疗保险和职工基本医疗保险有什么区别';
    const answers: string[] = [];
    const handleTurn: TurnHandler = async (input) => {
      answers.push(input.text);
      return {
        replies: [{ text: '选一个', buttons: ['短', long] }],
        intent: { name: 'greet', confidence: 1 },
        slots: {},
      };
    };
    const { api } = await polling({ handleTurn });
    api.push(textUpdate('问'));
    const [asked] = await api.waitFor('sendMessage');
    const keyboard = asked!.reply_markup.inline_keyboard;
    expect(keyboard[1][0]).toEqual({ text: long, callback_data: 'i:1' });
    api.push({
      update_id: nextUpdateId++,
      callback_query: {
        id: 'cbq-2',
        from: USER,
        chat_instance: '1',
        data: 'i:1',
        message: {
          message_id: 5,
          date: 1,
          chat: { id: USER.id, type: 'private' },
          text: '选一个',
          reply_markup: { inline_keyboard: keyboard },
        },
      },
    });
    await api.waitFor('sendMessage', 2);
    expect(answers).toEqual(['问', long]);
  });

  it('can show buttons as a reply keyboard instead, removed again after an answer without buttons', async () => {
    const { api } = await polling({ keyboard: 'reply' });
    api.push(textUpdate('选项'));
    const [asked] = await api.waitFor('sendMessage');
    expect(asked!.reply_markup).toEqual({
      keyboard: CHOICES.map((text) => [{ text }]),
      resize_keyboard: true,
      one_time_keyboard: true,
      selective: false,
    });
    api.push(textUpdate(CHOICES[0]!));
    const sent = await api.waitFor('sendMessage', 2);
    expect(sent[1]).toMatchObject({
      text: `收到：${CHOICES[0]}（第2轮）`,
      reply_markup: { remove_keyboard: true },
    });
  });

  it('answers a repeated update_id once', async () => {
    const { api, core } = await polling();
    const update = textUpdate('你好');
    api.push(update);
    await api.waitFor('sendMessage');
    api.push(update, textUpdate('再见'));
    await api.waitFor('sendMessage', 2);
    await api.waitFor('getUpdates', api.bodies('getUpdates').length + 1);
    expect(api.bodies('sendMessage').map((b) => b.text)).toEqual([
      '收到：你好（第1轮）',
      '收到：再见（第2轮）',
    ]);
    expect(core.inputs.filter((i) => i.messageId === String(update.update_id))).toHaveLength(2);
  });

  it('in a group answers only when mentioned or replied to, per person, with the mention stripped', async () => {
    const { api, core } = await polling();
    api.push(
      textUpdate('养老金怎么算', { chat: GROUP }),
      textUpdate(`${MENTION} 养老金怎么算`, { chat: GROUP }),
    );
    const [first] = await api.waitFor('sendMessage');
    expect(first).toMatchObject({ chat_id: GROUP.id, text: '收到：养老金怎么算（第1轮）' });
    expect(first!.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    const botMessage = { message_id: 9, date: 1, chat: GROUP, from: FAKE_BOT, text: '收到' };
    api.push(
      textUpdate('那医保呢', { chat: GROUP, from: OTHER, replyTo: botMessage }),
      textUpdate('/help', { chat: GROUP, from: OTHER }),
    );
    await api.waitFor('sendMessage', 3);
    await api.waitFor('getUpdates', api.bodies('getUpdates').length + 1);
    expect(api.bodies('sendMessage')).toHaveLength(3);
    expect(core.inputs.map(({ userId, text }) => ({ userId, text }))).toEqual(
      expect.arrayContaining([
        { userId: `${GROUP.id}:${USER.id}`, text: '养老金怎么算' },
        { userId: `${GROUP.id}:${OTHER.id}`, text: '那医保呢' },
        { userId: `${GROUP.id}:${OTHER.id}`, text: '帮助' },
      ]),
    );
    expect(core.inputs).toHaveLength(3);
  });

  it('splits a long reply at line breaks under 4096 characters', async () => {
    const { api } = await polling();
    api.push(textUpdate('长文'));
    const sent = await api.waitFor('sendMessage', 2);
    for (const body of sent) {
      expect(body.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_TEXT);
      expect(body.text).toMatch(/^1?\d+\. /);
      expect(body.text).toMatch(/确定。$/);
    }
    expect(
      sent
        .map((b) => b.text)
        .join('\n')
        .split('\n'),
    ).toHaveLength(200);
  });

  it('apologises for a core failure, logs it without the text, and keeps polling', async () => {
    const { api, logs } = await polling();
    api.push(textUpdate('出错'));
    const [apology] = await api.waitFor('sendMessage');
    expect(apology).toMatchObject({ chat_id: USER.id, text: expect.stringContaining('抱歉') });
    api.push(textUpdate('还在吗'));
    const sent = await api.waitFor('sendMessage', 2);
    expect(sent[1]!.text).toBe('收到：还在吗（第1轮）');
    const failed = logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'update failed');
    expect(failed).toMatchObject({
      level: 50,
      channel: 'telegram',
      err: 'Error: core failed on [phone]',
    });
    expectCleanLogs(logs, api, ['还在吗']);
  });

  it('keeps polling when even the apology cannot be sent', async () => {
    const { api, logs } = await polling();
    api.failNext('sendMessage', 403, 'Forbidden: bot was blocked by the user');
    api.push(textUpdate('你好'));
    await api.waitFor('sendMessage', 2);
    api.push(textUpdate('还在吗'));
    const sent = await api.waitFor('sendMessage', 3);
    // the first turn was answered by the core; only its reply was lost
    expect(sent[2]!.text).toBe('收到：还在吗（第2轮）');
    expect(logs.join('')).toContain('bot was blocked');
  });

  it('answers "too many messages" past the rate limit', async () => {
    const { api } = await polling({ rateLimitPerMinute: 1 });
    api.push(textUpdate('一'));
    await api.waitFor('sendMessage');
    api.push(textUpdate('二'));
    const sent = await api.waitFor('sendMessage', 2);
    expect(sent[1]).toMatchObject({ chat_id: USER.id, text: '发送太频繁，请稍后再试' });
  });

  it('asks for text when a private message has none', async () => {
    const { api, core } = await polling();
    api.push({
      update_id: nextUpdateId++,
      message: {
        message_id: 3,
        date: 1,
        chat: { id: USER.id, type: 'private' },
        from: USER,
        sticker: {
          file_id: 'x',
          file_unique_id: 'y',
          type: 'regular',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    });
    const [sent] = await api.waitFor('sendMessage');
    expect(sent).toMatchObject({ chat_id: USER.id, text: '请发送文字' });
    expect(core.inputs).toHaveLength(0);
  });

  it('on stop finishes the turn under way before it resolves', async () => {
    const { api, channel } = await polling({ slowMs: 400 });
    api.push(textUpdate('慢'));
    await new Promise((r) => setTimeout(r, 100));
    expect(api.bodies('sendMessage')).toHaveLength(0);
    await channel.stop('SIGTERM');
    expect(api.bodies('sendMessage').map((b) => b.text)).toEqual(['收到：慢（第1轮）']);
    // the offset of the handled update is confirmed, so Telegram does not send it again
    const last = api.bodies('getUpdates').at(-1)!;
    expect(last.offset).toBeGreaterThan(nextUpdateId - 1);
  });

  it('stops at once even right after start, before the first poll', async () => {
    const { api, channel } = await polling();
    const begun = Date.now();
    await channel.stop('SIGTERM');
    expect(Date.now() - begun).toBeLessThan(2000);
    const polls = api.bodies('getUpdates').length;
    await new Promise((r) => setTimeout(r, 400));
    expect(api.bodies('getUpdates')).toHaveLength(polls);
  });

  it('fails to start with a wrong token, without logging it', async () => {
    const api = await startFakeTelegram();
    cleanups.push(() => api.close());
    const { logger, lines } = captureLogger('debug');
    const channel = createTelegramChannel({
      token: '999:wrong-token',
      apiRoot: api.apiRoot,
      handleTurn: createEchoCore().handleTurn,
      logger,
    });
    await expect(channel.start()).rejects.toThrow(/401/);
    expect(lines.join('')).not.toContain('wrong-token');
  });
});

describe('Telegram webhook mode (route on the fastify server)', () => {
  const SECRET = 'webhook-secret_123';

  async function webhook(options: { secret?: string } = { secret: SECRET }) {
    const api = await startFakeTelegram();
    const core = createEchoCore();
    const { logger } = captureLogger('warn');
    const bot: Bot = {
      handleTurn: core.handleTurn,
      parse: () => {
        throw new Error('not used');
      },
      forget: async () => undefined,
      health: async () => ({ ok: true, store: 'memory' }),
    };
    const app: FastifyInstance = await buildServer({ bot, logger, metrics: createMetrics() });
    const channel: TelegramChannel = createTelegramChannel({
      token: api.token,
      apiRoot: api.apiRoot,
      webhook: { url: 'https://bot.example.com/telegram/hook', secret: options.secret, app },
      handleTurn: core.handleTurn,
      logger,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    await channel.start();
    cleanups.push(async () => {
      await channel.stop('test');
      await app.close();
      await api.close();
    });
    const { port } = app.server.address() as AddressInfo;
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${port}/telegram/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    return { api, core, channel, post };
  }

  it('registers the webhook with its secret and no polling', async () => {
    const { api, channel } = await webhook();
    expect(channel.mode).toBe('webhook');
    expect(api.bodies('setWebhook')).toEqual([
      {
        url: 'https://bot.example.com/telegram/hook',
        secret_token: SECRET,
        allowed_updates: ['message', 'callback_query'],
      },
    ]);
    expect(api.bodies('getUpdates')).toHaveLength(0);
  });

  it('handles an update with the right secret and answers 403 to a wrong or missing one', async () => {
    const { api, core, post } = await webhook();
    const good = await post(textUpdate('你好'), { 'x-telegram-bot-api-secret-token': SECRET });
    expect(good.status).toBe(200);
    const [sent] = await api.waitFor('sendMessage');
    expect(sent).toMatchObject({ chat_id: USER.id, text: '收到：你好（第1轮）' });

    const wrong = await post(textUpdate('冒充'), { 'x-telegram-bot-api-secret-token': 'nope' });
    expect(wrong.status).toBe(403);
    const missing = await post(textUpdate('冒充'));
    expect(missing.status).toBe(403);
    expect(core.inputs.map((i) => i.text)).toEqual(['你好']);
    expect(api.bodies('sendMessage')).toHaveLength(1);
  });

  it('answers a redelivered update once and apologises for a failure with a 200', async () => {
    const { api, post } = await webhook();
    const headers = { 'x-telegram-bot-api-secret-token': SECRET };
    const update = textUpdate('你好');
    expect((await post(update, headers)).status).toBe(200);
    expect((await post(update, headers)).status).toBe(200);
    expect((await post(textUpdate('出错'), headers)).status).toBe(200);
    const sent = api.bodies('sendMessage').map((b) => b.text);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe('收到：你好（第1轮）');
    expect(sent[1]).toContain('抱歉');
  });

  it('derives a secret from the token when none is configured', async () => {
    const { api, post } = await webhook({});
    const secret = api.bodies('setWebhook')[0]!.secret_token as string;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await post(textUpdate('你好'))).status).toBe(403);
    expect(
      (await post(textUpdate('你好'), { 'x-telegram-bot-api-secret-token': secret })).status,
    ).toBe(200);
  });

  it('refuses updates with 503 once stopping, so Telegram delivers them again later', async () => {
    const { channel, post } = await webhook();
    await channel.stop('SIGTERM');
    const res = await post(textUpdate('你好'), { 'x-telegram-bot-api-secret-token': SECRET });
    expect(res.status).toBe(503);
  });
});
