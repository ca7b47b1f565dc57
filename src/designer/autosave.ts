/**
 * Writes the draft to this browser's storage a moment after each edit (debounced: a burst of
 * keystrokes is one write), and at once when the page goes away. Pure timing: what to write and
 * whether to write at all is the caller's (`flushNow`).
 */
export const AUTOSAVE_DELAY_MS = 300;

export class Debounced {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private run: () => void,
    private delayMs = AUTOSAVE_DELAY_MS,
  ) {}

  schedule() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  get pending() {
    return this.timer !== null;
  }

  /** Runs now if something is waiting. */
  flush() {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.run();
  }

  cancel() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
