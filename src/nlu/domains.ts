import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../paths.js';

const DomainsSchema = z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1));

/** Domain -> its words, longest first (so 住房公积金 is taken out whole before 公积金). */
export type OtherDomains = ReadonlyMap<string, readonly string[]>;

export const otherDomainsFile = join(projectRoot, 'intents', 'lexicon', 'other-domains.yaml');

export function loadOtherDomains(file = otherDomainsFile): OtherDomains {
  const parsed = DomainsSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return new Map(
    Object.entries(parsed.data).map(([domain, words]) => [
      domain,
      words.map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length),
    ]),
  );
}

export interface DomainMention {
  /** The first domain (in file order) whose words the text holds. */
  domain: string;
  /** The text with every other-domain word taken out: what is left to be about us. */
  rest: string;
}

/** Which look-alike domain a normalised text names, if any. */
export function otherDomainIn(
  normalised: string,
  domains: OtherDomains,
): DomainMention | undefined {
  let domain: string | undefined;
  let rest = normalised;
  for (const [name, words] of domains) {
    for (const w of words) {
      if (!rest.includes(w)) continue;
      domain ??= name;
      rest = rest.split(w).join(' ');
    }
  }
  return domain === undefined ? undefined : { domain, rest };
}
