import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  app = await startApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the web chat page in headless Chromium', () => {
  it('sends a typed message and shows the reply, on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 }, isMobile: true });
    // Under the Content-Security-Policy nothing of the page may be blocked.
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(app.url);
    expect(await page.locator('.msg.bot').count()).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('flex');
    await page.fill('#text', '你好');
    await page.click('#send');
    await expect
      .poll(() => page.locator('.msg.bot').count(), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    const last = await page.locator('.msg.bot').last().textContent();
    expect(last).toContain('社保小助手');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('shows buttons as tappable choices that send their text', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 }, isMobile: true });
    await page.goto(app.url);
    await page.fill('#text', '我想算医保');
    await page.click('#send');
    const choice = page.locator('.choices button').first();
    await choice.waitFor({ timeout: 10_000 });
    const label = await choice.textContent();
    const box = await choice.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(40);
    await choice.click();
    await expect.poll(() => page.locator('.msg.me').last().textContent()).toBe(label);
    await page.close();
  });
});
