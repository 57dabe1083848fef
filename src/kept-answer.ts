import { z } from 'zod';
import type { Logger } from './logger.js';
import { INTENT_NAMES } from './nlu/intent-names.js';
import type { TurnResult } from './turn.js';

/**
 * What a turn keeps with its message id, so that a retry of a message already answered gets the
 * same answer again (a platform that timed out waiting retries with the same id), not an empty one.
 */
export type KeptAnswer = Pick<TurnResult, 'replies' | 'intent' | 'asking'>;

const KeptAnswerSchema = z.looseObject({
  replies: z.array(z.looseObject({ text: z.string(), buttons: z.array(z.string()).optional() })),
  intent: z.object({ name: z.enum(INTENT_NAMES), confidence: z.number() }),
  asking: z.string().optional(),
});

export function keepAnswer(answer: KeptAnswer): string {
  const { replies, intent, asking } = answer;
  return JSON.stringify(asking ? { replies, intent, asking } : { replies, intent });
}

/** The kept answer, or undefined when none was kept or it is unreadable (logged, not thrown). */
export function readKeptAnswer(kept: string | undefined, logger?: Logger): KeptAnswer | undefined {
  if (!kept) return undefined;
  try {
    return KeptAnswerSchema.parse(JSON.parse(kept)) as KeptAnswer;
  } catch {
    logger?.warn('a kept answer is unreadable; the retry is answered empty');
    return undefined;
  }
}
