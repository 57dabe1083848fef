import { LRUCache } from 'lru-cache';

/**
 * The platforms wait 5 seconds for a passive reply, then drop the connection and send the same
 * message again, three tries in all. A turn slower than that is not run again: every try of
 * one message id waits for the same work. The tries before the last wait for the answer
 * whatever it takes (the platform gives up on them and retries, and a later try may still get
 * the answer in time); the last try answers within `windowMs` with the holding reply, so the
 * person sees "正在处理…" rather than the platform's "该公众号暂时无法提供服务".
 */
export const LAST_TRY = 3;

/** Inside the platform's 5 s, leaving time for the network and the encryption. */
export const DEFAULT_WINDOW_MS = 4_500;

export type WindowResult =
  { status: 'ready'; reply: string; attempt: number } | { status: 'late'; attempt: number };

interface Entry {
  work: Promise<string>;
  attempts: number;
}

export class ReplyWindow {
  /** Message ids under way or answered in the last minutes, on this instance. */
  private readonly entries: LRUCache<string, Entry>;

  constructor(
    private readonly windowMs = DEFAULT_WINDOW_MS,
    capacity = 10_000,
  ) {
    this.entries = new LRUCache<string, Entry>({ max: capacity, ttl: 5 * 60 * 1000 });
  }

  /**
   * Counts a try of message `id` (starting `work` only on the first) and returns its number at
   * once, with the reply it will get.
   */
  join(
    id: string,
    work: () => Promise<string>,
  ): { attempt: number; result: Promise<WindowResult> } {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { work: work(), attempts: 0 };
      this.entries.set(id, entry);
      // A failed turn is not kept: the next try runs it again.
      entry.work.catch(() => this.entries.delete(id));
    }
    const attempt = ++entry.attempts;
    return { attempt, result: this.wait(entry.work, attempt) };
  }

  private async wait(work: Promise<string>, attempt: number): Promise<WindowResult> {
    if (attempt < LAST_TRY) return { status: 'ready', reply: await work, attempt };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.windowMs);
    });
    try {
      const first = await Promise.race([work, late]);
      return first === 'late'
        ? { status: 'late', attempt }
        : { status: 'ready', reply: first, attempt };
    } finally {
      clearTimeout(timer);
    }
  }
}
