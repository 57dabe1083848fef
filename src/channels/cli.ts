import { createInterface } from 'node:readline';
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
  // A terminal readline must have the output stream: it reads keys in raw mode and echoes
  // them itself (without it the typed text never shows). Piped, it just reads lines.
  const rl = createInterface({
    input: stdin,
    output: stdout,
    terminal: Boolean(stdin.isTTY && stdout.isTTY),
  });
  rl.setPrompt('你：');
  console.log('社保小助手（输入 exit 退出）');
  const prompt = () => rl.prompt();
  let buttons: string[] = [];
  try {
    prompt();
    for await (const line of rl) {
      const text = line.trim();
      if (text === 'exit' || text === 'quit') break;
      if (text) {
        const result = await bot.handleTurn({
          channel: 'cli',
          userId: 'local',
          text: pickButton(text, buttons) ?? text,
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
      prompt();
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
