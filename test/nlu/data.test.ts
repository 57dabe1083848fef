import type { SlotName } from '../../src/nlu/slot-schema.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChatTexts } from '../../src/answers/texts.js';
import { buildRules } from '../../src/dialogue/rules.js';
import { HELDOUT_FILES, heldoutFiles, loadLabelled } from '../../src/nlu/evaluate.js';
import { INTENT_NAMES } from '../../src/nlu/intent-names.js';
import { loadIntents } from '../../src/nlu/intents.js';
import { loadLexicon } from '../../src/nlu/lexicon.js';
import { createUnderstanding } from '../../src/nlu/parse.js';
import { normalize } from '../../src/nlu/normalize.js';
import { SlotsSchema } from '../../src/nlu/slot-schema.js';

const intents = loadIntents();
const understanding = createUnderstanding({ intents, lexicon: loadLexicon() });
const now = new Date('2026-11-23T12:00:00+08:00');

describe('intents/', () => {
  it('has one file for every intent of the contract', () => {
    expect(intents.map((i) => i.name).sort()).toEqual([...INTENT_NAMES].sort());
  });

  it.each(intents.map((i) => [i.name, i.examples.length] as const))(
    '%s has at least 40 examples',
    (_, count) => {
      expect(count).toBeGreaterThanOrEqual(40);
    },
  );

  it('has no example twice', () => {
    const all = intents.flatMap((i) => i.examples.map((e) => normalize(e)));
    const dupes = all.filter((e, i) => all.indexOf(e) !== i);
    expect(dupes).toEqual([]);
  });
});

describe.each(HELDOUT_FILES.map((file) => [basename(file), loadLabelled(file)] as const))(
  'the held-out file %s',
  (_, heldout) => {
    it('shares no sentence with the training examples', () => {
      const training = new Set(intents.flatMap((i) => i.examples.map((e) => normalize(e))));
      const shared = heldout.map((h) => h.text).filter((t) => training.has(normalize(t)));
      expect(shared).toEqual([]);
    });

    it('has at least 250 utterances, 8 for every intent, with valid labels', () => {
      expect(heldout.length).toBeGreaterThanOrEqual(250);
      for (const name of INTENT_NAMES) {
        expect(heldout.filter((h) => h.intent === name).length, name).toBeGreaterThanOrEqual(8);
      }
      for (const h of heldout) expect(SlotsSchema.safeParse(h.slots).success, h.text).toBe(true);
    });
  },
);

describe('the held-out files', () => {
  it('are every test/fixtures/nlu-heldout*.jsonl, the first two included', () => {
    const names = HELDOUT_FILES.map((f) => basename(f));
    expect(names).toEqual(expect.arrayContaining(['nlu-heldout.jsonl', 'nlu-heldout-blind.jsonl']));
    expect(names.every((n) => /^nlu-heldout.*\.jsonl$/.test(n))).toBe(true);
  });

  it('share no sentence with each other', () => {
    const texts = HELDOUT_FILES.map((f) => loadLabelled(f).map((h) => normalize(h.text)));
    for (let a = 0; a < texts.length; a++) {
      for (let b = a + 1; b < texts.length; b++) {
        const shared = texts[b]!.filter((t) => texts[a]!.includes(t));
        expect(shared, `${HELDOUT_FILES[a]} and ${HELDOUT_FILES[b]}`).toEqual([]);
      }
    }
  });
});

describe('heldoutFiles', () => {
  it('finds every nlu-heldout*.jsonl of a folder, in name order, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heldout-'));
    for (const f of [
      'nlu-heldout.jsonl',
      'nlu-heldout-wild.jsonl',
      'other.jsonl',
      'nlu-heldout.txt',
    ])
      writeFileSync(join(dir, f), '');
    expect(heldoutFiles(dir).map((f) => basename(f))).toEqual([
      'nlu-heldout-wild.jsonl',
      'nlu-heldout.jsonl',
    ]);
  });
});

describe('the domain gate', () => {
  const chat = loadChatTexts();
  it.each([...loadLexicon().domains.keys()])('has a reply line for the domain %s', (domain) => {
    expect(chat.other_domains[domain]).toBeTruthy();
  });
});

describe('buttons the bot offers', () => {
  const chat = loadChatTexts();
  it.each(chat.confirm_reset_buttons)('the reset confirmation button "%s" resets at once', (b) => {
    const parsed = understanding.parse(b, now);
    expect(parsed.intent.name).toBe('reset');
    expect(parsed).not.toHaveProperty('confirm');
  });

  it.each(Object.entries(chat.titles))(
    'the title of %s is understood as that intent',
    (name, title) => {
      expect(understanding.parse(title, now).intent.name).toBe(name);
    },
  );

  const rules = buildRules(intents);
  const asks = [...rules].flatMap(([intent, block]) =>
    Object.entries(block.questions).flatMap(([slot, q]) =>
      q!.buttons.filter((b) => b !== '不知道').map((b) => [intent, slot as SlotName, b] as const),
    ),
  );
  it.each(asks)('%s asks for %s: the button "%s" fills it', (_, slot, button) => {
    expect(understanding.parse(button, now).slots[slot]).toBeDefined();
  });
});
