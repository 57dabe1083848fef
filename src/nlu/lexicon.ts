import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../paths.js';

const LexiconSchema = z.record(z.string(), z.array(z.string().min(1)).min(1));

/** Concept -> the surface forms that express it. */
export type Lexicon = ReadonlyMap<string, readonly string[]>;

export function loadLexicon(
  file = join(projectRoot, 'intents', 'lexicon', 'domain.yaml'),
): Lexicon {
  const parsed = LexiconSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return new Map(
    Object.entries(parsed.data).map(([k, words]) => [k, words.map((w) => w.toLowerCase())]),
  );
}
