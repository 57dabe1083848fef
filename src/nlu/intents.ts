import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../paths.js';
import { INTENT_NAMES, type IntentName } from './intent-names.js';

export const IntentFileSchema = z
  .object({
    name: z.enum(INTENT_NAMES),
    description: z.string().min(1),
    examples: z.array(z.string().min(1)).min(1),
  })
  .loose();
export type IntentFile = z.infer<typeof IntentFileSchema>;

export const intentsDir = join(projectRoot, 'intents');

/** Reads and checks every `intents/<name>.yaml`; a bad file throws naming the file and field. */
export function loadIntents(dir = intentsDir): IntentFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.map((file) => {
    const path = join(dir, file);
    let data: unknown;
    try {
      data = parseYaml(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new Error(`${path}: not valid YAML: ${(err as Error).message}`, { cause: err });
    }
    const parsed = IntentFileSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    if (`${parsed.data.name}.yaml` !== file) {
      throw new Error(`${path}: name: "${parsed.data.name}" does not match the file name`);
    }
    return parsed.data;
  });
}

export type { IntentName };
