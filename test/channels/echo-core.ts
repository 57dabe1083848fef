import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { RateLimitedError } from '../../src/bot.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Reply, TurnHandler, TurnInput, TurnResult } from '../../src/turn.js';

export const CHOICES = ['养老保险', '医疗保险'];

/**
 * A small but real TurnHandler with the core's contract (src/bot.ts): it dedupes `messageId`
 * through the real memory store for 24 h, throws RateLimitedError past the per-user limit and
 * lets other failures through. Its replies are predictable, so the adapters can be checked
 * exactly: "选项" asks with buttons, "长文" answers with more than one Telegram message, "出错"
 * fails, "慢" takes `slowMs`; anything else is echoed, with the conversation's turn count.
 */
export function createEchoCore(options: { rateLimitPerMinute?: number; slowMs?: number } = {}) {
  const store = new MemoryStore<{ turns: number }>({
    schema: z.object({ turns: z.number() }),
    ttlMs: 24 * 60 * 60 * 1000,
  });
  const inputs: TurnInput[] = [];
  const answered: TurnInput[] = [];

  const result = (replies: Reply[], duplicate?: boolean): TurnResult => ({
    replies,
    intent: { name: 'greet', confidence: 1 },
    slots: {},
    ...(duplicate ? { duplicate } : {}),
  });

  const handleTurn: TurnHandler = async (input) => {
    inputs.push(input);
    const gate = {
      claim:
        input.messageId === undefined
          ? undefined
          : { messageId: input.messageId, ttlSeconds: 24 * 60 * 60 },
      rate: {
        subject: `${input.channel}:${input.userId}`,
        limit: options.rateLimitPerMinute ?? 1000,
        windowSeconds: 60,
      },
    };
    const outcome = await store.turn(
      { channel: input.channel, userId: input.userId },
      gate,
      async (current) => {
        if (input.text === '出错') throw new Error('core failed on 13812345678');
        if (input.text === '慢') await sleep(options.slowMs ?? 300);
        const next = { turns: (current?.turns ?? 0) + 1 };
        return { value: next, result: next.turns };
      },
    );
    if (outcome.status === 'duplicate') return result([], true);
    if (outcome.status === 'limited') throw new RateLimitedError(outcome.retryAfterSeconds);
    const turns = outcome.result;
    answered.push(input);
    if (input.text === '选项') return result([{ text: '请选择险种：', buttons: CHOICES }]);
    if (input.text === '长文') {
      const line = '养老保险缴费基数按上年度社会平均工资的60%至300%确定。'; // 31 characters
      return result([
        { text: Array.from({ length: 200 }, (_, i) => `${i + 1}. ${line}`).join('\n') },
      ]);
    }
    return result([{ text: `收到：${input.text}（第${turns}轮）` }]);
  };

  return { handleTurn, inputs, answered, store };
}
