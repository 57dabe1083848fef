import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createWechatChannel } from '../../src/channels/wechat.js';
import type { TurnHandler } from '../../src/turn.js';
import { captureLogger } from '../support/capture-logger.js';
import { CHOICES, createEchoCore } from './echo-core.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Said {
  text: string;
  room?: string;
  to?: string;
}

/** The real wechaty on wechaty-puppet-mock, logged in as "Bot", with one user "Li". */
async function start(
  options: { handleTurn?: TurnHandler; rateLimitPerMinute?: number; sessionPath?: string } = {},
) {
  const mocker = new mock.Mocker();
  const core = createEchoCore(options);
  const { logger, lines } = captureLogger('debug');
  const qrCodes: string[] = [];
  const puppet = new PuppetMock({ mocker });
  const channel = createWechatChannel({
    puppet,
    handleTurn: options.handleTurn ?? core.handleTurn,
    logger,
    printQrCode: (drawing) => qrCodes.push(drawing),
    sessionPath: options.sessionPath,
  });
  const said: Said[] = [];
  const watchers = new Set<() => void>();
  channel.wechaty.on('message', (msg) => {
    if (!msg.self()) return;
    said.push({ text: msg.text(), room: msg.room()?.id, to: msg.listener()?.id });
    for (const w of [...watchers]) w();
  });
  await channel.start();
  cleanups.push(() => channel.stop('test'));
  const me = mocker.createContact({ name: 'Bot' });
  const user = mocker.createContact({ name: 'Li' });
  mocker.login(me);
  await new Promise<void>((resolve) => channel.wechaty.once('login', () => resolve()));

  /** Waits until the bot has said `count` messages in all. */
  const waitForSaid = (count: number, timeoutMs = 5000) =>
    new Promise<Said[]>((resolve, reject) => {
      const check = () => {
        if (said.length < count) return;
        clearTimeout(timer);
        watchers.delete(check);
        resolve(said);
      };
      const timer = setTimeout(() => {
        watchers.delete(check);
        reject(
          new Error(
            `expected ${count} bot message(s), got ${said.length}: ${JSON.stringify(said)}`,
          ),
        );
      }, timeoutMs);
      watchers.add(check);
      check();
    });
  return { mocker, puppet, core, channel, me, user, said, waitForSaid, logs: lines, qrCodes };
}

describe('WeChat channel (real wechaty, wechaty-puppet-mock)', () => {
  it('answers a private text through the core', async () => {
    const { core, user, me, waitForSaid, logs } = await start();
    user.say('养老金怎么算 13812345678').to(me);
    const [reply] = await waitForSaid(1);
    expect(reply).toEqual({
      text: '收到：养老金怎么算 13812345678（第1轮）',
      to: user.id,
      room: undefined,
    });
    expect(core.inputs).toEqual([
      {
        channel: 'wechat',
        userId: user.id,
        text: '养老金怎么算 13812345678',
        messageId: expect.any(String),
      },
    ]);
    const all = logs.join('\n');
    expect(all).toContain('wechat logged in');
    expect(all).not.toContain('养老金怎么算');
    expect(all).not.toContain('13812345678');
  });

  it('in a room answers only when mentioned, per person, mentioning them back', async () => {
    const { mocker, core, user, me, said, waitForSaid } = await start();
    const other = mocker.createContact({ name: 'Wang' });
    const room = mocker.createRoom({ topic: '社保群', memberIdList: [me.id, user.id, other.id] });
    user.say('养老金怎么算').to(room);
    other.say('@Bot 医保怎么交', [me]).to(room);
    const [reply] = await waitForSaid(1);
    expect(reply!.room).toBe(room.id);
    expect(reply!.text).toContain('@Wang');
    expect(reply!.text).toContain('收到：医保怎么交（第1轮）');
    await sleep(150);
    expect(said).toHaveLength(1);
    expect(core.inputs.map(({ userId, text }) => ({ userId, text }))).toEqual([
      { userId: `${room.id}:${other.id}`, text: '医保怎么交' },
    ]);
  });

  it('shows buttons as a numbered list; a reply of just the number picks one', async () => {
    const { core, user, me, waitForSaid } = await start();
    user.say('选项').to(me);
    const [asked] = await waitForSaid(1);
    expect(asked!.text).toContain(`请选择险种：\n\n1. ${CHOICES[0]}\n2. ${CHOICES[1]}`);
    user.say(' 2 ').to(me);
    const said = await waitForSaid(2);
    expect(said[1]!.text).toBe(`收到：${CHOICES[1]}（第2轮）`);
    expect(core.inputs[1]!.text).toBe(CHOICES[1]);
    // the list was used up: a number now is just a number
    user.say('2').to(me);
    await waitForSaid(3);
    expect(core.inputs[2]!.text).toBe('2');
  });

  it('keeps the buttons of each room member apart', async () => {
    const { mocker, core, user, me, waitForSaid } = await start();
    const other = mocker.createContact({ name: 'Wang' });
    const room = mocker.createRoom({ topic: '社保群', memberIdList: [me.id, user.id, other.id] });
    user.say('@Bot 选项', [me]).to(room);
    await waitForSaid(1);
    other.say('@Bot 1', [me]).to(room);
    await waitForSaid(2);
    user.say('@Bot 1', [me]).to(room);
    await waitForSaid(3);
    expect(core.inputs.map((i) => i.text)).toEqual(['选项', '1', CHOICES[0]]);
  });

  it('answers a message id once', async () => {
    const { mocker, core, user, me, said, waitForSaid } = await start();
    user.say('你好').to(me);
    await waitForSaid(1);
    const messageId = core.inputs[0]!.messageId!;
    mocker.puppet.emit('message', { messageId });
    user.say('再见').to(me);
    await waitForSaid(2);
    await sleep(100);
    expect(said.map((s) => s.text)).toEqual(['收到：你好（第1轮）', '收到：再见（第2轮）']);
    expect(core.inputs.filter((i) => i.messageId === messageId)).toHaveLength(2);
  });

  it('ignores official accounts and asks for text when a private message has none', async () => {
    const { mocker, core, user, me, said, waitForSaid } = await start();
    const official = mocker.createContact({ name: '某公众号', type: types.Contact.Official });
    official.say('推送：今日新闻').to(me);
    const image = mocker.MessageMock.create({
      id: 'img-1',
      talkerId: user.id,
      listenerId: me.id,
      timestamp: Date.now(),
      type: types.Message.Image,
    });
    mocker.puppet.emit('message', { messageId: image.id });
    const [reply] = await waitForSaid(1);
    expect(reply).toMatchObject({ text: '请发送文字', to: user.id });
    await sleep(100);
    expect(said).toHaveLength(1);
    expect(core.inputs).toHaveLength(0);
  });

  it('apologises for a core failure and goes on; "too many messages" past the limit', async () => {
    const { user, me, waitForSaid, logs } = await start({ rateLimitPerMinute: 2 });
    user.say('出错').to(me);
    const [apology] = await waitForSaid(1);
    expect(apology!.text).toContain('抱歉');
    user.say('还在吗').to(me);
    expect((await waitForSaid(2))[1]!.text).toBe('收到：还在吗（第1轮）');
    user.say('第三条').to(me);
    expect((await waitForSaid(3))[2]!.text).toBe('发送太频繁，请稍后再试');
    const failed = logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'message failed');
    expect(failed).toMatchObject({
      level: 50,
      channel: 'wechat',
      err: 'Error: core failed on [phone]',
    });
  });

  it('keeps what the puppet saves of its login in WECHATY_SESSION_PATH, when set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wechat-session-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const sessionPath = join(dir, 'shebao');
    const { puppet } = await start({ sessionPath });
    // what a real puppet (e.g. wechaty-puppet-service) does with its login token
    await puppet.memory.set('login', 'kept-across-restarts');
    await puppet.memory.save();
    const card = await readFile(`${sessionPath}.memory-card.json`, 'utf8');
    expect(card).toContain('kept-across-restarts');
  });

  it('writes no session file when WECHATY_SESSION_PATH is unset', async () => {
    const cards = async () =>
      (await readdir(process.cwd())).filter((f) => f.endsWith('.memory-card.json'));
    const before = await cards();
    const { puppet } = await start();
    await puppet.memory.set('login', 'forgotten');
    await puppet.memory.save();
    expect(await cards()).toEqual(before);
  });

  it('prints the login QR code and logs its URL', async () => {
    const { mocker, logs, qrCodes } = await start();
    mocker.scan('https://login.weixin.qq.com/l/abc123', types.ScanStatus.Waiting);
    await sleep(50);
    expect(qrCodes).toHaveLength(1);
    expect(qrCodes[0]!.length).toBeGreaterThan(100);
    expect(logs.join('')).toContain('https://wechaty.js.org/qrcode/');
  });

  it('on stop lets the turn under way reply first', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handleTurn: TurnHandler = async (input) => {
      await gate;
      return {
        replies: [{ text: `答：${input.text}` }],
        intent: { name: 'greet', confidence: 1 },
        slots: {},
      };
    };
    const { channel, user, me, said } = await start({ handleTurn });
    user.say('慢').to(me);
    await sleep(100);
    const stopped = channel.stop('SIGTERM');
    await sleep(50);
    expect(said).toHaveLength(0);
    release();
    await stopped;
    expect(said.map((s) => s.text)).toEqual(['答：慢']);
  });
});
