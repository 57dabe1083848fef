import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../paths.js';

const Words = z.array(z.string().min(1)).min(1);
const LexiconSchema = z.record(z.string(), Words);

export interface Lexicon {
  /** Concept -> the surface forms that express it. */
  concepts: ReadonlyMap<string, readonly string[]>;
  /** The concepts that make a message about a topic (not a bare statement of facts). */
  topics: ReadonlySet<string>;
}

export function loadLexicon(
  file = join(projectRoot, 'intents', 'lexicon', 'domain.yaml'),
): Lexicon {
  const parsed = LexiconSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const { topics = [], ...concepts } = parsed.data;
  const unknown = topics.filter((t) => !(t in concepts));
  if (unknown.length) throw new Error(`${file}: topics: unknown concepts ${unknown.join(', ')}`);
  return {
    concepts: new Map(
      Object.entries(concepts).map(([k, words]) => [k, words.map((w) => w.toLowerCase())]),
    ),
    topics: new Set(topics),
  };
}

/** The concepts a normalised text mentions. */
export function conceptsIn(normalised: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const [concept, words] of lexicon.concepts) {
    if (words.some((w) => normalised.includes(w))) out.push(concept);
  }
  return out;
}
