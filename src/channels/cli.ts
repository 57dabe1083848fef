import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import { createCore } from '../core.js';
import { createLogger } from '../logger.js';
import { formatButtons, pickButton } from './numbered-buttons.js';

/** `npm run chat`: a terminal conversation with the same core, in-memory store, no server. */
async function main(): Promise<void> {
  const { bot, store } = createCore({
    conversationTtlDays: 30,
    rateLimitPerMinute: 1000,
    logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  });
  const rl = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY });
  console.log('社保小助手（输入 exit 退出）');
  let buttons: string[] = [];
  try {
    for (;;) {
      let line: string;
      try {
        line = await rl.question('你：');
      } catch {
        break;
      }
      const text = line.trim();
      if (text === 'exit' || text === 'quit') break;
      if (!text) continue;
      const picked = pickButton(text, buttons);
      const result = await bot.handleTurn({
        channel: 'cli',
        userId: 'local',
        text: picked ?? text,
      });
      buttons = [];
      for (const reply of result.replies) {
        console.log(`助手：${reply.text}`);
        if (reply.buttons?.length) {
          buttons = reply.buttons;
          console.log(formatButtons(reply.buttons));
        }
      }
    }
  } finally {
    rl.close();
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
