import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchChromium, PHONE } from '../support/browser.js';
import { startApp, type TestApp } from '../support/app.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** axe-core's WCAG 2.1 A and AA rules and its best practices, run inside the page. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

describe('the web chat page is accessible', () => {
  for (const [name, screen] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`passes axe-core (WCAG 2.1 AA, contrast included) mid-conversation, ${name}`, async () => {
      const context = await browser.newContext(screen);
      const page = await context.newPage();
      await page.goto(app.url);
      await page.fill('#text', '我哪年退休');
      await page.press('#text', 'Enter');
      await page.locator('.choices button', { hasText: '女' }).waitFor();
      await page.fill('#text', 'x'.repeat(2001)); // the over-long notice on screen too
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('names its controls and announces messages in a live region', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByLabel('你的问题').fill('你好');
    await page.getByRole('button', { name: '发送' }).click();
    const log = page.getByRole('log', { name: '对话' });
    expect(await log.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => log.locator('.msg.bot').count()).toBe(2);
    // Each message says who spoke, for a screen reader reading the log.
    expect(await log.locator('.msg.me').textContent()).toBe('你说：你好');
    await context.close();
  });

  it('is usable by keyboard alone: Tab to a choice, Enter to send it, focus stays useful', async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(app.url);
    await page.keyboard.press('Tab'); // 重新开始
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('restart');
    await page.keyboard.press('Tab'); // the conversation (scrollable by arrow keys)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('log');
    await page.keyboard.press('Tab'); // the first starter choice
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('医保一个月交多少');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg.me .text').last().textContent()).toBe(first);
    // Typing and Enter send; Shift+Enter makes a new line instead.
    await page.locator('#text').focus();
    await page.keyboard.type('我在上饶');
    await page.keyboard.press('Shift+Enter');
    expect(await page.inputValue('#text')).toBe('我在上饶\n');
    await page.keyboard.type('月薪8000');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.msg.me .text').last().textContent())
      .toBe('我在上饶\n月薪8000');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('text');
    await context.close();
  });
});
