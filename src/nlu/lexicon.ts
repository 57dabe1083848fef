import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../paths.js';
import { loadOtherDomains, type OtherDomains } from './domains.js';
import { syllables } from './pinyin.js';

const Words = z.array(z.string().min(1)).min(1);
const LexiconSchema = z.record(z.string(), Words);

export interface Lexicon {
  /** Concept -> the surface forms that express it. */
  concepts: ReadonlyMap<string, readonly string[]>;
  /** The concepts that make a message about a topic (not a bare statement of facts). */
  topics: ReadonlySet<string>;
  /**
   * The pinyin of the concepts' Chinese words of two characters or more, so that a homophone
   * typo (依保, 养劳金, 社宝) finds the concept too; indexed by first syllable. Concepts listed
   * under `exact` in the file are left out: their short words have common homophones.
   */
  sounds: ReadonlyMap<string, readonly Sounding[]>;
  /** Look-alike domains that are not ours (other-domains.yaml beside the lexicon file). */
  domains: OtherDomains;
}

/** A word of a concept as syllables: its first syllable is the key it is filed under. */
export interface Sounding {
  concept: string;
  syllables: readonly string[];
}

const ALL_HAN = /^\p{Script=Han}{2,}$/u;

export function loadLexicon(
  file = join(projectRoot, 'intents', 'lexicon', 'domain.yaml'),
): Lexicon {
  const parsed = LexiconSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const { topics = [], exact = [], ...concepts } = parsed.data;
  const domains = loadOtherDomains(join(dirname(file), 'other-domains.yaml'));
  // Every look-alike domain's words count as the concept "other" too.
  concepts.other = [...new Set([...(concepts.other ?? []), ...[...domains.values()].flat()])];
  for (const [key, list] of [
    ['topics', topics],
    ['exact', exact],
  ] as const) {
    const unknown = list.filter((t) => !(t in concepts));
    if (unknown.length) throw new Error(`${file}: ${key}: unknown concepts ${unknown.join(', ')}`);
  }
  const sounds = new Map<string, Sounding[]>();
  for (const [concept, words] of Object.entries(concepts)) {
    if (exact.includes(concept)) continue;
    for (const w of words.filter((x) => ALL_HAN.test(x))) {
      const heard = syllables(w) as string[];
      const filed = sounds.get(heard[0]!) ?? [];
      filed.push({ concept, syllables: heard });
      sounds.set(heard[0]!, filed);
    }
  }
  return {
    concepts: new Map(
      Object.entries(concepts).map(([k, words]) => [k, words.map((w) => w.toLowerCase())]),
    ),
    topics: new Set(topics),
    sounds,
    domains,
  };
}

/**
 * The concepts a normalised text mentions, by its characters or, when `heard` (the text's
 * syllables, see pinyin.ts) is given, by how it sounds.
 */
export function conceptsIn(
  normalised: string,
  lexicon: Lexicon,
  heard?: readonly (string | undefined)[],
): string[] {
  const bySound = heard ? soundsIn(heard, lexicon) : new Set<string>();
  const out: string[] = [];
  for (const [concept, words] of lexicon.concepts) {
    if (bySound.has(concept) || words.some((w) => normalised.includes(w))) out.push(concept);
  }
  return out;
}

/** The concepts whose words sound in a text: a look-up by each syllable, then a comparison. */
function soundsIn(heard: readonly (string | undefined)[], lexicon: Lexicon): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < heard.length; i++) {
    const filed = heard[i] === undefined ? undefined : lexicon.sounds.get(heard[i]!);
    for (const { concept, syllables: word } of filed ?? []) {
      if (!found.has(concept) && word.every((s, k) => heard[i + k] === s)) found.add(concept);
    }
  }
  return found;
}

/** Whether a normalised text mentions one concept, by its characters or its sound. */
export function mentions(normalised: string, lexicon: Lexicon, concept: string): boolean {
  if (lexicon.concepts.get(concept)?.some((w) => normalised.includes(w))) return true;
  return soundsIn(syllables(normalised), lexicon).has(concept);
}
