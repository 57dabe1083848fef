import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLDING_REPLY } from '../../src/channels/wechat-callback/callback.js';
import { startCallbackApp, type CallbackApp } from '../support/callback-app.js';
import {
  forge,
  messageXml,
  openReply,
  push,
  readXml,
  sha1Sorted,
  signEncrypted,
  signPlain,
  textMessage,
} from '../support/wechat-platform.js';

const TOKEN = 'mp-test-token';
const APPID = 'wx1234567890abcdef';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const PATH = '/wechat/mp';

let n = 0;
/** A fresh OpenID and a MsgId beyond 2^53, as the platform's are. */
const openId = () => `oUser${++n}-${Date.now()}`;
const msgId = () => `72${String(Date.now()).padStart(15, '0')}${n}`;

describe('Official Account callback, plain mode', () => {
  let app: CallbackApp;
  beforeAll(async () => {
    app = await startCallbackApp({ kind: 'mp', token: TOKEN });
  });
  afterAll(async () => app.close());

  it('echoes echostr for a right URL verification and refuses a wrong or missing signature', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const nonce = '38291';
    const good = `signature=${sha1Sorted(TOKEN, ts, nonce)}&timestamp=${ts}&nonce=${nonce}&echostr=6571239912`;
    const ok = await fetch(`${app.url}${PATH}?${good}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('6571239912');
    const wrong = await fetch(`${app.url}${PATH}?${forge(good, 'signature')}`);
    expect(wrong.status).toBe(401);
    const missing = await fetch(`${app.url}${PATH}?timestamp=${ts}&nonce=${nonce}&echostr=1`);
    expect(missing.status).toBe(401);
  });

  it('answers a text message with a passive reply: the replies joined, buttons numbered', async () => {
    const user = openId();
    const res = await push(
      app.url,
      PATH,
      signPlain(TOKEN, textMessage(user, '养老金能领多少', msgId())),
    );
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/xml/);
    const reply = readXml(res.text);
    expect(reply).toMatchObject({
      ToUserName: user,
      FromUserName: 'gh_0123456789ab',
      MsgType: 'text',
    });
    expect(reply.CreateTime).toMatch(/^\d+$/);
    expect(reply.Content).toBe(await app.reference('养老金能领多少'));
    expect(reply.Content).toMatch(/\n1\. /);
    expect(app.inputs.at(-1)).toMatchObject({
      channel: 'wechat-mp',
      userId: user,
      text: '养老金能领多少',
    });

    // "1" picks the first choice shown, as in the WeChat adapter.
    const first = /\n1\. (.+)/.exec(reply.Content!)![1]!;
    await push(app.url, PATH, signPlain(TOKEN, textMessage(user, '1', msgId())));
    expect(app.inputs.at(-1)!.text).toBe(first);
  });

  it('refuses a well-signed request whose timestamp is far from the clock (a replayed query)', async () => {
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    const query = `signature=${sha1Sorted(TOKEN, old, '7')}&timestamp=${old}&nonce=7`;
    const before = app.inputs.length;
    const res = await push(app.url, PATH, { query, body: textMessage(openId(), '你好', msgId()) });
    expect(res.status).toBe(401);
    expect((await fetch(`${app.url}${PATH}?${query}&echostr=1`)).status).toBe(401);
    expect(app.inputs.length).toBe(before);
  });

  it('answers a retry of the same MsgId with the same reply, without a second turn', async () => {
    const user = openId();
    const signed = signPlain(TOKEN, textMessage(user, '医保一个月交多少', msgId()));
    const before = app.inputs.length;
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push(await push(app.url, PATH, signed));
    expect(new Set(tries.map((t) => readXml(t.text).Content)).size).toBe(1);
    expect(app.inputs.length - before).toBe(1);
  });

  it('apologises for a failed turn and runs it again on the retry', async () => {
    const signed = signPlain(TOKEN, textMessage(openId(), '你好', msgId()));
    const before = app.inputs.length;
    app.failNext();
    const failed = await push(app.url, PATH, signed);
    expect(readXml(failed.text).Content).toBe('抱歉，处理您的消息时出了点问题，请稍后再试。');
    const retried = await push(app.url, PATH, signed);
    expect(readXml(retried.text).Content).toBe(await app.reference('你好'));
    expect(app.inputs.length - before).toBe(2);
  });

  it('keeps a 64-bit MsgId whole: ids that only differ past 2^53 are two messages', async () => {
    const user = openId();
    const before = app.inputs.length;
    await push(app.url, PATH, signPlain(TOKEN, textMessage(user, '你好', '9007199254740993')));
    await push(app.url, PATH, signPlain(TOKEN, textMessage(user, '你好', '9007199254740995')));
    expect(app.inputs.slice(before).map((i) => i.messageId)).toEqual([
      '9007199254740993',
      '9007199254740995',
    ]);
  });

  it('answers a voice message as its speech recognition, and asks for text otherwise', async () => {
    const user = openId();
    const voice = (recognition?: string) =>
      messageXml({
        ToUserName: 'gh_0123456789ab',
        FromUserName: user,
        CreateTime: 1764400000,
        MsgType: 'voice',
        MediaId: 'media-1',
        Format: 'amr',
        ...(recognition === undefined ? {} : { Recognition: recognition }),
        MsgId: msgId(),
      });
    const heard = await push(app.url, PATH, signPlain(TOKEN, voice('我想知道退休年龄')));
    expect(app.inputs.at(-1)).toMatchObject({ userId: user, text: '我想知道退休年龄' });
    expect(readXml(heard.text).Content).toBe(await app.reference('我想知道退休年龄'));
    for (const body of [
      voice(),
      voice(''),
      messageXml({
        ToUserName: 'gh_1',
        FromUserName: user,
        CreateTime: 1,
        MsgType: 'image',
        PicUrl: 'http://x/1.jpg',
        MediaId: 'm',
        MsgId: msgId(),
      }),
    ]) {
      const res = await push(app.url, PATH, signPlain(TOKEN, body));
      expect(readXml(res.text).Content).toBe('请发送文字');
    }
  });

  it('greets a new follower and ignores other events', async () => {
    const user = openId();
    const event = (name: string) =>
      messageXml({
        ToUserName: 'gh_0123456789ab',
        FromUserName: user,
        CreateTime: 1764400001,
        MsgType: 'event',
        Event: name,
      });
    const greeted = await push(app.url, PATH, signPlain(TOKEN, event('subscribe')));
    expect(readXml(greeted.text).Content).toBe(await app.reference('你好'));
    // Someone else following in the same second is greeted too.
    const other = event('subscribe').replace(user, openId());
    const alsoGreeted = await push(app.url, PATH, signPlain(TOKEN, other));
    expect(readXml(alsoGreeted.text).Content).toBe(await app.reference('你好'));
    const before = app.inputs.length;
    for (const name of ['unsubscribe', 'VIEW', 'LOCATION']) {
      const res = await push(app.url, PATH, signPlain(TOKEN, event(name)));
      expect(res).toMatchObject({ status: 200, text: 'success' });
    }
    expect(app.inputs.length).toBe(before);
  });

  it('refuses a bad or missing signature with 401 and logs no part of the body', async () => {
    const body = textMessage(openId(), '我的手机13812345678', msgId());
    const signed = signPlain(TOKEN, body);
    const before = app.inputs.length;
    const forged = await push(app.url, PATH, {
      ...signed,
      query: forge(signed.query, 'signature'),
    });
    const unsigned = await push(app.url, PATH, { query: 'timestamp=1&nonce=2', body });
    const otherToken = await push(app.url, PATH, signPlain('not-the-token', body));
    for (const res of [forged, unsigned, otherToken]) expect(res.status).toBe(401);
    expect(app.inputs.length).toBe(before);
    const logs = app.logs.join('');
    expect(logs).toContain('callback refused');
    expect(logs).not.toContain('13812345678');
    expect(logs).not.toContain('我的手机');
  });

  it('refuses malformed, oversized, entity-laden and foreign XML without a turn', async () => {
    const before = app.inputs.length;
    const user = openId();
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>' +
      `<xml><ToUserName>gh_1</ToUserName><FromUserName>${user}</FromUserName><MsgType>text</MsgType><Content>&b;</Content><MsgId>1</MsgId></xml>`;
    const cases: [string, number][] = [
      ['<xml><ToUserName>gh_1</ToUser><MsgType>text</MsgType></xml>', 400],
      ['{"not": "xml"}', 400],
      ['', 400],
      [bomb, 400],
      ['<xml><ToUserName>gh_1</ToUserName><MsgType>text</MsgType></xml>', 400],
      [textMessage(user, '医'.repeat(20_000), msgId()), 413],
      [
        `<xml><FromUserName>${user}</FromUserName><FromUserName>x</FromUserName><ToUserName>g</ToUserName><MsgType>text</MsgType><Content>a</Content><MsgId>1</MsgId></xml>`,
        400,
      ],
    ];
    for (const [body, status] of cases) {
      const res = await push(app.url, PATH, signPlain(TOKEN, body));
      expect(res.status, body.slice(0, 40)).toBe(status);
    }
    expect(app.inputs.length).toBe(before);
  });

  it('answers an over-long text with the length limit, without a turn', async () => {
    const before = app.inputs.length;
    const res = await push(
      app.url,
      PATH,
      signPlain(TOKEN, textMessage(openId(), '医'.repeat(2001), msgId())),
    );
    expect(readXml(res.text).Content).toContain('2000');
    expect(app.inputs.length).toBe(before);
  });

  it('refuses an encrypted message when no AES key is configured', async () => {
    const inner = textMessage(openId(), '你好', msgId());
    const res = await push(app.url, PATH, signEncrypted('mp', TOKEN, AES_KEY, APPID, inner));
    expect(res.status).toBe(400);
  });
});

describe('Official Account callback, safe mode', () => {
  let app: CallbackApp;
  beforeAll(async () => {
    app = await startCallbackApp({ kind: 'mp', token: TOKEN, appId: APPID, aesKey: AES_KEY });
  });
  afterAll(async () => app.close());

  it('decrypts a message and seals the reply for the same appid, signed', async () => {
    const user = openId();
    const res = await push(
      app.url,
      PATH,
      signEncrypted('mp', TOKEN, AES_KEY, APPID, textMessage(user, '你好', msgId())),
    );
    expect(res.status).toBe(200);
    const opened = openReply(TOKEN, AES_KEY, res.text);
    expect(opened.signatureOk).toBe(true);
    expect(opened.receiverId).toBe(APPID);
    expect(opened.fields).toMatchObject({ ToUserName: user, MsgType: 'text' });
    expect(opened.fields.Content).toBe(await app.reference('你好'));
  });

  it('refuses a message sealed for another appid, a bad msg_signature and a plain message', async () => {
    const inner = textMessage(openId(), '你好', msgId());
    const before = app.inputs.length;
    const wrongAppId = await push(
      app.url,
      PATH,
      signEncrypted('mp', TOKEN, AES_KEY, 'wx0000000000000000', inner),
    );
    expect(wrongAppId.status).toBe(401);
    const signed = signEncrypted('mp', TOKEN, AES_KEY, APPID, inner);
    const badSig = await push(app.url, PATH, {
      ...signed,
      query: forge(signed.query, 'msg_signature'),
    });
    expect(badSig.status).toBe(401);
    const otherKey = await push(
      app.url,
      PATH,
      signEncrypted('mp', TOKEN, 'B'.repeat(43), APPID, inner),
    );
    expect(otherKey.status).toBe(401);
    const plain = await push(app.url, PATH, signPlain(TOKEN, inner));
    expect(plain.status).toBe(400);
    expect(app.inputs.length).toBe(before);
  });
});

describe('a turn slower than the platform waits', () => {
  it('holds the first tries, answers the last with 正在处理…, and runs the turn once', async () => {
    const app = await startCallbackApp({ kind: 'mp', token: TOKEN }, { windowMs: 50 });
    try {
      const user = openId();
      const signed = signPlain(TOKEN, textMessage(user, '养老保险交多少', msgId()));
      app.hold();
      const first = push(app.url, PATH, signed);
      await until(() => app.inputs.length === 1);
      const second = push(app.url, PATH, signed);
      await until(() => app.logs.some((l) => l.includes('"attempt":2')));
      const third = await push(app.url, PATH, signed);
      expect(readXml(third.text).Content).toBe(HOLDING_REPLY);
      app.release();
      const answered = [await first, await second].map((r) => readXml(r.text).Content);
      expect(answered[0]).toBe(await app.reference('养老保险交多少'));
      expect(answered[1]).toBe(answered[0]);
      expect(app.inputs.length).toBe(1);
      // The next message gets its own answer, not the late one.
      const next = await push(app.url, PATH, signPlain(TOKEN, textMessage(user, '谢谢', msgId())));
      expect(readXml(next.text).Content).not.toBe(answered[0]);
      expect(app.inputs.map((i) => i.text)).toEqual(['养老保险交多少', '谢谢']);
    } finally {
      app.release();
      await app.close();
    }
  });
});

/** Waits for a condition the server reaches by itself (counts work, no timing asserted). */
async function until(done: () => boolean) {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!done()) throw new Error('condition never reached');
}
