/** The walls a draft can be previewed on: each is laid out by the wall's own code at its real size. */
export const CANVASES = {
  '1920x1080': { width: 1920, height: 1080, arrangement: '16:9', label: '1920×1080 · 16:9' },
  '3840x2160': { width: 3840, height: 2160, arrangement: '16:9', label: '3840×2160 · 4K' },
  '7680x2160': { width: 7680, height: 2160, arrangement: '32:9', label: '7680×2160 · 32:9' },
} as const;
export type CanvasId = keyof typeof CANVASES;
export type Arrangement = '16:9' | '32:9';

// Shared with the console's miniature of a wall.
export { fitScale, previewSrc } from '../core/preview-fit.ts';

/** The canvas that goes with an arrangement picked in the header: 32:9 only fits the wide one. */
export function canvasFor(arrangement: Arrangement, current: CanvasId): CanvasId {
  if (arrangement === '32:9') return '7680x2160';
  return current === '7680x2160' ? '1920x1080' : current;
}

