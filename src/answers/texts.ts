import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { INTENT_NAMES, type IntentName } from '../nlu/intent-names.js';
import { SLOT_NAMES, type SlotName } from '../nlu/slot-schema.js';
import { projectRoot } from '../paths.js';

const Intent = z.enum(INTENT_NAMES);

export const ChatTextsSchema = z
  .object({
    greet: z.string(),
    help: z.string(),
    thanks_bye: z.string(),
    out_of_scope: z.string(),
    reset: z.string(),
    /** Asked before forgetting, when the wish to start over was not said outright. */
    confirm_reset: z.string(),
    confirm_reset_buttons: z.array(z.string()).min(1).max(2),
    /** Out of scope, about a look-alike domain: {where} is who answers that (other_domains). */
    other_domain: z.string(),
    other_domains: z.record(z.string(), z.string()),
    noted: z.string(),
    noted_nothing: z.string(),
    clarify: z.string(),
    defaulted: z.string(),
    closing: z.string(),
    closing_plain: z.string(),
    for_person: z.string(),
    national_standard: z.string(),
    outside_mainland: z.string(),
    changed: z.string(),
    parts_total: z.string(),
    period_year: z.string(),
    repeated: z.string(),
    repeated_plain: z.string(),
    asked_again: z.string(),
    noted_ask_again: z.string(),
    start_buttons: z.array(z.string()).max(4),
    titles: z.partialRecord(Intent, z.string()),
    titles_short: z.partialRecord(Intent, z.string()),
    next: z.partialRecord(Intent, z.array(Intent).max(3)),
    bureaus: z.object({ medical: z.string(), pension: z.string(), both: z.string() }).strict(),
  })
  .strict();
export type ChatTexts = z.infer<typeof ChatTextsSchema>;

/** A knowledge answer: text written by us from the policy facts, with its sources. */
export const KnowledgeSchema = z
  .object({
    intent: Intent,
    /** Who has the final word: the medical security bureau, the social security bureau, or both. */
    bureau: z.enum(['medical', 'pension', 'both']),
    text: z.string().min(1),
    /** Paragraphs added when the person's slots match `when`. */
    variants: z
      .array(
        z
          .object({
            when: z.partialRecord(
              z.enum(SLOT_NAMES as [SlotName, ...SlotName[]]),
              z.array(z.unknown()).min(1),
            ),
            text: z.string().min(1),
          })
          .strict(),
      )
      .default([]),
    sources: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type Knowledge = z.infer<typeof KnowledgeSchema>;

function readYaml(path: string): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not valid YAML: ${(err as Error).message}`, { cause: err });
  }
}

function check<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
}

const repliesDir = join(projectRoot, 'replies');

export function loadChatTexts(dir = repliesDir): ChatTexts {
  const path = join(dir, 'chat.yaml');
  return check(ChatTextsSchema, readYaml(path), path);
}

export function loadKnowledge(dir = join(repliesDir, 'knowledge')): Map<IntentName, Knowledge> {
  const out = new Map<IntentName, Knowledge>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const path = join(dir, file);
    const k = check(KnowledgeSchema, readYaml(path), path);
    if (`${k.intent}.yaml` !== file)
      throw new Error(`${path}: intent: does not match the file name`);
    out.set(k.intent, k);
  }
  return out;
}
