import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * Dialogue evaluation (test/conversation/FORMAT.md): conversations written from personas, each
 * turn with expectations on the reply of POST /v1/messages. Pure: the sets are read and the
 * checks run here; the caller sends the messages.
 */

const OneOrMany = z.union([z.string(), z.array(z.string())]);

export const ExpectSchema = z
  .object({
    intent: OneOrMany.optional(),
    answers: z.literal(true).optional(),
    asks: z.string().optional(),
    notAsks: z.array(z.string()).optional(),
    slots: z.record(z.string(), z.unknown()).optional(),
    noSlots: z.array(z.string()).optional(),
    contains: z.array(z.union([z.string(), z.number()])).optional(),
    containsAny: z.array(z.union([z.string(), z.number()])).optional(),
    notContains: z.array(z.union([z.string(), z.number()])).optional(),
  })
  .strict();
export type Expect = z.infer<typeof ExpectSchema>;

export const ConversationSchema = z
  .object({
    id: z.string().min(1),
    persona: z.string().min(1),
    covers: z.array(z.string()).default([]),
    turns: z
      .array(z.object({ user: z.string().min(1), expect: ExpectSchema.default({}) }).strict())
      .min(1),
  })
  .strict();
export type Conversation = z.infer<typeof ConversationSchema>;

export interface BotReply {
  replies: { text: string; buttons?: string[] }[];
  intent: { name: string; confidence: number };
  slots: Record<string, unknown>;
  asking?: string;
}

/** Every conversation of the YAML files in `dir` (or the one file), checked against the format. */
export function loadSet(path: string): Conversation[] {
  const files = path.endsWith('.yaml')
    ? [path]
    : readdirSync(path)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => join(path, f));
  const out: Conversation[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const data = parseYaml(readFileSync(file, 'utf8')) as unknown;
    const parsed = z.array(ConversationSchema).safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    for (const c of parsed.data) {
      if (ids.has(c.id)) throw new Error(`${file}: duplicate id ${c.id}`);
      ids.add(c.id);
      out.push(c);
    }
  }
  return out;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Every number written in `text` (8,000 -> 8000), as decimals. */
function numbersIn(text: string): Decimal[] {
  const out: Decimal[] = [];
  for (const m of text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    out.push(new Decimal(m[0].replace(/,/g, '')));
  }
  return out;
}

/** A number matches the same number written any way; other strings match as substrings. */
export function mentions(text: string, item: string | number): boolean {
  const s = String(item);
  if (NUMBER.test(s)) {
    const want = new Decimal(s);
    return numbersIn(text).some((n) => n.equals(want));
  }
  return text.includes(s);
}

function sameValue(want: unknown, got: unknown): boolean {
  if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
    if (got === null || typeof got !== 'object') return false;
    return Object.entries(want).every(([k, v]) =>
      sameValue(v, (got as Record<string, unknown>)[k]),
    );
  }
  if (typeof want === 'number' || typeof got === 'number') {
    return got !== undefined && Number(want) === Number(got);
  }
  return want === got;
}

/** The ways a reply falls short of a turn's expectations (empty: it passes). */
export function checkTurn(expect: Expect, reply: BotReply, previousText?: string): string[] {
  const problems: string[] = [];
  const text = reply.replies.map((r) => r.text).join('\n');
  if (expect.intent !== undefined) {
    const ok = [expect.intent].flat();
    if (!ok.includes(reply.intent.name)) {
      problems.push(`intent ${reply.intent.name}, expected ${ok.join('|')}`);
    }
  }
  if (expect.answers) {
    if (reply.asking !== undefined) problems.push(`asked ${reply.asking} instead of answering`);
    else if (text === '' || text === previousText) problems.push('same reply as before, or none');
  }
  if (expect.asks !== undefined && reply.asking !== expect.asks) {
    problems.push(`asked ${reply.asking ?? 'nothing'}, expected ${expect.asks}`);
  }
  for (const slot of expect.notAsks ?? []) {
    if (reply.asking === slot) problems.push(`asked ${slot}, which it must not`);
  }
  for (const [slot, value] of Object.entries(expect.slots ?? {})) {
    if (!sameValue(value, reply.slots[slot])) {
      problems.push(
        `slot ${slot} = ${JSON.stringify(reply.slots[slot])}, expected ${JSON.stringify(value)}`,
      );
    }
  }
  for (const slot of expect.noSlots ?? []) {
    if (reply.slots[slot] !== undefined) problems.push(`slot ${slot} should be absent`);
  }
  for (const item of expect.contains ?? []) {
    if (!mentions(text, item)) problems.push(`reply lacks "${item}"`);
  }
  if (expect.containsAny && !expect.containsAny.some((item) => mentions(text, item))) {
    problems.push(`reply has none of ${JSON.stringify(expect.containsAny)}`);
  }
  for (const item of expect.notContains ?? []) {
    if (mentions(text, item)) problems.push(`reply has "${item}", which it must not`);
  }
  return problems;
}

export interface TurnOutcome {
  user: string;
  reply: BotReply;
  problems: string[];
}

export interface ConversationOutcome {
  id: string;
  persona: string;
  turns: TurnOutcome[];
  passed: boolean;
}

/** Plays one conversation through `send` (one fresh user) and checks every turn. */
export async function playConversation(
  conversation: Conversation,
  send: (text: string) => Promise<BotReply>,
): Promise<ConversationOutcome> {
  const turns: TurnOutcome[] = [];
  let previous: string | undefined;
  for (const turn of conversation.turns) {
    const reply = await send(turn.user);
    const problems = checkTurn(turn.expect, reply, previous);
    turns.push({ user: turn.user, reply, problems });
    previous = reply.replies.map((r) => r.text).join('\n');
  }
  return {
    id: conversation.id,
    persona: conversation.persona,
    turns,
    passed: turns.every((t) => t.problems.length === 0),
  };
}

export interface SetSummary {
  conversations: number;
  conversationsPassed: number;
  turns: number;
  turnsPassed: number;
  /** Turns the person typed per question answered (answers with no question back). */
  turnsPerAnswer: number;
}

export function summarise(outcomes: readonly ConversationOutcome[]): SetSummary {
  const turns = outcomes.flatMap((o) => o.turns);
  const answered = turns.filter((t) => t.reply.asking === undefined).length;
  return {
    conversations: outcomes.length,
    conversationsPassed: outcomes.filter((o) => o.passed).length,
    turns: turns.length,
    turnsPassed: turns.filter((t) => t.problems.length === 0).length,
    turnsPerAnswer: answered === 0 ? Infinity : turns.length / answered,
  };
}
