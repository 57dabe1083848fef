/**
 * The buttons last shown in each conversation, so that a reply of just "2" picks the second.
 * In memory: a lost entry (a restart, a callback retry reaching another instance, a day without
 * a reply) only means that a number is read as a number.
 */
export class ButtonMemory {
  private readonly entries = new Map<string, { buttons: readonly string[]; expiresAt: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
  ) {}

  get(conversation: string): readonly string[] {
    const entry = this.entries.get(conversation);
    if (!entry || entry.expiresAt <= Date.now()) return [];
    return entry.buttons;
  }

  set(conversation: string, buttons: readonly string[] | undefined): void {
    this.entries.delete(conversation);
    if (!buttons?.length) return;
    this.entries.set(conversation, { buttons, expiresAt: Date.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
