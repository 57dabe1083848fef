import { createClient } from 'redis';
import {
  loadSet,
  playConversation,
  summarise,
  type BotReply,
  type ConversationOutcome,
  type SetSummary,
} from './dialogue-eval.js';
import { postJson, startApp } from './app.js';

/**
 * The two dialogue sets, relative to the project root, and the share of turns each must pass.
 * The aim for both is 95 %. The scenarios are held there (96.0 % on 2026-11-29); the blind set
 * just under what it measures today (87.9 %), so that CI catches a step back while the honest
 * figure stays in view: raise its bar as the bot improves, never by tuning to its misses.
 */
export const SETS = [
  { name: 'scenarios', path: 'test/conversation/scenarios', minPass: 0.95 },
  { name: 'blind', path: 'test/conversation/blind', minPass: 0.87 },
] as const;

/** The date the sets were written for: ages, retirement dates and policy years follow it. */
export const EVALUATION_NOW = new Date('2026-11-29T12:00:00+08:00');

/** Conversations played at once (each its own user, so they never share state). */
const PARALLEL = 8;

async function redisUrl(): Promise<string | undefined> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const client = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return url;
  } catch {
    return undefined;
  } finally {
    if (client.isOpen) await client.destroy();
  }
}

export interface SetResult {
  name: string;
  summary: SetSummary;
  outcomes: ConversationOutcome[];
}

/** Plays every conversation of each set through the real server and sums up. */
export async function evaluateSets(
  sets: readonly { name: string; path: string }[],
  url?: string,
): Promise<SetResult[]> {
  const app = await startApp({ redisUrl: url ?? (await redisUrl()), now: () => EVALUATION_NOW });
  try {
    const results: SetResult[] = [];
    for (const set of sets) {
      const conversations = loadSet(set.path);
      const outcomes: ConversationOutcome[] = new Array(conversations.length);
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < conversations.length; i = next++) {
          const c = conversations[i]!;
          const userId = `eval-${set.name}-${c.id}-${Date.now()}`;
          outcomes[i] = await playConversation(c, async (text) => {
            const res = await postJson(`${app.url}/v1/messages`, { userId, text });
            if (res.status !== 200) throw new Error(`${c.id}: HTTP ${res.status} ${res.text}`);
            return res.json as BotReply;
          });
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      results.push({ name: set.name, summary: summarise(outcomes), outcomes });
    }
    return results;
  } finally {
    await app.close();
  }
}
