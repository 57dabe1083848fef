import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../paths.js';
import { GENDERS, type Slots } from './slot-schema.js';

/**
 * Who a question is about: the asker ("那我呢"), or a relative named with a kinship word
 * ("帮我妈问下", "那我爸呢", "我老伴…", "孩子呢"). The words live in
 * intents/lexicon/kinship.yaml; a word gives the person's gender only where it settles it
 * (妈 female, 爸 male; 老伴 does not, but 她/他 in the same message does).
 */

const PersonSchema = z
  .object({
    label: z.string().min(1),
    gender: z.enum(GENDERS).optional(),
    words: z.array(z.string().min(1)).min(1),
  })
  .strict();
const KinshipSchema = z.record(z.string().regex(/^[a-z_]+$/), PersonSchema);

export interface Kinship {
  /** Person key -> how replies name them and the gender the word gives. */
  people: ReadonlyMap<string, { label: string; gender?: Slots['gender'] }>;
  /** Every kinship word, longest first, with its person key. */
  words: readonly (readonly [string, string])[];
}

/** The key of the asker. */
export const SELF = 'self';

export function loadKinship(
  file = join(projectRoot, 'intents', 'lexicon', 'kinship.yaml'),
): Kinship {
  const parsed = KinshipSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const people = new Map<string, { label: string; gender?: Slots['gender'] }>();
  const words: [string, string][] = [];
  for (const [key, p] of Object.entries(parsed.data)) {
    if (key === SELF) throw new Error(`${file}: "${SELF}" is the asker and cannot be declared`);
    people.set(key, p.gender ? { label: p.label, gender: p.gender } : { label: p.label });
    for (const w of p.words) words.push([w, key]);
  }
  words.sort((a, b) => b[0].length - a[0].length);
  return { people, words };
}

export interface PersonRef {
  /** `self`, or a key of kinship.yaml. */
  key: string;
  /** How a reply names the person (你母亲); absent for the asker. */
  label?: string;
  /** The gender the words of this message give the person, when they settle it. */
  gender?: Slots['gender'];
}

/** 我妈, 帮我妈, 给我爸, 我家老伴, 俺娘: a relative of the asker's. */
const OWNER = /(我|俺|咱|我们|俺们|咱们)(家|家的|的|家里)?$/;
/** 那我爸呢, 孩子呢, 还有我妈: a follow-up that names the person first. */
const LEAD = /^(那|那么|那要是|还有|再问下?|再问一下|再帮我问下?|问下|那如果是|如果是|要是)?$/;
/** 那我呢, 我自己呢, 我本人: back to the asker. */
const ASKER = /^(那|那么|还有)?(我|我自己|我本人|俺|俺自己)(的话)?(呢|怎么算|咋算|是多少|多少)/;

/**
 * The person a (normalised) text is about, when it names one: the first kinship word owned by
 * the asker (我妈) or leading a follow-up (孩子呢), or the asker in "那我呢". Linear: one pass
 * over the text per word length class, bounded by the lexicon.
 */
export function personNamed(text: string, kinship: Kinship): PersonRef | undefined {
  if (ASKER.test(text)) return { key: SELF };
  let best: { at: number; key: string } | undefined;
  for (const [word, key] of kinship.words) {
    const at = text.indexOf(word);
    if (at < 0 || (best && best.at <= at)) continue;
    const before = text.slice(Math.max(0, at - 4), at);
    const after = text.slice(at + word.length, at + word.length + 1);
    if (
      !OWNER.test(before) &&
      !(LEAD.test(text.slice(0, at)) && /^(呢|的|,| |今年|她|他|是|[0-9])/.test(after || '呢'))
    )
      continue;
    best = { at, key };
  }
  if (!best) return undefined;
  const person = kinship.people.get(best.key)!;
  const gender = person.gender ?? pronounGender(text);
  return { key: best.key, label: person.label, ...(gender ? { gender } : {}) };
}

/** 她 or 他 alone in the text: the gender of the person talked about. */
function pronounGender(text: string): Slots['gender'] | undefined {
  const she = text.includes('她');
  const he = /他(?!们|人)/.test(text);
  if (she === he) return undefined;
  return she ? 'female' : 'male';
}
