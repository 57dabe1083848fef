import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../../bot.js';
import type { Logger } from '../../logger.js';
import type { Channel, TurnHandler } from '../../turn.js';
import { ButtonMemory } from '../button-memory.js';
import { CHAT_REPLIES, describeError, InFlight } from '../chat-common.js';
import { docOnly } from '../http/doc-only.js';
import { MAX_TEXT } from '../http/schemas.js';
import { pickButton, replyBody } from '../numbered-buttons.js';
import { callbackRouteSchemas } from './route-schemas.js';
import { readInbound, type Inbound } from './inbound.js';
import { ReplyWindow, type WindowResult } from './reply-window.js';
import {
  staleTimestamp,
  unwrapRequest,
  verifyUrl,
  wrapReply,
  type Protocol,
  type Refusal,
} from './envelope.js';
import { BadXmlError, buildXml, MAX_XML_BYTES } from './xml.js';

/** Said while a turn slower than the platform's window is still running. */
export const HOLDING_REPLY = '正在处理…';
/** The body that tells the platform "received, nothing to say" (it then neither retries nor shows an error). */
const NOTHING = 'success';
/** Asked of the bot when someone follows the account. */
const GREETING_TEXT = '你好';

export interface CallbackOptions {
  protocol: Protocol;
  handleTurn: TurnHandler;
  logger: Logger;
  /** How long the platform's last try waits before the holding reply (tests: shorter). */
  windowMs?: number;
  now?: () => Date;
}

export interface Callback {
  /** Stops taking messages (503) and waits up to `timeoutMs` for the turns under way. */
  stop(timeoutMs?: number): Promise<void>;
}

const CHANNEL: Record<Protocol['kind'], Channel> = { mp: 'wechat-mp', wecom: 'wecom' };
export const CALLBACK_PATH: Record<Protocol['kind'], string> = {
  mp: '/wechat/mp',
  wecom: '/wecom/callback',
};

type Query = Record<string, string | undefined>;

/**
 * Mounts the callback of an Official Account (`/wechat/mp`) or a WeCom application
 * (`/wecom/callback`) on the HTTP server: URL verification, signed (and in safe mode encrypted)
 * messages in, passive XML replies out. Call before the server listens.
 */
export function mountCallback(app: FastifyInstance, options: CallbackOptions): Callback {
  const { protocol, handleTurn } = options;
  const channel = CHANNEL[protocol.kind];
  const path = CALLBACK_PATH[protocol.kind];
  const logger = options.logger.child({ channel });
  const now = options.now ?? (() => new Date());
  const window = new ReplyWindow(options.windowMs);
  const buttons = new ButtonMemory();
  const inFlight = new InFlight();
  let stopping = false;

  const refuse = (reply: FastifyReply, refusal: Refusal) => {
    // Never the body: it may hold a person's message.
    logger.warn({ route: path, reason: refusal.reason }, 'callback refused');
    return reply.code(refusal.status).type('text/plain; charset=utf-8').send(refusal.reason);
  };

  /** The bot's answer to one message, as the text of a passive reply. */
  async function answer(inbound: Extract<Inbound, { messageId: string }>): Promise<string> {
    const conversation = `${channel}:${inbound.from}`;
    const said = inbound.kind === 'greet' ? GREETING_TEXT : inbound.text;
    if (said.length > MAX_TEXT) return CHAT_REPLIES.tooLong(MAX_TEXT);
    const text = pickButton(said, buttons.get(conversation)) ?? said;
    try {
      const result = await handleTurn({
        channel,
        userId: inbound.from,
        text,
        messageId: inbound.messageId,
      });
      // Another instance (or an earlier run of this one) has this message: it answers it.
      if (result.duplicate && result.replies.length === 0) return HOLDING_REPLY;
      const shown = result.replies.findLast((r) => r.buttons?.length)?.buttons;
      buttons.set(conversation, shown);
      return result.replies.map(replyBody).filter(Boolean).join('\n\n');
    } catch (err) {
      if (err instanceof RateLimitedError) return CHAT_REPLIES.rateLimited;
      // Not kept as this message's answer: a retry runs the turn again.
      throw err;
    }
  }

  /** This try's reply text: the answer, the holding reply, or an apology. */
  async function tryReply(joined: { result: Promise<WindowResult> }): Promise<string> {
    try {
      const result = await joined.result;
      if (result.status === 'ready') return result.reply;
      logger.warn({ attempt: result.attempt }, 'turn slower than the reply window');
      return HOLDING_REPLY;
    } catch (err) {
      logger.error({ err: describeError(err) }, 'turn failed');
      return CHAT_REPLIES.apology;
    }
  }

  async function onMessage(req: FastifyRequest, reply: FastifyReply) {
    const query = req.query as Query;
    const stale = staleTimestamp(query, now());
    if (stale) return refuse(reply, stale);
    const opened = unwrapRequest(protocol, query, String(req.body ?? ''));
    if (!opened.ok) return refuse(reply, opened);
    const inbound = readInbound(opened.fields);
    if (inbound.kind === 'ignore') return reply.type('text/plain').send(NOTHING);
    let content: string;
    if (inbound.kind === 'ask_text') content = CHAT_REPLIES.textOnly;
    else {
      const joined = window.join(`${inbound.from}:${inbound.messageId}`, () =>
        inFlight.run(() => answer(inbound)),
      );
      if (joined.attempt > 1)
        logger.info({ attempt: joined.attempt }, 'retry of a message under way or answered');
      content = await tryReply(joined);
    }
    if (!content) return reply.type('text/plain').send(NOTHING);
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const xml = buildXml({
      ToUserName: inbound.from,
      FromUserName: inbound.to,
      CreateTime: Number(timestamp),
      MsgType: 'text',
      Content: content,
    });
    return reply.type('text/xml; charset=utf-8').send(wrapReply(protocol, xml, query, timestamp));
  }

  void app.register(async (scope) => {
    // The platforms send XML (often labelled text/xml, sometimes not at all): read it as text.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: MAX_XML_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
      if (err instanceof BadXmlError || err.name === 'NotAMessageError') {
        logger.warn({ route: path, reason: err.message }, 'callback body refused');
        return reply.code(400).type('text/plain').send('bad request');
      }
      throw err;
    });
    const schemas = callbackRouteSchemas(protocol.kind);
    scope.get(path, docOnly(schemas.get), async (req, reply) => {
      const query = req.query as Query;
      const verified = staleTimestamp(query, now()) ?? verifyUrl(protocol, query);
      if (!verified.ok) return refuse(reply, verified);
      return reply.type('text/plain; charset=utf-8').send(verified.echo);
    });
    scope.post(path, docOnly(schemas.post), async (req, reply) => {
      if (stopping) return reply.code(503).type('text/plain').send('stopping');
      return onMessage(req, reply);
    });
  });

  return {
    async stop(timeoutMs = 8_000) {
      stopping = true;
      if (!(await inFlight.drained(timeoutMs)))
        logger.warn({ inFlight: inFlight.size }, 'turns still under way at stop');
    },
  };
}
