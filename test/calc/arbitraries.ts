import { Decimal } from 'decimal.js';
import fc from 'fast-check';

/** Money from 0 to `max` yuan, to the fen. */
export const money = (max = 1_000_000): fc.Arbitrary<Decimal> =>
  fc.integer({ min: 0, max: max * 100 }).map((cents) => new Decimal(cents).dividedBy(100));

/** A percent from 0 to `max`, with up to 2 decimals. */
export const pct = (max = 100): fc.Arbitrary<Decimal> =>
  fc.integer({ min: 0, max: max * 100 }).map((n) => new Decimal(n).dividedBy(100));

/** Any number of decimals, to test rounding. */
export const anyAmount = fc
  .tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([n, places]) => new Decimal(n).dividedBy(new Decimal(10).pow(places)));
