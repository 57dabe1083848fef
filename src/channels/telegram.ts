import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Telegraf, TelegramError, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import type {
  CallbackQuery,
  Chat,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  Update,
  User,
} from 'telegraf/types';
import { RateLimitedError } from '../bot.js';
import type { Logger } from '../logger.js';
import type { Reply, TurnHandler } from '../turn.js';
import { CHAT_REPLIES, describeError, InFlight, settlesWithin } from './chat-common.js';
import { MAX_TEXT } from './http/schemas.js';

/** Telegram's limit for one message's text. */
export const TELEGRAM_MAX_TEXT = 4096;

/** The updates the bot asks for; everything else (edits, channel posts...) is never sent. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** The command menu (setMyCommands); each command is a turn with its text. */
export const TELEGRAM_COMMANDS = [
  { command: 'start', description: '开始咨询', text: '你好' },
  { command: 'help', description: '我能回答哪些问题', text: '帮助' },
  { command: 'reset', description: '忘掉已提供的信息，重新开始', text: '重新开始' },
] as const;

/** Messages with content the bot cannot read; in a private chat they get "please send text". */
const NON_TEXT_KINDS = [
  'photo',
  'sticker',
  'voice',
  'audio',
  'video',
  'video_note',
  'animation',
  'document',
  'location',
  'contact',
] as const;

export interface TelegramWebhookOptions {
  /** The public HTTPS address Telegram posts to (TELEGRAM_WEBHOOK_URL); its path is the route. */
  url: string;
  /** The secret-token header Telegram sends (TELEGRAM_WEBHOOK_SECRET); derived from the token if unset. */
  secret?: string;
  /** The HTTP server to mount the route on; it must not be listening yet. */
  app: FastifyInstance;
}

export interface TelegramChannelOptions {
  token: string;
  /** Bot API server (TELEGRAM_API_ROOT); default https://api.telegram.org. */
  apiRoot?: string;
  /** Webhook mode instead of long polling. */
  webhook?: TelegramWebhookOptions;
  handleTurn: TurnHandler;
  logger: Logger;
  /** How buttons are shown: under the message (default) or as the reply keyboard. */
  keyboard?: 'inline' | 'reply';
  /** How long stop() waits for turns under way (default 8 s, inside Docker's 10 s grace). */
  stopTimeoutMs?: number;
}

export interface TelegramChannel {
  /**
   * Checks the token (getMe), sets the command menu, then polls or registers the webhook.
   * After a failure it may be called again (see isPassingStartError).
   */
  start(): Promise<void>;
  /** Stops polling (or refuses new webhook updates) and waits for the turns under way. */
  stop(reason?: string): Promise<void>;
  readonly bot: Telegraf;
  readonly mode: 'polling' | 'webhook';
}

/**
 * True when a failed start is worth trying again: the Bot API could not be reached (telegraf's
 * FetchError: no network yet, DNS, a refused or reset connection), or it answered 429 or 5xx.
 * A wrong token (401, 404) or any other refusal stays a failure until the settings change.
 */
export function isPassingStartError(err: unknown): boolean {
  if (err instanceof TelegramError) return err.code === 429 || err.code >= 500;
  return err instanceof Error && err.name === 'FetchError';
}

type ReplyExtra = NonNullable<Parameters<Context['reply']>[1]>;

/** Splits a text into pieces of at most `limit` UTF-16 units, at line breaks where possible. */
export function splitText(text: string, limit = TELEGRAM_MAX_TEXT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut <= 0) cut = rest.lastIndexOf(' ', limit);
    if (cut <= 0) {
      cut = limit;
      // Never split a surrogate pair (an emoji or a rare character).
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** The callback data of a button: its text when it fits Telegram's 64 bytes, else its index. */
function callbackData(text: string, index: number): string {
  const data = `t:${text}`;
  return Buffer.byteLength(data, 'utf8') <= 64 ? data : `i:${index}`;
}

/** The text of the pressed button, from its data or from the keyboard of the message it sits on. */
function pressedButton(query: CallbackQuery): string | undefined {
  if (!('data' in query)) return undefined;
  if (query.data.startsWith('t:')) return query.data.slice(2);
  const index = /^i:(\d+)$/.exec(query.data)?.[1];
  const markup =
    query.message && 'reply_markup' in query.message ? query.message.reply_markup : undefined;
  if (index === undefined || !markup) return undefined;
  const button = markup.inline_keyboard.flat()[Number(index)];
  return button?.text;
}

function inlineKeyboard(buttons: readonly string[]): InlineKeyboardMarkup {
  return {
    inline_keyboard: buttons.map((text, i) => [{ text, callback_data: callbackData(text, i) }]),
  };
}

function replyKeyboard(buttons: readonly string[], selective: boolean): ReplyKeyboardMarkup {
  return {
    keyboard: buttons.map((text) => [{ text }]),
    resize_keyboard: true,
    one_time_keyboard: true,
    selective,
  };
}

/** Private chats: the chat; groups: the chat and the person, so each member has their own conversation. */
function conversationId(chat: Chat, from: User | undefined): string {
  return chat.type === 'private' || !from ? String(chat.id) : `${chat.id}:${from.id}`;
}

function entityText(text: string, entity: MessageEntity): string {
  return text.slice(entity.offset, entity.offset + entity.length);
}

/** The word of a leading command (`/help@this_bot` -> help), and whether it names another bot. */
function leadingCommand(
  msg: Message.TextMessage,
  username: string,
): { name: string; forOtherBot: boolean } | undefined {
  const entity = msg.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity) return undefined;
  const [name = '', target] = entityText(msg.text, entity).slice(1).split('@');
  return {
    name: name.toLowerCase(),
    forOtherBot: target !== undefined && target.toLowerCase() !== username,
  };
}

function isMentionOfBot(text: string, entity: MessageEntity, bot: User, username: string): boolean {
  if (entity.type === 'mention') return entityText(text, entity).toLowerCase() === `@${username}`;
  if (entity.type === 'text_mention') return entity.user.id === bot.id;
  return false;
}

/** Creates the Telegram adapter; in webhook mode its route is mounted on the app at once. */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { token, handleTurn, logger: parentLogger, webhook } = options;
  const logger = parentLogger.child({ channel: 'telegram' });
  const keyboard = options.keyboard ?? 'inline';
  const stopTimeoutMs = options.stopTimeoutMs ?? 8_000;
  const bot = new Telegraf(token, {
    // webhookReply off: every call goes to the Bot API and can report its errors.
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
  });
  const inFlight = new InFlight();
  const webhookSecret = webhook
    ? (webhook.secret ?? createHash('sha256').update(`telegram-webhook:${token}`).digest('hex'))
    : undefined;
  let polling: Promise<void> | undefined;
  let stopping = false;

  const errorText = (err: unknown) => describeError(err, [token, webhookSecret ?? '']);

  async function send(ctx: Context, replies: readonly Reply[], replyTo?: number): Promise<void> {
    const group = ctx.chat?.type !== 'private';
    const messages: { text: string; buttons?: readonly string[] }[] = [];
    for (const reply of replies) {
      const text = reply.text.trim() === '' && reply.buttons?.length ? '请选择：' : reply.text;
      if (text.trim() === '') continue;
      const pieces = splitText(text);
      pieces.forEach((piece, i) =>
        messages.push({
          text: piece,
          buttons: i === pieces.length - 1 ? reply.buttons : undefined,
        }),
      );
    }
    for (const [i, m] of messages.entries()) {
      // No parse_mode: the text is sent as plain text, so no character of it can break the message.
      const extra: ReplyExtra = { link_preview_options: { is_disabled: true } };
      if (i === 0 && group && replyTo !== undefined) {
        extra.reply_parameters = { message_id: replyTo, allow_sending_without_reply: true };
      }
      if (m.buttons?.length) {
        extra.reply_markup =
          keyboard === 'inline' ? inlineKeyboard(m.buttons) : replyKeyboard(m.buttons, group);
      } else if (keyboard === 'reply' && i === messages.length - 1) {
        const remove: ReplyKeyboardRemove = { remove_keyboard: true, selective: group };
        extra.reply_markup = remove;
      }
      await ctx.reply(m.text, extra);
    }
  }

  /** One turn: the core answers, the replies go back to the chat. */
  async function turn(ctx: Context, from: User | undefined, text: string, replyTo?: number) {
    const chat = ctx.chat;
    if (!chat) return;
    if (text.length > MAX_TEXT)
      return send(ctx, [{ text: CHAT_REPLIES.tooLong(MAX_TEXT) }], replyTo);
    let result;
    try {
      result = await handleTurn({
        channel: 'telegram',
        userId: conversationId(chat, from),
        text,
        messageId: String(ctx.update.update_id),
      });
    } catch (err) {
      if (!(err instanceof RateLimitedError)) throw err;
      logger.info({ updateId: ctx.update.update_id }, 'rate limited');
      return send(ctx, [{ text: CHAT_REPLIES.rateLimited }], replyTo);
    }
    if (result.duplicate) {
      logger.info({ updateId: ctx.update.update_id }, 'duplicate update ignored');
      return;
    }
    await send(ctx, result.replies, replyTo);
  }

  bot.on(message('text'), async (ctx) => {
    const msg = ctx.message;
    if (msg.from?.is_bot) return;
    const me = ctx.botInfo;
    const username = me.username.toLowerCase();
    const group = ctx.chat.type !== 'private';
    const command = leadingCommand(msg, username);
    if (command) {
      if (command.forOtherBot) return;
      const known = TELEGRAM_COMMANDS.find((c) => c.command === command.name);
      if (known) return turn(ctx, msg.from, known.text, msg.message_id);
      if (group) return; // an unknown command without our name is for another bot
    }
    let text = msg.text;
    if (group) {
      const mentions = (msg.entities ?? []).filter((e) =>
        isMentionOfBot(msg.text, e, me, username),
      );
      const repliesToBot = msg.reply_to_message?.from?.id === me.id;
      if (mentions.length === 0 && !repliesToBot) return;
      for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) {
        text = text.slice(0, e.offset) + text.slice(e.offset + e.length);
      }
    }
    text = text.trim();
    if (text === '') text = TELEGRAM_COMMANDS[0].text; // just "@bot": greet
    return turn(ctx, msg.from, text, msg.message_id);
  });

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    try {
      await ctx.answerCbQuery();
    } catch (err) {
      // A query older than Telegram's limit can no longer be answered; the press still counts.
      logger.warn(
        { updateId: ctx.update.update_id, err: errorText(err) },
        'answerCallbackQuery failed',
      );
    }
    const text = pressedButton(query);
    if (text === undefined || !query.message) return;
    return turn(ctx, query.from, text, query.message.message_id);
  });

  bot.on('message', async (ctx) => {
    if (ctx.chat.type !== 'private' || ctx.message.from?.is_bot) return;
    if (NON_TEXT_KINDS.some((kind) => kind in ctx.message)) {
      await ctx.reply(CHAT_REPLIES.textOnly);
    }
  });

  // A failure inside one update: apologise and log; polling and the other updates go on.
  bot.catch(async (err, ctx) => {
    logger.error({ updateId: ctx.update.update_id, err: errorText(err) }, 'update failed');
    if (!ctx.chat) return;
    const replyTo = ctx.msgId;
    try {
      await ctx.reply(CHAT_REPLIES.apology, {
        reply_parameters:
          ctx.chat.type !== 'private' && replyTo !== undefined
            ? { message_id: replyTo, allow_sending_without_reply: true }
            : undefined,
      });
    } catch (replyErr) {
      logger.error({ updateId: ctx.update.update_id, err: errorText(replyErr) }, 'apology failed');
    }
  });

  if (webhook) {
    const url = new URL(webhook.url);
    const callback = bot.webhookCallback(url.pathname + url.search, { secretToken: webhookSecret });
    webhook.app.post(url.pathname, async (request, reply) => {
      if (stopping) {
        // Telegram delivers it again later, to the next instance.
        return reply.code(503).send({ error: { code: 'stopping', message: 'shutting down' } });
      }
      reply.hijack();
      const raw = request.raw as IncomingMessage & { body?: Update };
      raw.body = request.body as Update | undefined;
      try {
        await inFlight.run(() => callback(raw, reply.raw));
      } catch (err) {
        logger.error({ err: errorText(err) }, 'webhook request failed');
        if (!reply.raw.headersSent) reply.raw.statusCode = 500;
        if (!reply.raw.writableEnded) reply.raw.end();
      }
    });
  }

  return {
    bot,
    mode: webhook ? 'webhook' : 'polling',
    async start() {
      const me = await bot.telegram.getMe();
      bot.botInfo = me;
      try {
        await bot.telegram.setMyCommands(
          TELEGRAM_COMMANDS.map(({ command, description }) => ({ command, description })),
        );
      } catch (err) {
        logger.warn({ err: errorText(err) }, 'setMyCommands failed; the command menu is unchanged');
      }
      if (webhook) {
        await bot.telegram.setWebhook(webhook.url, {
          secret_token: webhookSecret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        logger.info(
          { bot: me.username, mode: 'webhook', path: new URL(webhook.url).pathname },
          'telegram webhook set',
        );
        return;
      }
      // launch() deletes any webhook, then long-polls until stop(); it settles only then.
      polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).then(
        () => logger.info('polling stopped'),
        (err: unknown) => logger.error({ err: errorText(err) }, 'polling failed and stopped'),
      );
      logger.info({ bot: me.username, mode: 'polling' }, 'telegram polling');
    },
    async stop(reason = 'stop') {
      if (stopping) return;
      stopping = true;
      const deadline = Date.now() + stopTimeoutMs;
      // The loop ends after the updates of the current batch are handled and confirmed. Right
      // after start() it may not poll yet (launch() is still deleting the webhook): ask again.
      while (polling) {
        try {
          bot.stop(reason);
        } catch {
          // not polling yet, or polling has already ended
        }
        if (await settlesWithin(polling, 100)) break;
        if (Date.now() >= deadline) {
          logger.warn({ reason }, 'polling did not stop in time');
          break;
        }
      }
      if (!(await inFlight.drained(Math.max(0, deadline - Date.now())))) {
        logger.warn({ reason, inFlight: inFlight.size }, 'turns still under way at stop');
      }
    },
  };
}
