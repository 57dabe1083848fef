import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SLOT_NAMES, type Region, type SlotName, type Slots } from '../nlu/slot-schema.js';
import { projectRoot } from '../paths.js';
import { fill } from './template.js';

const LabelsSchema = z.partialRecord(
  z.enum(SLOT_NAMES as [SlotName, ...SlotName[]]),
  z.union([z.string(), z.record(z.string(), z.string())]),
);
export type SlotLabels = z.infer<typeof LabelsSchema>;

export function loadSlotLabels(file = join(projectRoot, 'replies', 'slots.yaml')): SlotLabels {
  const parsed = LabelsSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The region as people say it: "江西省上饶市万年县", "北京市". */
export function regionName(region: Region): string {
  const parts = [region.province, region.city, region.county].filter(
    (p, i, all): p is string => p !== undefined && all.indexOf(p) === i,
  );
  return parts.join('');
}

/** "35岁、上饶市、月收入8000元": the given slots in the order of the contract. */
export function describeSlots(
  slots: Slots,
  labels: SlotLabels,
  only?: readonly SlotName[],
): string {
  const out: string[] = [];
  for (const name of SLOT_NAMES) {
    if (only && !only.includes(name)) continue;
    const value = slots[name];
    const label = labels[name];
    if (value === undefined || label === undefined) continue;
    const text = name === 'region' ? regionName(value as Region) : String(value);
    out.push(typeof label === 'string' ? fill(label, { value: text }) : (label[text] ?? text));
  }
  return out.join('、');
}
