import { maskPersonalData } from '../logger.js';

/** What the chat adapters (Telegram, WeChat) say themselves, without the core. */
export const CHAT_REPLIES = {
  rateLimited: '发送太频繁，请稍后再试',
  apology: '抱歉，处理您的消息时出了点问题，请稍后再试。',
  textOnly: '请发送文字',
  tooLong: (max: number) => `消息太长了，请控制在 ${max} 字以内。`,
} as const;

/**
 * An error as it may be logged: its name and masked message only. Never the error object
 * itself, whose fields can carry the message text (telegraf's `TelegramError.on.payload`).
 */
export function describeError(err: unknown, secrets: readonly string[] = []): string {
  const e = err instanceof Error ? err : new Error(String(err));
  let message = `${e.name}: ${e.message}`;
  for (const secret of secrets) if (secret) message = message.split(secret).join('[redacted]');
  return maskPersonalData(message);
}

/** Counts the turns under way, so a stopping channel can let them finish. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves true once nothing is under way, or false after `timeoutMs`. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      this.waiters.push(wake);
    });
  }
}

/** Resolves true when `promise` settles within `timeoutMs`, false otherwise (never rejects). */
export function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    promise.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}
