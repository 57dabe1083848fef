/** Buttons as a numbered list, for channels without buttons (terminal, WeChat). */
export function formatButtons(buttons: readonly string[]): string {
  return buttons.map((b, i) => `${i + 1}. ${b}`).join('\n');
}

/** The button a reply of just its number picks, if any. */
export function pickButton(text: string, buttons: readonly string[]): string | undefined {
  const m = /^\s*(\d{1,2})\s*$/.exec(text);
  return m ? buttons[Number(m[1]) - 1] : undefined;
}
