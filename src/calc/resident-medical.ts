import type { Decimal } from 'decimal.js';
import { dec, formatMoney, formatPct, ofPct, roundMoney, type DecimalLike } from './money.js';
import { step, type Step, type StepNote } from './step.js';

/**
 * Help a special group gets with the individual contribution:
 * - `none`: pays the full contribution;
 * - `full`: the whole contribution is paid for them (特困人员);
 * - `fixed`: a fixed subsidy amount (元/年);
 * - `ratio`: a percent of the contribution (60 = 60 %).
 */
export type ResidentSubsidy =
  | { kind: 'none' }
  | { kind: 'full' }
  | { kind: 'fixed'; amount: DecimalLike }
  | { kind: 'ratio'; pct: DecimalLike };

export interface ResidentMedicalInput {
  /** The annual individual contribution of the year (元/年), e.g. 400. */
  individualAnnual: DecimalLike;
  subsidy?: ResidentSubsidy;
  /** The government's per-person fiscal subsidy (元/年), shown as what the fund adds. */
  fiscalSubsidyAnnual?: DecimalLike;
}

export interface ResidentMedicalResult {
  /** The standard individual contribution. */
  contribution: Decimal;
  /** What the group subsidy pays of it (0 without one). */
  subsidy: Decimal;
  /** What the person pays: contribution − subsidy. */
  payable: Decimal;
  fiscalSubsidy?: Decimal;
  /** contribution + fiscal subsidy: the per-person financing, when the fiscal subsidy is given. */
  totalFinancing?: Decimal;
  steps: Step[];
}

/** Resident medical insurance: the year's contribution and what a special group pays. */
export function residentMedical(input: ResidentMedicalInput): ResidentMedicalResult {
  const contribution = roundMoney(dec(input.individualAnnual, 'individualAnnual'));
  const rule = input.subsidy ?? { kind: 'none' };
  const steps: Step[] = [];
  let subsidy = roundMoney(0);
  const c = formatMoney(contribution);
  if (rule.kind === 'full') {
    subsidy = contribution;
    steps.push(step('subsidy', 'contribution', { contribution: c }, formatMoney(subsidy)));
  } else if (rule.kind === 'fixed') {
    const amount = roundMoney(dec(rule.amount, 'subsidy.amount'));
    subsidy = amount.greaterThan(contribution) ? contribution : amount;
    const notes: StepNote[] = amount.greaterThan(contribution)
      ? ['subsidy_limited_to_contribution']
      : [];
    steps.push(
      step(
        'subsidy',
        'min(amount, contribution)',
        { amount: formatMoney(amount), contribution: c },
        formatMoney(subsidy),
        notes,
      ),
    );
  } else if (rule.kind === 'ratio') {
    const pct = dec(rule.pct, 'subsidy.pct');
    const raw = roundMoney(ofPct(contribution, pct));
    subsidy = raw.greaterThan(contribution) ? contribution : raw;
    const notes: StepNote[] = raw.greaterThan(contribution)
      ? ['subsidy_limited_to_contribution']
      : [];
    steps.push(
      step(
        'subsidy',
        'contribution × subsidyPct',
        { contribution: c, subsidyPct: formatPct(pct) },
        formatMoney(subsidy),
        notes,
      ),
    );
  }
  const payable = contribution.minus(subsidy);
  steps.push(
    step(
      'payable',
      'contribution − subsidy',
      { contribution: c, subsidy: formatMoney(subsidy) },
      formatMoney(payable),
    ),
  );
  const result: ResidentMedicalResult = { contribution, subsidy, payable, steps };
  if (input.fiscalSubsidyAnnual !== undefined) {
    const fiscal = roundMoney(dec(input.fiscalSubsidyAnnual, 'fiscalSubsidyAnnual'));
    result.fiscalSubsidy = fiscal;
    result.totalFinancing = contribution.plus(fiscal);
    steps.push(
      step(
        'total_financing',
        'contribution + fiscalSubsidy',
        { contribution: c, fiscalSubsidy: formatMoney(fiscal) },
        formatMoney(result.totalFinancing),
      ),
    );
  }
  return result;
}
