import { stripVTControlCharacters } from 'node:util';
import { spawn, type IPty } from 'node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

let term: IPty | undefined;
afterEach(() => {
  term?.kill();
  term = undefined;
});

/** `npm run chat` in a pseudo-terminal, as a person runs it: what the screen shows, in order. */
function startChat() {
  const pty = spawn(process.execPath, ['--import', 'tsx', 'src/channels/cli.ts'], {
    cwd: projectRoot,
    cols: 100,
    rows: 30,
    env: { ...process.env, LOG_LEVEL: 'silent' } as Record<string, string>,
  });
  term = pty;
  let screen = '';
  /** Where the last awaited text ended: the next wait looks only after it. */
  let cursor = 0;
  let waiter: { text: string; resolve: () => void } | undefined;
  const check = () => {
    if (!waiter) return;
    const at = screen.indexOf(waiter.text, cursor);
    if (at < 0) return;
    cursor = at + waiter.text.length;
    const { resolve } = waiter;
    waiter = undefined;
    resolve();
  };
  pty.onData((data) => {
    screen += data;
    check();
  });
  const exited = new Promise<number>((resolve) => pty.onExit((e) => resolve(e.exitCode)));
  return {
    screen: () => screen,
    /** Resolves once `text` appears after the text awaited last. */
    next(text: string): Promise<void> {
      return new Promise((resolve) => {
        waiter = { text, resolve };
        check();
      });
    },
    /** Types like a person: one key at a time, Enter as a carriage return. */
    type(text: string) {
      for (const ch of text) pty.write(ch);
    },
    exited,
  };
}

describe('npm run chat in a real (pseudo-)terminal', () => {
  it('echoes what is typed after the prompt, and the scrollback reads line by line', async () => {
    const chat = startChat();
    await chat.next('你：');
    chat.type('你好\r');
    await chat.next('助手：');
    await chat.next('你：');
    chat.type('我哪年退休\r');
    await chat.next('助手：');
    await chat.next('你：');
    // As the person saw it: each question on its own prompt line, each answer on a new line.
    const lines = stripVTControlCharacters(chat.screen()) // cursor moves and clears
      .split(/\r?\n|\r/)
      .filter((l) => l.trim() !== '');
    expect(lines).toContain('你：你好');
    expect(lines).toContain('你：我哪年退休');
    expect(lines.find((l) => l.startsWith('你：助手'))).toBeUndefined();
    expect(lines.some((l) => l.startsWith('助手：你好！'))).toBe(true);
    chat.type('exit\r');
    expect(await chat.exited).toBe(0);
  });

  it('ends on Ctrl+C like any terminal program', async () => {
    const chat = startChat();
    await chat.next('你：');
    chat.type('\x03');
    expect(await chat.exited).toBe(0);
  });
});
