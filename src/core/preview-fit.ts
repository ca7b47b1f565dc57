/**
 * Sizing a wall's own screen shown small in an iframe (the designer's preview, the console's
 * miniature): the frame's document has the wall's real size, so the wall lays itself out as in the
 * room, and a CSS transform scales it into the pane.
 */
import { PREVIEW_PARAM } from './preview-protocol.ts';

/** The scale that fits a canvas in a pane (never above 1: the preview is never blown up). */
export function fitScale(canvas: { width: number; height: number }, pane: { width: number; height: number }): number {
  if (pane.width <= 0 || pane.height <= 0) return 0;
  return Math.min(1, pane.width / canvas.width, pane.height / canvas.height);
}

/** One display's design size: the wall's DOM is laid out for 1920×1080 a display. */
export const DISPLAY_DESIGN = { width: 1920, height: 1080 } as const;
/** The largest frame a miniature lays out (the designer's widest canvas): bigger walls keep their aspect at this size. */
export const MAX_MIRROR_CANVAS = { width: 7680, height: 4320 } as const;

/**
 * The canvas of a wall of `cols × rows` displays (16:9 each; 1 × 1 without a grid), scaled down
 * uniformly to at most MAX_MIRROR_CANVAS so a big wall keeps its aspect without a huge frame.
 */
export function wallCanvas(grid?: { cols: number; rows: number } | null): { width: number; height: number } {
  const count = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? Math.max(1, Math.floor(n)) : 1);
  const cols = count(grid?.cols);
  const rows = count(grid?.rows);
  const width = DISPLAY_DESIGN.width * cols;
  const height = DISPLAY_DESIGN.height * rows;
  const k = Math.min(1, MAX_MIRROR_CANVAS.width / width, MAX_MIRROR_CANVAS.height / height);
  return { width: Math.round(width * k), height: Math.round(height * k) };
}

/**
 * The wall's own flags the embedding page passes on: `?anim=0` on /designer or /console stills the
 * preview too (tests, screenshots, a slow machine).
 */
export function previewSrc(search: string): string {
  const params = new URLSearchParams({ [PREVIEW_PARAM]: '1' });
  if (new URLSearchParams(search).get('anim') === '0') params.set('anim', '0');
  return `/wall?${params}`;
}
