import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../paths.js';
import { loadOtherDomains, type OtherDomains } from './domains.js';
import { spelled, syllables } from './pinyin.js';

const Words = z.array(z.string().min(1)).min(1);
const LexiconSchema = z.record(z.string(), Words);

export interface Lexicon {
  /** Concept -> the surface forms that express it. */
  concepts: ReadonlyMap<string, readonly string[]>;
  /** The concepts that make a message about a topic (not a bare statement of facts). */
  topics: ReadonlySet<string>;
  /**
   * Concept -> the spelled pinyin (" yi bao ") of its Chinese words of two characters or more,
   * so that a homophone typo (依保, 养劳金, 社宝) finds the concept too. Concepts listed under
   * `exact` in the file are left out: their short words have common homophones.
   */
  sounds: ReadonlyMap<string, readonly string[]>;
  /** Look-alike domains that are not ours (other-domains.yaml beside the lexicon file). */
  domains: OtherDomains;
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
  const sounds = Object.entries(concepts)
    .filter(([k]) => !exact.includes(k))
    .map(([k, words]) => {
      const keys = words.filter((w) => ALL_HAN.test(w)).map((w) => spelled(syllables(w)));
      return [k, [...new Set(keys)]] as const;
    });
  return {
    concepts: new Map(
      Object.entries(concepts).map(([k, words]) => [k, words.map((w) => w.toLowerCase())]),
    ),
    topics: new Set(topics),
    sounds: new Map(sounds.filter(([, keys]) => keys.length > 0)),
    domains,
  };
}

/**
 * The concepts a normalised text mentions, by its characters or, when `sounds` (the text's
 * spelled pinyin, see pinyin.ts) is given, by how it sounds.
 */
export function conceptsIn(normalised: string, lexicon: Lexicon, sounds?: string): string[] {
  const out: string[] = [];
  for (const [concept, words] of lexicon.concepts) {
    if (words.some((w) => normalised.includes(w))) out.push(concept);
    else if (sounds && lexicon.sounds.get(concept)?.some((k) => sounds.includes(k)))
      out.push(concept);
  }
  return out;
}

/** Whether a normalised text mentions one concept, by its characters or its sound. */
export function mentions(normalised: string, lexicon: Lexicon, concept: string): boolean {
  if (lexicon.concepts.get(concept)?.some((w) => normalised.includes(w))) return true;
  const keys = lexicon.sounds.get(concept);
  if (!keys) return false;
  const sounds = spelled(syllables(normalised));
  return keys.some((k) => sounds.includes(k));
}
