import { Decimal } from 'decimal.js';
import {
  CalcInputError,
  dec,
  formatMoney,
  formatPct,
  ofPct,
  roundMoney,
  type DecimalLike,
} from './money.js';
import { step, type Step, type StepNote } from './step.js';

/** A scheme's inpatient rule at one hospital level (inputs from the policy data). */
export interface ReimbursementRule {
  /** 起付线 (元). */
  deductible: DecimalLike;
  /** Fund ratio above the deductible, in percent (85). */
  ratioPct: DecimalLike;
  /** Percentage points added for retirees, where the region has an uplift. */
  retiredUpliftPct?: DecimalLike;
  /** Most the fund pays in a year (元); absent: no cap applied. */
  annualCap?: DecimalLike;
}

export interface ReimbursementInput {
  /** The hospital bill (元). */
  bill: DecimalLike;
  rule: ReimbursementRule;
  retired?: boolean;
  /** Percent of the bill inside the policy range (合规费用); absent: the whole bill (assumed). */
  policyRangePct?: DecimalLike;
  /** Already reimbursed this year, counted against the annual cap. */
  reimbursedEarlierThisYear?: DecimalLike;
}

export interface ReimbursementResult {
  bill: Decimal;
  inPolicyRange: Decimal;
  deductible: Decimal;
  /** max(inPolicyRange − deductible, 0). */
  aboveDeductible: Decimal;
  /** The ratio used (with any retiree uplift, at most 100). */
  ratioPct: Decimal;
  /** aboveDeductible × ratio, before the cap. */
  beforeCap: Decimal;
  reimbursed: Decimal;
  capApplied: boolean;
  /** bill − reimbursed. */
  outOfPocket: Decimal;
  /** Where the out-of-pocket money comes from; the parts add up to `outOfPocket`. */
  outOfPocketParts: {
    outsidePolicyRange: Decimal;
    deductible: Decimal;
    coPay: Decimal;
    aboveCap: Decimal;
  };
  steps: Step[];
}

/**
 * An estimate of a hospital bill's reimbursement: (in-range − deductible) × ratio, limited by
 * what is left of the annual cap. reimbursed + outOfPocket = bill, always.
 */
export function reimbursement(input: ReimbursementInput): ReimbursementResult {
  const bill = roundMoney(dec(input.bill, 'bill'));
  const steps: Step[] = [];
  let inPolicyRange = bill;
  if (input.policyRangePct === undefined) {
    steps.push(
      step('in_policy_range', 'bill', { bill: formatMoney(bill) }, formatMoney(bill), [
        'whole_bill_assumed_in_policy_range',
      ]),
    );
  } else {
    const pct = dec(input.policyRangePct, 'policyRangePct');
    if (pct.greaterThan(100)) throw new CalcInputError('policyRangePct', 'is above 100');
    inPolicyRange = roundMoney(ofPct(bill, pct));
    steps.push(
      step(
        'in_policy_range',
        'bill × policyRangePct',
        { bill: formatMoney(bill), policyRangePct: formatPct(pct) },
        formatMoney(inPolicyRange),
      ),
    );
  }
  const deductibleRule = roundMoney(dec(input.rule.deductible, 'rule.deductible'));
  const deductible = Decimal.min(deductibleRule, inPolicyRange);
  const aboveDeductible = inPolicyRange.minus(deductible);
  steps.push(
    step(
      'above_deductible',
      'max(inPolicyRange − deductible, 0)',
      { inPolicyRange: formatMoney(inPolicyRange), deductible: formatMoney(deductibleRule) },
      formatMoney(aboveDeductible),
    ),
  );
  const { ratioPct, ratioStep } = effectiveRatio(input);
  if (ratioStep) steps.push(ratioStep);
  const beforeCap = roundMoney(ofPct(aboveDeductible, ratioPct));
  steps.push(
    step(
      'reimbursed_before_cap',
      'aboveDeductible × ratioPct',
      { aboveDeductible: formatMoney(aboveDeductible), ratioPct: formatPct(ratioPct) },
      formatMoney(beforeCap),
    ),
  );
  let reimbursed = beforeCap;
  let capApplied = false;
  if (input.rule.annualCap !== undefined) {
    const cap = roundMoney(dec(input.rule.annualCap, 'rule.annualCap'));
    const earlier = roundMoney(
      dec(input.reimbursedEarlierThisYear ?? 0, 'reimbursedEarlierThisYear'),
    );
    const left = Decimal.max(cap.minus(earlier), 0);
    capApplied = beforeCap.greaterThan(left);
    reimbursed = Decimal.min(beforeCap, left);
    steps.push(
      step(
        'reimbursed',
        'min(beforeCap, annualCap − reimbursedEarlier)',
        {
          beforeCap: formatMoney(beforeCap),
          annualCap: formatMoney(cap),
          reimbursedEarlier: formatMoney(earlier),
        },
        formatMoney(reimbursed),
        capApplied ? ['cap_applied'] : [],
      ),
    );
  }
  const outOfPocket = bill.minus(reimbursed);
  steps.push(
    step(
      'out_of_pocket',
      'bill − reimbursed',
      { bill: formatMoney(bill), reimbursed: formatMoney(reimbursed) },
      formatMoney(outOfPocket),
    ),
  );
  return {
    bill,
    inPolicyRange,
    deductible,
    aboveDeductible,
    ratioPct,
    beforeCap,
    reimbursed,
    capApplied,
    outOfPocket,
    outOfPocketParts: {
      outsidePolicyRange: bill.minus(inPolicyRange),
      deductible,
      coPay: aboveDeductible.minus(beforeCap),
      aboveCap: beforeCap.minus(reimbursed),
    },
    steps,
  };
}

function effectiveRatio(input: ReimbursementInput): { ratioPct: Decimal; ratioStep?: Step } {
  const ratio = dec(input.rule.ratioPct, 'rule.ratioPct');
  if (ratio.greaterThan(100)) throw new CalcInputError('rule.ratioPct', 'is above 100');
  if (!input.retired || input.rule.retiredUpliftPct === undefined) return { ratioPct: ratio };
  const uplift = dec(input.rule.retiredUpliftPct, 'rule.retiredUpliftPct');
  const raw = ratio.plus(uplift);
  const ratioPct = Decimal.min(raw, 100);
  const notes: StepNote[] = ['retired_uplift_applied'];
  if (raw.greaterThan(100)) notes.push('ratio_limited_to_100');
  return {
    ratioPct,
    ratioStep: step(
      'ratio',
      'min(ratioPct + retiredUpliftPct, 100%)',
      { ratioPct: formatPct(ratio), retiredUpliftPct: formatPct(uplift) },
      formatPct(ratioPct),
      notes,
    ),
  };
}
