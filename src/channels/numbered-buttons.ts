/** Buttons as a numbered list, for channels without buttons (terminal, WeChat). */
export function formatButtons(buttons: readonly string[]): string {
  return buttons.map((b, i) => `${i + 1}. ${b}`).join('\n');
}

/** The button a reply of just its number picks, if any. */
export function pickButton(text: string, buttons: readonly string[]): string | undefined {
  const m = /^\s*(\d{1,2})\s*$/.exec(text);
  return m ? buttons[Number(m[1]) - 1] : undefined;
}

/** One reply as text for a channel without buttons: the text, then the numbered choices. */
export function replyBody(reply: { text: string; buttons?: readonly string[] }): string {
  const list = reply.buttons?.length ? formatButtons(reply.buttons) : '';
  return [reply.text.trim(), list && `${list}\n（回复数字即可选择）`].filter(Boolean).join('\n\n');
}
