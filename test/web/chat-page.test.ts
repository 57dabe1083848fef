import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, PHONE } from '../support/browser.js';
import { startApp, type TestApp } from '../support/app.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
}, 60_000);

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh visitor (own cookies and localStorage) on a phone-sized screen. */
async function openPhone(url = app.url): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext(PHONE);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return { page, context };
}

/** Types a message, sends it and waits until the bot's answer to it is on screen. */
async function say(page: Page, text: string): Promise<void> {
  const before = await page.locator('.msg.bot').count();
  await page.fill('#text', text);
  await page.click('#send');
  await expect
    .poll(() => page.locator('.msg.bot').count(), { timeout: 10_000 })
    .toBeGreaterThan(before);
}

const texts = (page: Page, selector: string) => page.locator(`${selector} .text`).allTextContents();

async function visitorId(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'shebao_visitor');
  return cookie!.value;
}

describe('the web chat page in headless Chromium, phone size', () => {
  it('sends a typed message and shows the reply without sideways scrolling', async () => {
    const { page } = await openPhone();
    await say(page, '你好');
    expect((await texts(page, '.msg.bot')).at(-1)).toContain('社保小助手');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  });

  it('shows buttons as tappable choices that send their text', async () => {
    const { page } = await openPhone();
    await say(page, '我想算医保');
    const choice = page.locator('.choices button').first();
    await choice.waitFor({ timeout: 10_000 });
    const label = await choice.textContent();
    const box = await choice.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await choice.click();
    await expect.poll(async () => (await texts(page, '.msg.me')).at(-1)).toBe(label);
  });

  it('scrolls a long answer so that its start is in view, not its sources', async () => {
    const { page } = await openPhone();
    await say(page, '我在上饶上班，月薪8000，医保一个月交多少');
    const seen = await page.evaluate(() => {
      const log = document.getElementById('log')!;
      const answer = [...log.querySelectorAll('.msg.bot')].at(-1)!;
      const view = log.getBoundingClientRect();
      const box = answer.getBoundingClientRect();
      return {
        answerTaller: box.height > view.height,
        startVisible: box.top >= view.top && box.top < view.bottom - 40,
        atBottom: log.scrollTop >= log.scrollHeight - log.clientHeight - 1,
      };
    });
    // The answer is longer than the chat area, so scrolling to the end would hide its start.
    expect(seen).toEqual({ answerTaller: true, startVisible: true, atBottom: false });
    // And the phone's keyboard does not come back over it: the text box is not refocused.
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('text');
  });

  it('keeps the conversation on screen across a reload, choices included', async () => {
    const { page } = await openPhone();
    await say(page, '我哪年退休');
    const bots = await texts(page, '.msg.bot');
    const choices = await page.locator('.choices button').allTextContents();
    expect(choices).toEqual(['男', '女']);
    await page.reload();
    expect(await texts(page, '.msg.me')).toEqual(['我哪年退休']);
    expect(await texts(page, '.msg.bot')).toEqual(bots);
    expect(await page.locator('.choices button').allTextContents()).toEqual(choices);
    // The bot remembers too: the choice answers the question asked before the reload.
    await page.locator('.choices button', { hasText: '男' }).click();
    await expect.poll(async () => (await texts(page, '.msg.bot')).at(-1)).toContain('出生');
  });

  it('"重新开始" clears the screen and makes the server forget the conversation', async () => {
    const { page, context } = await openPhone();
    await say(page, '我在上饶，今年40岁');
    const key = { channel: 'web', userId: await visitorId(context) };
    expect((await app.core.store.get(key))?.slots).toMatchObject({ age: 40 });
    await page.getByRole('button', { name: '重新开始' }).click();
    await expect.poll(() => page.locator('.msg.me').count()).toBe(0);
    expect(await page.locator('.msg.bot').count()).toBe(1); // the greeting
    expect(await app.core.store.get(key)).toBeUndefined();
    await page.reload();
    expect(await page.locator('.msg').count()).toBe(1);
  });

  it('keeps the typed text and the earlier choices after a network failure, and resends', async () => {
    const { page, context } = await openPhone();
    await say(page, '我哪年退休');
    await context.setOffline(true);
    await page.fill('#text', '1975年5月出生');
    await page.click('#send');
    const resend = page.getByRole('button', { name: '重新发送' });
    await resend.waitFor();
    expect(await page.locator('.problem').textContent()).toContain('网络连接失败');
    expect(await page.inputValue('#text')).toBe('1975年5月出生');
    expect(await page.locator('.choices button').allTextContents()).toEqual(['男', '女']);
    expect(await page.locator('.msg.me').count()).toBe(1);
    await context.setOffline(false);
    await resend.click();
    await expect.poll(async () => (await texts(page, '.msg.me')).at(-1)).toBe('1975年5月出生');
    await expect.poll(() => page.locator('.problem').count()).toBe(0);
    expect(await page.inputValue('#text')).toBe('');
  });

  it('says so, in Chinese, when a paste is over 2,000 characters, and keeps it', async () => {
    const { page } = await openPhone();
    const long = '我想问一下医保'.repeat(343).slice(0, 2400);
    await page.fill('#text', long);
    const notice = page.locator('#notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toBe(
      '消息太长了：现在 2400 字，最多 2000 字。请删减后再发送。',
    );
    await page.click('#send');
    expect(await page.locator('.msg.me').count()).toBe(0);
    expect((await page.inputValue('#text')).length).toBe(2400);
    await page.fill('#text', long.slice(0, 2000));
    await expect.poll(() => notice.isVisible()).toBe(false);
  });

  it('names the common CJK fonts, so Chinese never shows as boxes', async () => {
    const { page } = await openPhone();
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    for (const font of ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC']) {
      expect(family).toContain(font);
    }
  });
});

describe('the web chat page with its limits', () => {
  it('shows the server’s refusals in Chinese (rate limit) and offers to resend', async () => {
    const limited = await startApp({ rateLimitPerMinute: 1 });
    try {
      const { page } = await openPhone(limited.url);
      await say(page, '你好');
      await page.fill('#text', '我哪年退休');
      await page.click('#send');
      const problem = page.locator('.problem');
      await problem.waitFor();
      expect(await problem.textContent()).toMatch(/^发送太频繁了，请 \d+ 秒后再试。重新发送$/);
      expect(await page.inputValue('#text')).toBe('我哪年退休');
    } finally {
      await limited.close();
    }
  });

  it('talks through its own cookie door while WEBHOOK_SECRET is set', async () => {
    const signed = await startApp({ webhookSecret: 'integrators-only' });
    try {
      const { page, context } = await openPhone(signed.url);
      await say(page, '你好');
      expect((await texts(page, '.msg.bot')).at(-1)).toContain('社保小助手');
      const cookie = (await context.cookies()).find((c) => c.name === 'shebao_visitor')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(await page.evaluate(() => document.cookie)).toBe('');
      const unsigned = await page.evaluate(async () => {
        const res = await fetch('/v1/messages', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId: 'u1', text: '你好' }),
        });
        return res.status;
      });
      expect(unsigned).toBe(401);
    } finally {
      await signed.close();
    }
  });
});

describe('the page under its Content-Security-Policy', () => {
  it('loads and answers with nothing of the page blocked', async () => {
    const { page, context } = await openPhone('about:blank');
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(app.url);
    await say(page, '你好');
    expect(blocked).toEqual([]);
    await context.close();
  });
});
