import type { Decimal } from 'decimal.js';
import {
  CalcInputError,
  dec,
  formatMoney,
  formatPct,
  ofPct,
  roundMoney,
  type DecimalLike,
} from './money.js';
import { step, type Step } from './step.js';

/**
 * The contribution base band (元/月): a published floor and cap, or percents of the average
 * wage it rests on (60 % / 300 % of 7570 -> 4542 / 22710). Derived limits are rounded to the fen;
 * a bureau may round its published figures differently, so prefer published ones.
 */
export type BaseBand =
  | { floor: DecimalLike; cap: DecimalLike }
  | { averageWage: DecimalLike; floorPct: DecimalLike; capPct: DecimalLike };

export interface ResolvedBand {
  floor: Decimal;
  cap: Decimal;
  /** The average wage when the band was derived from it. */
  averageWage?: Decimal;
  steps: Step[];
}

export type BaseAdjustment = 'none' | 'raised_to_floor' | 'cut_to_cap';

export interface ClampBaseInput {
  /** Monthly income (元/月). */
  income: DecimalLike;
  band: BaseBand;
}

export interface ClampBaseResult {
  income: Decimal;
  floor: Decimal;
  cap: Decimal;
  /** The contribution base: income clamped to [floor, cap], to the fen. */
  base: Decimal;
  adjustment: BaseAdjustment;
  steps: Step[];
}

/** Floor and cap of a band, derived from the average wage when not given directly. */
export function resolveBand(band: BaseBand): ResolvedBand {
  if ('floor' in band) {
    const floor = roundMoney(dec(band.floor, 'band.floor'));
    const cap = roundMoney(dec(band.cap, 'band.cap'));
    checkOrder(floor, cap);
    return { floor, cap, steps: [] };
  }
  const averageWage = dec(band.averageWage, 'band.averageWage', { positive: true });
  const floorPct = dec(band.floorPct, 'band.floorPct');
  const capPct = dec(band.capPct, 'band.capPct');
  const floor = roundMoney(ofPct(averageWage, floorPct));
  const cap = roundMoney(ofPct(averageWage, capPct));
  checkOrder(floor, cap);
  const wage = formatMoney(averageWage);
  return {
    floor,
    cap,
    averageWage,
    steps: [
      step(
        'floor',
        'averageWage × floorPct',
        { averageWage: wage, floorPct: formatPct(floorPct) },
        formatMoney(floor),
        ['band_from_average_wage'],
      ),
      step(
        'cap',
        'averageWage × capPct',
        { averageWage: wage, capPct: formatPct(capPct) },
        formatMoney(cap),
        ['band_from_average_wage'],
      ),
    ],
  };
}

function checkOrder(floor: Decimal, cap: Decimal): void {
  if (floor.greaterThan(cap)) {
    throw new CalcInputError('band', `floor ${floor.toFixed()} is above cap ${cap.toFixed()}`);
  }
}

/** Where a monthly amount falls in a resolved band, and the amount moved into it. */
export function clampToBand(
  amount: Decimal,
  band: ResolvedBand,
): { value: Decimal; adjustment: BaseAdjustment } {
  if (amount.lessThan(band.floor)) return { value: band.floor, adjustment: 'raised_to_floor' };
  if (amount.greaterThan(band.cap)) return { value: band.cap, adjustment: 'cut_to_cap' };
  return { value: amount, adjustment: 'none' };
}

/** The contribution base: income clamped to [floor, cap], saying whether it was moved. */
export function clampBase(input: ClampBaseInput): ClampBaseResult {
  const income = roundMoney(dec(input.income, 'income'));
  const band = resolveBand(input.band);
  const { value: base, adjustment } = clampToBand(income, band);
  const baseStep = step(
    'base',
    'min(max(income, floor), cap)',
    { income: formatMoney(income), floor: formatMoney(band.floor), cap: formatMoney(band.cap) },
    formatMoney(base),
    adjustment === 'none' ? [] : [adjustment],
  );
  return {
    income,
    floor: band.floor,
    cap: band.cap,
    base,
    adjustment,
    steps: [...band.steps, baseStep],
  };
}
