import type { PersonRef } from '../nlu/person-ref.js';
import { SELF } from '../nlu/person-ref.js';
import type { Slots } from '../nlu/slot-schema.js';
import type { ConversationState } from './state.js';

/**
 * Whom a question is about. The conversation keeps each person's facts apart: the asker's stay
 * the asker's while they ask for their mother, and "那我呢" brings them back. A question about a
 * new person starts from nothing of theirs but the place (a family is usually insured where it
 * lives; the reply says whose figures they are).
 */

/** Facts that carry over to a relative talked about for the first time. */
const SHARED: readonly (keyof Slots)[] = ['region'];

/** The conversation about `person`, with the current person's facts put aside. */
export function aboutPerson(
  state: ConversationState,
  person: PersonRef | undefined,
): ConversationState {
  const current = state.subject?.key ?? SELF;
  if (!person || person.key === current) return state;
  const people = { ...(state.people ?? {}), [current]: state.slots };
  const known = people[person.key];
  const seed: Slots = {};
  for (const k of SHARED)
    if (state.slots[k] !== undefined) (seed as Record<string, unknown>)[k] = state.slots[k];
  const { [person.key]: _taken, ...others } = people;
  const { subject: _old, ...rest } = state;
  return {
    ...rest,
    slots: known ?? seed,
    people: others,
    defaulted: [],
    pending: undefined,
    ...(person.key === SELF
      ? {}
      : { subject: { key: person.key, label: person.label ?? person.key } }),
  };
}
