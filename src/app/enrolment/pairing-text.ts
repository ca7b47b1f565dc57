import type { Slot } from '../../hub/enrolment.ts';

/** "123456" → "123 456": two groups are read aloud and typed more surely than six digits. */
export const formatCode = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

/** "wall main · display 0 · cell 1/3": the slot as the operator will see it in the console. */
export function describeSlot(slot: Slot): string {
  const base = `wall ${slot.wall} · display ${slot.display}`;
  if (!slot.grid) return base;
  const { cols, rows, col, row } = slot.grid;
  return `${base} · cell ${row * cols + col + 1}/${cols * rows}`;
}

/** "9:05" left of a code; null once it has run out (the card then says a new one is coming). */
export function formatTimeLeft(expiresAt: number, now: number): string | null {
  const s = Math.ceil((expiresAt - now) / 1000);
  if (!Number.isFinite(s) || s <= 0) return null;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
