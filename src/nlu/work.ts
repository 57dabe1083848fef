/**
 * A count of the steps understanding takes on a text, so that tests can prove the work is
 * linear in the text's length by counting, not by timing (a number scanner that re-parsed every
 * prefix of "8零8零…" once took a minute on one 4 KB message and stalled the whole process).
 *
 * Each extractor ticks once per unit of its own loops: a character tokenised, a cut tried, a
 * candidate pair compared, a gazetteer probe. The counter is a plain number; reading it costs
 * nothing and it never affects a result.
 */
let steps = 0;

/** Records `n` steps of work. */
export function tick(n = 1): void {
  steps += n;
}

/** Runs `fn` and returns its result with the steps it took. */
export function countSteps<T>(fn: () => T): { result: T; steps: number } {
  const before = steps;
  const result = fn();
  return { result, steps: steps - before };
}

/**
 * How many figures, money words, places or dated phrases one message is read for. A person
 * states a handful; past these the rest of a pasted wall of text is not read for facts, which
 * keeps the pairing of figures with their words (figures × words) bounded by a constant.
 */
export const MAX_MATCHES = 32;
