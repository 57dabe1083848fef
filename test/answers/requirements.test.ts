import { describe, expect, it } from 'vitest';
import { createCalculators } from '../../src/answers/calculators.js';
import { createRequirements } from '../../src/answers/requirements.js';
import { nextStep, slotsUsed } from '../../src/dialogue/requirements.js';
import { buildRules } from '../../src/dialogue/rules.js';
import { loadIntents } from '../../src/nlu/intents.js';
import type { IntentName } from '../../src/nlu/intent-names.js';
import type { Scheme } from '../../src/nlu/scheme.js';
import { SlotsSchema, type SlotName, type Slots } from '../../src/nlu/slot-schema.js';
import { NANCHANG, now, policies } from './helpers.js';

const requirements = createRequirements(policies);
const calculators = createCalculators(policies);

/** A value for every slot an alternative may need, and how it shows in an answer. */
const SAMPLE: Partial<Record<SlotName, { value: unknown; shows: RegExp }>> = {
  region: { value: NANCHANG, shows: /南昌|江西/ },
  monthlyIncome: { value: '6000', shows: /6000/ },
  contributionBase: { value: '5000', shows: /5000/ },
  averageWage: { value: '8000', shows: /8000/ },
  contributionYears: { value: 20, shows: /20年/ },
  accountBalance: { value: '100000', shows: /100000/ },
  retirementAge: { value: 60, shows: /60岁/ },
  gender: { value: 'male', shows: /男/ },
  birthYear: { value: 1975, shows: /1975/ },
  age: { value: 51, shows: /51|1975/ },
  medicalCost: { value: '30000', shows: /30000/ },
  specialGroup: { value: 'dibao', shows: /低保/ },
  jobCategory: { value: 'worker', shows: /工人/ },
  retirementYear: { value: 2030, shows: /2030/ },
  employment: { value: 'employee', shows: /./ },
};

/** The situations an answer's alternatives depend on: the job and the insurance named. */
const SITUATIONS: {
  employment?: Slots['employment'];
  scheme?: Scheme;
  gender?: Slots['gender'];
}[] = [
  {},
  { employment: 'employee' },
  { employment: 'flexible' },
  { employment: 'unemployed' },
  { employment: 'student' },
  { employment: 'retiree' },
  { scheme: 'employee' },
  { scheme: 'resident' },
  { gender: 'female' },
];

const cases = (
  Object.entries(requirements) as [IntentName, NonNullable<(typeof requirements)[IntentName]>][]
).flatMap(([intent, req]) =>
  SITUATIONS.flatMap((situation) => {
    const base: Slots = {
      ...(situation.employment ? { employment: situation.employment } : {}),
      ...(situation.gender ? { gender: situation.gender } : {}),
    };
    const scheme = situation.scheme;
    return req
      .alternatives({ slots: base, ...(scheme ? { scheme } : {}) })
      .map(
        (alt, i) =>
          [
            intent,
            JSON.stringify(situation),
            i,
            alt.needs.join('+') || '(nothing)',
            base,
            scheme,
            alt,
          ] as const,
      );
  }),
);

describe('what each answer needs (src/answers/requirements.ts)', () => {
  it('every slot an answer may ask for has a question in its intent file', () => {
    expect(() => buildRules(loadIntents(), requirements)).not.toThrow();
  });

  it('every default is a valid value of its slot', () => {
    for (const req of Object.values(requirements)) {
      for (const [slot, value] of Object.entries(req!.defaults ?? {})) {
        expect(SlotsSchema.shape[slot as SlotName].safeParse(value).success).toBe(true);
      }
    }
  });

  it.each(cases)(
    '%s %s alternative %i (%s): answered from exactly that set, with its figures',
    (intent, _situation, _i, _names, base, scheme, alt) => {
      const slots: Record<string, unknown> = { ...base };
      for (const s of [...alt.needs, ...(alt.optional ?? [])]) slots[s] ??= SAMPLE[s]!.value;
      const ctx = { slots: slots as Slots, ...(scheme ? { scheme } : {}) };
      // with that set, the dialogue asks nothing more (a fallback: once the better ones failed)
      const req = requirements[intent]!;
      const dropped = alt.fallback ? req.asks.filter((s) => !alt.needs.includes(s)) : [];
      expect(nextStep(req, ctx, dropped)).toEqual({ kind: 'answer' });
      // and the answer uses each of its inputs, and gives figures
      const reply = calculators[intent]!({
        slots: ctx.slots,
        defaulted: [],
        now,
        ...(scheme ? { scheme } : {}),
      });
      for (const s of alt.needs) {
        if (base[s] === undefined)
          expect(reply.text, `${s} in ${reply.text}`).toMatch(SAMPLE[s]!.shows);
      }
      if (alt.needs.length > 0) expect(reply.text).toMatch(/\d/);
    },
  );

  it.each(cases.filter(([, , , , , , alt]) => alt.needs.length > 0 && !alt.fallback))(
    '%s %s alternative %i (%s): without one of its slots, the dialogue does not answer from it',
    (intent, _situation, _i, _names, base, scheme, alt) => {
      const req = requirements[intent]!;
      for (const missing of alt.needs.filter((s) => base[s] === undefined)) {
        const slots: Record<string, unknown> = { ...base };
        for (const s of alt.needs) if (s !== missing) slots[s] ??= SAMPLE[s]!.value;
        const step = nextStep(req, { slots: slots as Slots, ...(scheme ? { scheme } : {}) }, []);
        // either it asks for what is missing (or another alternative's slot), or another
        // alternative is complete: never an answer that needs the missing slot
        if (step.kind === 'answer') {
          const others = req
            .alternatives({ slots: slots as Slots, ...(scheme ? { scheme } : {}) })
            .filter((a) => a.needs.every((s) => slots[s] !== undefined));
          expect(others.length, `${intent} answered without ${missing}`).toBeGreaterThan(0);
        } else {
          expect(req.asks).toContain(step.slot);
        }
      }
    },
  );

  it('asks only for slots it declares, and uses only slots it can be given', () => {
    for (const [intent, req] of Object.entries(requirements)) {
      for (const situation of SITUATIONS) {
        const used = slotsUsed(
          req!.alternatives({
            slots: situation as Slots,
            ...(situation.scheme ? { scheme: situation.scheme } : {}),
          }),
        );
        for (const s of used) expect(SAMPLE[s], `${intent} uses ${s}`).toBeDefined();
      }
    }
  });
});
