import type { Miss, MissKind } from './miss.js';

/** What each kind of miss tells a maintainer to do. */
const KIND_TITLES: Record<MissKind, string> = {
  out_of_scope: 'out of scope (add training sentences to the nearest intent, or an answer)',
  clarify: 'clarifying question (the top two intents were too close)',
  asked_again: 'question asked again (the answer to it was not understood)',
  default_taken: 'default taken (the answer to a question was not understood twice)',
};

export interface MissGroup {
  kind: MissKind;
  count: number;
  byIntent: { nearest: string; count: number; examples: { text: string; count: number }[] }[];
}

const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

/** The misses grouped by what happened, then by nearest intent, most frequent first. */
export function groupMisses(misses: readonly Miss[], examplesPerIntent = 5): MissGroup[] {
  const kinds = new Map<MissKind, Map<string, Map<string, number>>>();
  for (const m of misses) {
    const intents = kinds.get(m.kind) ?? new Map<string, Map<string, number>>();
    kinds.set(m.kind, intents);
    const texts = intents.get(m.nearest) ?? new Map<string, number>();
    intents.set(m.nearest, texts);
    texts.set(m.text, (texts.get(m.text) ?? 0) + 1);
  }
  return [...kinds]
    .map(([kind, intents]) => {
      const byIntent = [...intents].map(([nearest, texts]) => {
        const examples = [...texts].map(([text, count]) => ({ text, count })).sort(byCount);
        const count = examples.reduce((sum, e) => sum + e.count, 0);
        return { nearest, count, examples: examples.slice(0, examplesPerIntent) };
      });
      byIntent.sort(byCount);
      return { kind, count: byIntent.reduce((sum, i) => sum + i.count, 0), byIntent };
    })
    .sort(byCount);
}

/** The groups as text for the terminal. */
export function formatReport(groups: readonly MissGroup[]): string {
  if (groups.length === 0) return 'No misses recorded.';
  const lines: string[] = [];
  for (const g of groups) {
    lines.push(`== ${g.count} × ${KIND_TITLES[g.kind]}`);
    for (const i of g.byIntent) {
      lines.push(`  ${String(i.count).padStart(4)}  nearest: ${i.nearest}`);
      for (const e of i.examples)
        lines.push(`        ${e.count > 1 ? `${e.count} × ` : ''}${e.text}`);
    }
  }
  return lines.join('\n');
}
