import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { evaluateSets, SETS } from '../support/dialogue-run.js';

/**
 * The persona scenarios (test/conversation/scenarios, 241 conversations) and the blind set
 * (test/conversation/blind, 74 conversations written from the contract alone) played through
 * POST /v1/messages on Redis, each held to its bar (test/support/dialogue-run.ts). The
 * scenarios' misses are listed on failure; the blind set's are not (see scripts/eval-dialogue.ts).
 */
describe('dialogue sets through /v1/messages on Redis', () => {
  it.each(SETS.map((s) => [s.name, s] as const))(
    '%s passes its bar',
    async (_name, set) => {
      const [result] = await evaluateSets(
        [{ name: set.name, path: join(projectRoot, set.path) }],
        inject('redisUrl'),
      );
      const { summary, outcomes } = result!;
      const misses =
        set.name === 'scenarios'
          ? outcomes
              .filter((o) => !o.passed)
              .map((o) => `${o.id}: ${o.turns.flatMap((t) => t.problems).join('; ')}`)
          : [];
      expect(summary.turnsPassed / summary.turns, misses.join('\n')).toBeGreaterThanOrEqual(
        set.minPass,
      );
    },
    180_000,
  );
});
