import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HOLDING_REPLY } from '../../src/channels/wechat-callback/callback.js';
import { startCallbackApp, type CallbackApp } from '../support/callback-app.js';
import { openReply, push, signEncrypted, textMessage } from '../support/wechat-platform.js';

/** Tencent's published sample for the WeCom callback (developer.work.weixin.qq.com/document/path/90968). */
const SAMPLE = {
  token: 'QDG6eK',
  corpId: 'wx5823bf96d3bd56c7',
  aesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  verify: {
    msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    timestamp: '1409659589',
    nonce: '263014780',
    echostr:
      'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
    expected: '1616140317555161061',
  },
  message: {
    query:
      'msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149',
    body: '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>',
  },
};
const PATH = '/wecom/callback';
const protocol = {
  kind: 'wecom' as const,
  token: SAMPLE.token,
  corpId: SAMPLE.corpId,
  aesKey: SAMPLE.aesKey,
};

describe("WeCom callback, Tencent's sample (its clock: September 2014)", () => {
  let app: CallbackApp;
  beforeAll(async () => {
    app = await startCallbackApp(protocol, { now: () => new Date(1409659700_000) });
  });
  afterAll(async () => app.close());

  it("verifies the URL with Tencent's sample: answers the decrypted echostr", async () => {
    const res = await fetch(`${app.url}${PATH}?${new URLSearchParams(SAMPLE.verify)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(SAMPLE.verify.expected);
    const wrong = new URLSearchParams({ ...SAMPLE.verify, nonce: '263014781' });
    expect((await fetch(`${app.url}${PATH}?${wrong}`)).status).toBe(401);
  });

  it("answers Tencent's sample message with an encrypted reply to its sender", async () => {
    const res = await push(app.url, PATH, SAMPLE.message);
    expect(res.status).toBe(200);
    expect(app.inputs.at(-1)).toMatchObject({
      channel: 'wecom',
      userId: 'mycreate',
      text: 'hello',
      messageId: '4561255354251345929',
    });
    const opened = openReply(SAMPLE.token, SAMPLE.aesKey, res.text);
    expect(opened.signatureOk).toBe(true);
    expect(opened.receiverId).toBe(SAMPLE.corpId);
    expect(opened.fields).toMatchObject({
      ToUserName: 'mycreate',
      FromUserName: SAMPLE.corpId,
      MsgType: 'text',
    });
    expect(opened.fields.Content).toBe(await app.reference('hello'));
  });
});

describe('WeCom callback', () => {
  let app: CallbackApp;
  beforeAll(async () => {
    app = await startCallbackApp(protocol);
  });
  afterAll(async () => app.close());

  it('refuses a bad msg_signature and a message sealed for another corpid', async () => {
    const before = app.inputs.length;
    const forged = await push(app.url, PATH, {
      ...SAMPLE.message,
      query: SAMPLE.message.query.replace('msg_signature=4', 'msg_signature=5'),
    });
    expect(forged.status).toBe(401);
    const inner = textMessage('zhangsan', '你好', '1', SAMPLE.corpId);
    const other = await push(
      app.url,
      PATH,
      signEncrypted('wecom', SAMPLE.token, SAMPLE.aesKey, 'wwOtherCorp', inner),
    );
    expect(other.status).toBe(401);
    const unsigned = await push(app.url, PATH, { query: '', body: SAMPLE.message.body });
    expect(unsigned.status).toBe(401);
    expect(app.inputs.length).toBe(before);
  });

  it('asks for text when sent an image', async () => {
    const inner = `<xml><ToUserName><![CDATA[${SAMPLE.corpId}]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x/y.jpg]]></PicUrl><MediaId><![CDATA[m]]></MediaId><MsgId>1234567890123456</MsgId><AgentID>1</AgentID></xml>`;
    const res = await push(
      app.url,
      PATH,
      signEncrypted('wecom', SAMPLE.token, SAMPLE.aesKey, SAMPLE.corpId, inner),
    );
    expect(openReply(SAMPLE.token, SAMPLE.aesKey, res.text).fields.Content).toBe('请发送文字');
  });
});

describe('a retry reaching another instance (shared Redis store)', () => {
  it('is not answered a second time by a second turn', async () => {
    const storePrefix = `wecom${randomUUID().slice(0, 8)}`;
    const redisUrl = inject('redisUrl');
    const a = await startCallbackApp(protocol, { redisUrl, storePrefix });
    const b = await startCallbackApp(protocol, { redisUrl, storePrefix });
    try {
      const msgId = `66${Date.now()}`;
      const inner = textMessage(`u${randomUUID()}`, '医保一个月交多少', msgId, SAMPLE.corpId);
      const signed = signEncrypted('wecom', SAMPLE.token, SAMPLE.aesKey, SAMPLE.corpId, inner);
      const first = openReply(SAMPLE.token, SAMPLE.aesKey, (await push(a.url, PATH, signed)).text);
      const retry = openReply(SAMPLE.token, SAMPLE.aesKey, (await push(b.url, PATH, signed)).text);
      expect(first.fields.Content).toBe(await a.reference('医保一个月交多少'));
      // The store claimed the MsgId: the other instance holds (or repeats the same answer).
      expect([HOLDING_REPLY, first.fields.Content]).toContain(retry.fields.Content);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
