import type { Scheme } from '../../nlu/scheme.js';
import type { Slots } from '../../nlu/slot-schema.js';

/** The insurance a contribution question is about, from the scheme named or the job. */
export type ContributionKind = 'employee' | 'flexible' | 'resident' | 'retiree' | 'unknown';

const RESIDENT_JOBS = new Set<Slots['employment']>(['unemployed', 'student', 'farmer']);

export function contributionKind(
  { slots, scheme }: { slots: Slots; scheme?: Scheme | undefined },
  insurance: 'medical' | 'pension',
): ContributionKind {
  if (scheme === 'resident') return 'resident';
  const e = slots.employment;
  if (e === 'flexible') return 'flexible';
  if (e === 'retiree') return 'retiree';
  if (scheme === 'employee') return e === 'unemployed' ? 'flexible' : 'employee';
  if (e === 'employee') return 'employee';
  if (e && RESIDENT_JOBS.has(e))
    return insurance === 'pension' && e === 'unemployed' ? 'flexible' : 'resident';
  if (slots.specialGroup && insurance === 'medical') return 'resident';
  // a base or an average wage is said only of the employee schemes
  if (slots.contributionBase !== undefined || slots.averageWage !== undefined) return 'employee';
  return 'unknown';
}

/** The kind an answer computes: an unknown job is taken as an employee's (and said so). */
export function answerKind(
  slots: Slots,
  scheme: Scheme | undefined,
  insurance: 'medical' | 'pension',
): Exclude<ContributionKind, 'unknown'> {
  const kind = contributionKind({ slots, scheme }, insurance);
  return kind === 'unknown' ? 'employee' : kind;
}

/**
 * Which pension a person draws when the question does not name one: a farmer, or someone from
 * the countryside with no job named, is in the urban-rural resident scheme; everyone else in the
 * employee scheme (the answer says which it assumed).
 */
export function pensionScheme(slots: Slots, scheme: Scheme | undefined): Scheme {
  if (scheme) return scheme;
  const e = slots.employment;
  if (e === 'farmer') return 'resident';
  if (slots.hukou === 'rural' && (e === undefined || e === 'unemployed')) return 'resident';
  return 'employee';
}
