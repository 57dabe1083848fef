import { describe, expect, it } from 'vitest';
import { decide } from '../../src/dialogue/decide.js';
import { buildRules } from '../../src/dialogue/rules.js';
import { emptyState, type ConversationState } from '../../src/dialogue/state.js';
import type { IntentName } from '../../src/nlu/intent-names.js';
import type { ParseResult } from '../../src/nlu/parse.js';
import type { Slots } from '../../src/nlu/slot-schema.js';
import type { Requirements } from '../../src/dialogue/requirements.js';

/** A small medical-contribution declaration, shaped like the real one (src/answers/requirements.ts). */
const medicalNeeds: Requirements = {
  asks: ['employment', 'monthlyIncome', 'region'],
  defaults: { employment: 'employee' },
  alternatives({ slots, scheme }) {
    if (scheme === 'resident') return [{ needs: ['region'] }];
    const employment = slots.employment ?? (scheme === 'employee' ? 'employee' : undefined);
    if (!employment) return [{ needs: ['employment'] }];
    if (employment !== 'employee') return [{ needs: ['region'] }];
    return [
      { needs: ['contributionBase'] },
      { needs: ['monthlyIncome', 'region'] },
      { needs: ['region'], fallback: true },
    ];
  },
};

const rules = buildRules(
  [
    {
      name: 'medical_contribution',
      dialogue: {
        counterpart: 'pension_contribution',
        questions: {
          employment: { text: '你是单位上班还是灵活就业？', buttons: ['单位上班', '灵活就业'] },
          monthlyIncome: { text: '月薪多少？', buttons: ['月薪8000'] },
          region: { text: '在哪个城市？', buttons: ['上饶'] },
        },
      },
    },
    { name: 'pension_contribution', dialogue: { counterpart: 'medical_contribution' } },
    {
      name: 'reimbursement',
      dialogue: { questions: { medicalCost: { text: '花了多少？', buttons: ['3万'] } } },
    },
  ],
  {
    medical_contribution: medicalNeeds,
    reimbursement: { asks: ['medicalCost'], alternatives: () => [{ needs: ['medicalCost'] }] },
  },
);

const xian = { province: '陕西省', city: '西安市', code: '610100' };

function parse(
  name: IntentName,
  slots: Slots = {},
  text = 'x',
  confidence = 0.9,
  ranking?: { name: IntentName; confidence: number }[],
): ParseResult {
  return {
    text,
    intent: { name, confidence },
    ranking: ranking ?? [{ name, confidence }],
    slots,
  };
}

const start = (): ConversationState => emptyState(new Date('2026-11-23T00:00:00Z'));

/** Runs several turns, returning every decision. */
function talk(...turns: ParseResult[]) {
  let state = start();
  return turns.map((p) => {
    const d = decide(state, p, rules);
    state = d.state;
    return d;
  });
}

describe('decide', () => {
  it('asks for one missing slot at a time, then answers', () => {
    const [a, b, c, d] = talk(
      parse('medical_contribution', {}, '我想算医保'),
      parse('inform', { employment: 'employee' }, '单位上班'),
      parse('inform', { monthlyIncome: '8000' }, '8000'),
      parse('inform', { region: xian }, '西安'),
    );
    expect(a!.action).toMatchObject({
      kind: 'ask',
      slot: 'employment',
      buttons: ['单位上班', '灵活就业'],
    });
    expect(b!.action).toMatchObject({ kind: 'ask', slot: 'monthlyIncome' });
    expect(c!.action).toMatchObject({ kind: 'ask', slot: 'region' });
    expect(d!.action).toMatchObject({
      kind: 'answer',
      intent: 'medical_contribution',
      slots: { employment: 'employee', monthlyIncome: '8000', region: xian },
    });
    expect(d!.intent.name).toBe('medical_contribution');
    expect(d!.state.pending).toBeUndefined();
  });

  it('answers at once when everything is given', () => {
    const [a] = talk(parse('medical_contribution', { employment: 'flexible', region: xian }));
    expect(a!.action).toMatchObject({ kind: 'answer', defaulted: [] });
  });

  it('skips asks whose condition does not hold', () => {
    const [a] = talk(parse('medical_contribution', { employment: 'flexible' }));
    expect(a!.action).toMatchObject({ kind: 'ask', slot: 'region' });
  });

  it('takes the stated default when the answer gives nothing ("不知道")', () => {
    const [, b] = talk(parse('medical_contribution'), parse('out_of_scope', {}, '不知道', 0.2));
    expect(b!.action).toMatchObject({ kind: 'ask', slot: 'monthlyIncome' });
    expect(b!.state.slots.employment).toBe('employee');
    expect(b!.state.defaulted).toEqual(['employment']);
  });

  it('goes on without a slot that has no default, and says so', () => {
    const [, , c] = talk(
      parse('medical_contribution', { employment: 'flexible' }),
      parse('inform', {}, '随便'),
      parse('thanks_bye'),
    );
    // 随便 skips the region; the answer lists it as defaulted
    expect(c!.action).toMatchObject({ kind: 'answer', intent: 'thanks_bye' });
    const [, b] = talk(
      parse('medical_contribution', { employment: 'flexible' }),
      parse('inform', {}, '随便'),
    );
    expect(b!.action).toMatchObject({
      kind: 'answer',
      intent: 'medical_contribution',
      defaulted: ['region'],
    });
    expect(b!.action.kind === 'answer' && b!.action.slots.region).toBeUndefined();
  });

  it('never asks the same question three times in a row', () => {
    const decisions = talk(
      parse('medical_contribution', { employment: 'employee' }),
      parse('inform', { age: 35 }, '35岁'),
      parse('inform', { gender: 'male' }, '男'),
    );
    const asks = decisions.map((d) => (d.action.kind === 'ask' ? d.action.slot : d.action.kind));
    expect(asks).toEqual(['monthlyIncome', 'monthlyIncome', 'region']);
  });

  it('replaces a value on correction and answers the topic again', () => {
    const [, b] = talk(
      parse('medical_contribution', {
        employment: 'employee',
        monthlyIncome: '8000',
        region: xian,
      }),
      parse('inform', { monthlyIncome: '9000' }, '不对，月薪9000'),
    );
    expect(b!.action).toMatchObject({
      kind: 'answer',
      intent: 'medical_contribution',
      slots: { monthlyIncome: '9000' },
    });
  });

  it('follows up "那养老呢" with the counterpart topic, keeping the slots', () => {
    const [, b] = talk(
      parse('medical_contribution', {
        employment: 'employee',
        monthlyIncome: '8000',
        region: xian,
      }),
      parse('pension_estimate', {}, '那养老呢', 0.5, [
        { name: 'pension_estimate', confidence: 0.5 },
        { name: 'pension_contribution', confidence: 0.3 },
      ]),
    );
    expect(b!.action).toMatchObject({
      kind: 'answer',
      intent: 'pension_contribution',
      slots: { region: xian },
    });
    expect(b!.intent.name).toBe('pension_contribution');
  });

  it('keeps the person facts but drops the question slots on a new topic', () => {
    const [, b] = talk(
      parse('reimbursement', { medicalCost: '30000', region: xian, age: 40 }),
      parse('medical_contribution', { employment: 'flexible' }),
    );
    expect(b!.state.slots).toEqual({ region: xian, age: 40, employment: 'flexible' });
  });

  it('notes facts given with no question, and keeps them for the next one', () => {
    const [a, b] = talk(
      parse('inform', { age: 35, region: xian }, '35岁，在西安'),
      parse('medical_contribution', { employment: 'flexible' }),
    );
    expect(a!.action).toEqual({
      kind: 'noted',
      slots: { age: 35, region: xian },
      changed: ['age', 'region'],
    });
    expect(b!.action).toMatchObject({ kind: 'answer', slots: { age: 35, region: xian } });
  });

  it('asks before forgetting when the reset was not said outright, and keeps everything', () => {
    const [a, b] = talk(parse('inform', { age: 35 }), {
      ...parse('reset', {}, '这是一段很长的粘贴内容。', 0.32),
      confirm: true as const,
    });
    expect(b!.action).toEqual({ kind: 'confirm_reset' });
    expect(b!.state).toEqual(a!.state);
  });

  it('tells the answer layer which look-alike domain an out-of-scope question is about', () => {
    const [d] = talk({ ...parse('out_of_scope', {}, '公积金交多少'), domain: 'housing_fund' });
    expect(d!.action).toMatchObject({
      kind: 'answer',
      intent: 'out_of_scope',
      domain: 'housing_fund',
    });
  });

  it('forgets everything on reset', () => {
    const [, b] = talk(parse('inform', { age: 35 }), parse('reset'));
    expect(b!.action).toEqual({ kind: 'reset' });
    expect(b!.state.slots).toEqual({});
    expect(b!.state.topic).toBeUndefined();
  });

  it('offers the two likeliest topics on a near tie', () => {
    const [a] = talk(
      parse('medical_contribution', {}, '医保', 0.4, [
        { name: 'medical_contribution', confidence: 0.4 },
        { name: 'reimbursement', confidence: 0.35 },
      ]),
    );
    expect(a!.action).toEqual({
      kind: 'clarify',
      options: ['medical_contribution', 'reimbursement'],
    });
  });

  it('answers small talk without losing the pending question', () => {
    const [, b, c] = talk(
      parse('reimbursement'),
      parse('greet', {}, '你好'),
      parse('inform', { medicalCost: '30000' }, '3万'),
    );
    expect(b!.action).toMatchObject({ kind: 'answer', intent: 'greet' });
    expect(c!.action).toMatchObject({
      kind: 'answer',
      intent: 'reimbursement',
      slots: { medicalCost: '30000' },
    });
  });
});

describe('buildRules', () => {
  it('fails when the answer may ask for a slot the intent file has no question for', () => {
    expect(() =>
      buildRules([{ name: 'retirement_age', dialogue: { questions: {} } }], {
        retirement_age: { asks: ['gender'], alternatives: () => [{ needs: ['gender'] }] },
      }),
    ).toThrow(/intents\/retirement_age\.yaml.*questions\.gender/);
  });

  it('rejects an unknown key, and the old asks list', () => {
    expect(() => buildRules([{ name: 'hotline', dialogue: { nope: 1 } }])).toThrow(/hotline/);
    expect(() => buildRules([{ name: 'hotline', dialogue: { asks: [] } }])).toThrow(/hotline/);
  });
});

describe('the insurance a question names', () => {
  const named = (name: IntentName, scheme: 'employee' | 'resident', slots: Slots = {}) => ({
    ...parse(name, slots),
    scheme,
  });

  it('does not ask for the job when the question names 居民医保, and answers with it', () => {
    const [asked, answered] = talk(
      named('medical_contribution', 'resident'),
      parse('inform', { region: xian }),
    );
    expect(asked!.action).toMatchObject({ kind: 'ask', slot: 'region' });
    expect(asked!.state.scheme).toBe('resident');
    expect(answered!.action).toMatchObject({
      kind: 'answer',
      intent: 'medical_contribution',
      scheme: 'resident',
    });
    expect(answered!.action.kind === 'answer' && answered!.action.slots.employment).toBe(undefined);
  });

  it('does not ask for the job when the question names 职工医保 either: asks the income', () => {
    const [asked] = talk(named('medical_contribution', 'employee', { region: xian }));
    expect(asked!.action).toMatchObject({ kind: 'ask', slot: 'monthlyIncome' });
  });

  it('keeps it for a follow-up on the other insurance, drops it for a new question', () => {
    const [, followUp, other] = talk(
      named('medical_contribution', 'resident', { region: xian }),
      parse('pension_contribution', {}, '那养老呢'),
      parse('reimbursement', { medicalCost: '30000' }),
    );
    expect(followUp!.action).toMatchObject({ kind: 'answer', scheme: 'resident' });
    expect(other!.action).toMatchObject({ kind: 'answer', intent: 'reimbursement' });
    expect(other!.action.kind === 'answer' && other!.action.scheme).toBe(undefined);
    expect(other!.state.scheme).toBeUndefined();
    // the other insurance asked as a question of its own, not as "那…呢": dropped too
    const [, ownQuestion] = talk(
      named('medical_contribution', 'resident', { region: xian }),
      parse('pension_contribution', {}, '养老保险一个月交多少'),
    );
    expect(ownQuestion!.action.kind === 'answer' && ownQuestion!.action.scheme).toBe(undefined);
  });

  it("lets the person's job and region carry over while the insurance changes", () => {
    const [first, second] = talk(
      named('medical_contribution', 'resident', { region: xian, employment: 'flexible' }),
      named('medical_contribution', 'employee'),
    );
    expect(first!.action).toMatchObject({ kind: 'answer', scheme: 'resident' });
    expect(second!.action).toMatchObject({
      kind: 'answer',
      scheme: 'employee',
      slots: { region: xian, employment: 'flexible' },
    });
  });

  it('takes "居民医保" in answer to the job question as the answer, not as a new topic', () => {
    const [asked, answered] = talk(parse('medical_contribution', { region: xian }, '医保交多少'), {
      ...parse('compare_medical_types', {}, '居民医保'),
      scheme: 'resident' as const,
    });
    expect(asked!.action).toMatchObject({ kind: 'ask', slot: 'employment' });
    expect(answered!.action).toMatchObject({
      kind: 'answer',
      intent: 'medical_contribution',
      scheme: 'resident',
    });
    // a question about the insurance is a new topic still
    const [, newTopic] = talk(parse('medical_contribution', { region: xian }, '医保交多少'), {
      ...parse('compare_medical_types', {}, '居民医保和职工医保哪个好'),
      scheme: undefined,
    });
    expect(newTopic!.action).toMatchObject({ intent: 'compare_medical_types' });
  });
});
