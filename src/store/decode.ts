import type { z } from 'zod';
import type { Logger } from '../logger.js';

/**
 * Parses a stored JSON value with its schema. A corrupt value is logged (without its content)
 * and treated as absent, so the next write replaces it; it never crashes a turn.
 */
export function decodeState<T>(
  raw: string | null | undefined,
  schema: z.ZodType<T>,
  key: string,
  logger?: Logger,
): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    logger?.warn({ key }, 'stored conversation state is not JSON; replacing it');
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    logger?.warn(
      { key, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
      'stored conversation state does not match its schema; replacing it',
    );
    return undefined;
  }
  return parsed.data;
}
