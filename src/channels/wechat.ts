import qrcodeTerminal from 'qrcode-terminal';
import {
  qrcodeValueToImageUrl,
  ScanStatus,
  types,
  WechatyBuilder,
  type Contact,
  type Message,
  type Room,
  type Wechaty,
  type WechatyOptions,
} from 'wechaty';
import { RateLimitedError } from '../bot.js';
import type { Logger } from '../logger.js';
import type { TurnHandler } from '../turn.js';
import { CHAT_REPLIES, describeError, InFlight, settlesWithin } from './chat-common.js';
import { MAX_TEXT } from './http/schemas.js';
import { ButtonMemory } from './button-memory.js';
import { pickButton, replyBody } from './numbered-buttons.js';

/** A puppet instance (tests pass wechaty-puppet-mock's); otherwise a puppet's npm name. */
export type PuppetInstance = Extract<NonNullable<WechatyOptions['puppet']>, object>;

/** Said when someone is only mentioned in a room, with no question. */
const GREETING_TEXT = '你好';

/** Messages a person sent that the bot cannot read: in a private chat they get "please send text". */
const ASK_FOR_TEXT = new Set<types.Message>([
  types.Message.Attachment,
  types.Message.Audio,
  types.Message.Contact,
  types.Message.ChatHistory,
  types.Message.Emoticon,
  types.Message.Image,
  types.Message.Location,
  types.Message.MiniProgram,
  types.Message.Url,
  types.Message.Video,
]);

export interface WechatChannelOptions {
  /** WECHATY_PUPPET (an npm name such as wechaty-puppet-service), or a puppet instance. */
  puppet: string | PuppetInstance;
  /** WECHATY_PUPPET_SERVICE_TOKEN, for puppets that need one. */
  puppetToken?: string;
  /**
   * WECHATY_SESSION_PATH: where wechaty keeps the login across restarts (its memory card,
   * `<path>.memory-card.json`). Unset: nothing is kept, and every start asks for a QR scan.
   */
  sessionPath?: string;
  handleTurn: TurnHandler;
  logger: Logger;
  /** Where the login QR code is drawn; default: the terminal (stderr, beside the JSON logs). */
  printQrCode?: (drawing: string) => void;
  /** How long stop() waits for turns under way (default 8 s, inside Docker's 10 s grace). */
  stopTimeoutMs?: number;
}

export interface WechatChannel {
  /** Starts the puppet; login follows by QR code (printed) and is logged. */
  start(): Promise<void>;
  /** Stops taking messages, waits for the turns under way, then stops the puppet. */
  stop(reason?: string): Promise<void>;
  readonly wechaty: Wechaty;
}

/** Creates the WeChat adapter (wechaty). */
export function createWechatChannel(options: WechatChannelOptions): WechatChannel {
  const { handleTurn, puppetToken } = options;
  const logger = options.logger.child({ channel: 'wechat' });
  const stopTimeoutMs = options.stopTimeoutMs ?? 8_000;
  const printQrCode = options.printQrCode ?? ((drawing) => process.stderr.write(`${drawing}\n`));
  const session = options.sessionPath ? { name: options.sessionPath } : {};
  const wechaty =
    typeof options.puppet === 'string'
      ? WechatyBuilder.build({
          ...session,
          puppet: options.puppet as Extract<NonNullable<WechatyOptions['puppet']>, string>,
          ...(puppetToken ? { puppetOptions: { token: puppetToken } } : {}),
        })
      : WechatyBuilder.build({ ...session, puppet: options.puppet });
  const buttons = new ButtonMemory();
  const inFlight = new InFlight();
  let stopping = false;
  let started = false;

  const errorText = (err: unknown) => describeError(err, puppetToken ? [puppetToken] : []);

  async function say(room: Room | undefined, talker: Contact, text: string, mention: boolean) {
    if (!room) return void (await talker.say(text));
    if (mention) return void (await room.say(text, talker));
    await room.say(text);
  }

  async function onMessage(msg: Message): Promise<void> {
    if (msg.self()) return;
    const talker = msg.talker();
    if (talker.type() === types.Contact.Official) return;
    const room = msg.room();
    const isText = msg.type() === types.Message.Text;
    if (room) {
      if (!isText || !(await msg.mentionSelf())) return;
    } else if (!isText) {
      if (ASK_FOR_TEXT.has(msg.type())) await say(undefined, talker, CHAT_REPLIES.textOnly, false);
      return;
    }
    const conversation = room ? `${room.id}:${talker.id}` : talker.id;
    const text = (room ? await msg.mentionText() : msg.text()).trim() || GREETING_TEXT;
    if (text.length > MAX_TEXT) {
      return say(room, talker, CHAT_REPLIES.tooLong(MAX_TEXT), true);
    }
    const picked = pickButton(text, buttons.get(conversation));
    let result;
    try {
      result = await handleTurn({
        channel: 'wechat',
        userId: conversation,
        text: picked ?? text,
        messageId: msg.id,
      });
    } catch (err) {
      if (!(err instanceof RateLimitedError)) throw err;
      logger.info({ messageId: msg.id }, 'rate limited');
      return say(room, talker, CHAT_REPLIES.rateLimited, true);
    }
    if (result.duplicate) {
      logger.info({ messageId: msg.id }, 'duplicate message ignored');
      return;
    }
    let shown: readonly string[] | undefined;
    for (const [i, reply] of result.replies.entries()) {
      const body = replyBody(reply);
      if (body) await say(room, talker, body, i === 0);
      if (reply.buttons?.length) shown = reply.buttons;
    }
    buttons.set(conversation, shown);
  }

  wechaty.on('scan', (qrcode, status) => {
    if (qrcode && (status === ScanStatus.Waiting || status === ScanStatus.Timeout)) {
      qrcodeTerminal.generate(qrcode, { small: true }, (drawing) => printQrCode(drawing));
      logger.info(
        { qrcodeUrl: qrcodeValueToImageUrl(qrcode) },
        'scan the QR code with the WeChat account the bot will use',
      );
    } else {
      logger.info({ status: ScanStatus[status] }, 'login QR code status');
    }
  });
  wechaty.on('login', (user) => logger.info({ user: user.name() }, 'wechat logged in'));
  wechaty.on('logout', (user, reason) =>
    logger.warn(
      { user: user.name(), reason },
      'wechat logged out; scan the new QR code to log in again',
    ),
  );
  wechaty.on('error', (err) => logger.error({ err: errorText(err) }, 'wechat error'));
  wechaty.on('message', (msg) => {
    if (stopping) return;
    void inFlight.run(async () => {
      try {
        await onMessage(msg);
      } catch (err) {
        // A failure inside one message: apologise and log; the bot goes on.
        logger.error({ messageId: msg.id, err: errorText(err) }, 'message failed');
        try {
          const room = msg.room();
          if (!room || (await msg.mentionSelf()))
            await say(room, msg.talker(), CHAT_REPLIES.apology, true);
        } catch (replyErr) {
          logger.error({ messageId: msg.id, err: errorText(replyErr) }, 'apology failed');
        }
      }
    });
  });

  return {
    wechaty,
    async start() {
      await wechaty.start();
      started = true;
      logger.info(
        { puppet: typeof options.puppet === 'string' ? options.puppet : 'instance' },
        'wechat puppet started',
      );
    },
    async stop(reason = 'stop') {
      if (stopping) return;
      stopping = true;
      const deadline = Date.now() + stopTimeoutMs;
      if (!(await inFlight.drained(stopTimeoutMs))) {
        logger.warn({ reason, inFlight: inFlight.size }, 'turns still under way at stop');
      }
      // A wechaty whose start failed has reset itself; stopping it would wait for a state it never reaches.
      if (!started) return;
      const stopped = wechaty
        .stop()
        .catch((err: unknown) => logger.warn({ err: errorText(err) }, 'wechat stop failed'));
      if (!(await settlesWithin(stopped, Math.max(1000, deadline - Date.now())))) {
        logger.warn({ reason }, 'wechat did not stop in time');
      }
    },
  };
}
