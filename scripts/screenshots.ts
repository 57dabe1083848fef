// `npm run screenshots`: a full conversation on the web chat page, photographed at phone and
// desktop size into docs/screenshots/ (linked from the README). Runs the real server and core
// on a loopback port and drives headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
// Chinese needs a CJK font on the machine (Debian: fonts-noto-cjk), or it shows as boxes.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildServer } from '../src/channels/http/server.js';
import { createCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { createMetrics } from '../src/metrics.js';
import { projectRoot } from '../src/paths.js';
import { DESKTOP, launchChromium, PHONE } from '../test/support/browser.js';

const OUT = join(projectRoot, 'docs', 'screenshots');

/** The conversation shown: a question the bot asks back about, a button, a typed answer, a long answer. */
const CONVERSATION: ({ type: string } | { tap: string })[] = [
  { type: '我哪年退休' },
  { tap: '女' },
  { type: '1980年3月出生，工人' },
  { type: '我在上饶上班，月薪8000，医保一个月交多少' },
];

async function waitForAnswer(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.msg.bot').length > n &&
      !document.querySelector('#send[disabled]'),
    before,
  );
}

async function talk(page: Page, step: { type: string } | { tap: string }): Promise<void> {
  const before = await page.locator('.msg.bot').count();
  if ('tap' in step) {
    await page.locator('.choices button', { hasText: step.tap }).click();
  } else {
    await page.fill('#text', step.type);
    await page.click('#send');
  }
  await waitForAnswer(page, before);
}

/** The whole conversation in one picture: the window made as tall as the conversation. */
async function shootWhole(page: Page, width: number, file: string): Promise<void> {
  const height = await page.evaluate(() => {
    const log = document.getElementById('log')!;
    return document.documentElement.clientHeight - log.clientHeight + log.scrollHeight;
  });
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: join(OUT, file) });
}

async function shoot(browser: Browser, url: string, name: 'phone' | 'desktop'): Promise<void> {
  const screen = name === 'phone' ? PHONE : DESKTOP;
  // Phone pictures at the phone's own pixel density; desktop ones at 1:1 (they are big enough).
  const context = await browser.newContext({
    ...screen,
    deviceScaleFactor: name === 'phone' ? 2 : 1,
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.screenshot({ path: join(OUT, `${name}-1-start.png`) });
  for (const [i, step] of CONVERSATION.entries()) {
    await talk(page, step);
    // No focus ring or hover colour left over from the last click.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
    if (i === 0) await page.screenshot({ path: join(OUT, `${name}-2-question.png`) });
  }
  // As the person sees it: the long answer opens at its start, the figure asked for in view.
  await page.screenshot({ path: join(OUT, `${name}-3-answer.png`) });
  await shootWhole(page, screen.viewport.width, `${name}-4-whole-conversation.png`);
  await context.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const logger = createLogger('silent');
  const core = createCore({ conversationTtlDays: 1, rateLimitPerMinute: 1000, logger });
  const server = await buildServer({ bot: core.bot, logger, metrics: createMetrics() });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  try {
    await shoot(browser, url, 'phone');
    await shoot(browser, url, 'desktop');
  } finally {
    await browser.close();
    await server.close();
    await core.store.close();
  }
  console.log(`screenshots in ${OUT}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
