/**
 * One step of a calculation: what was computed, by which formula, from which values, with
 * which result. Steps are data, not wording: `src/answers/` turns them into reply text.
 *
 * - `label` is a stable code naming the figure (`'individual'`, `'base'`, `'divisor'`).
 * - `formula` names the values it uses, with `×`, `÷`, `+`, `−`, `min`, `max`
 *   (`'base × individualPct'`).
 * - `values` holds every name the formula uses, formatted: money by `formatMoney`, percents as
 *   `'8%'`, other numbers in plain decimal notation.
 * - `result` is the figure as shown (money by `formatMoney`).
 * - `notes` are codes for facts the reply must mention (an assumption, a cap that applied).
 */
export interface Step {
  label: string;
  formula: string;
  values: Record<string, string>;
  result: string;
  notes?: StepNote[];
}

/** Codes for facts about a step the reply should mention. */
export type StepNote =
  /** The income was below the floor, so the base was raised to it. */
  | 'raised_to_floor'
  /** The income was above the cap, so the base was cut to it. */
  | 'cut_to_cap'
  /** Floor and cap were worked out from the average wage and the band percents. */
  | 'band_from_average_wage'
  /** A figure is a projection under stated assumptions, not a record. */
  | 'projection'
  /** The projection assumes the same base in every year. */
  | 'constant_base_assumed'
  /** The projection credits no interest (no rates given). */
  | 'no_interest'
  /** Fewer credited rates than years were given: the last rate is used for the later years. */
  | 'last_rate_repeated'
  /** Contributions of a year earn interest from the next year on (a simplification). */
  | 'interest_from_next_year'
  /** 计发月数 interpolated linearly between whole ages and rounded. */
  | 'divisor_interpolated'
  /** A monthly figure derived from a fixed yearly amount (yearly ÷ 12). */
  | 'monthly_from_yearly'
  /** The whole bill was assumed to be inside the policy range (no share given). */
  | 'whole_bill_assumed_in_policy_range'
  /** The annual cap limited the reimbursement. */
  | 'cap_applied'
  /** The retiree uplift was added to the ratio. */
  | 'retired_uplift_applied'
  /** The ratio (with uplift) was limited to 100 %. */
  | 'ratio_limited_to_100'
  /** A subsidy was larger than the contribution and was limited to it. */
  | 'subsidy_limited_to_contribution'
  /** Years paid were not a whole number of months and were rounded down to a month. */
  | 'paid_rounded_down_to_month'
  /** The flexible window's earliest age was limited by the old statutory age. */
  | 'limited_by_old_age'
  /** Born before the group's first affected birth month: no delay. */
  | 'born_before_reform'
  /** The delay reached the group's maximum. */
  | 'full_delay'
  /** The contribution index was worked out from the chosen base and the average wage. */
  | 'index_from_chosen_base'
  /** A chosen base outside the band was moved into it. */
  | 'chosen_base_moved_into_band';

export function step(
  label: string,
  formula: string,
  values: Record<string, string>,
  result: string,
  notes?: StepNote[],
): Step {
  return notes && notes.length > 0
    ? { label, formula, values, result, notes }
    : { label, formula, values, result };
}
