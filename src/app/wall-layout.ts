/** The DOM is designed at 1920×1080; ultra-wide walls (32:9) get a 3840×1080 arrangement. */
export const DESIGN_HEIGHT = 1080;
export const DESIGN_WIDTH = 1920;
export const WIDE_DESIGN_WIDTH = 3840;

export interface WallLayout {
  scale: number;
  /** Size of the design canvas in design pixels: it always fills the window, no letterbox. */
  width: number;
  height: number;
  wide: boolean;
}

/**
 * Fit by height so type keeps its designed size relative to the wall, and widen the design
 * canvas instead of letterboxing; windows narrower than 16:9 fit by width and grow taller.
 */
export function computeWallLayout(windowWidth: number, windowHeight: number): WallLayout {
  const w = Math.max(1, windowWidth);
  const h = Math.max(1, windowHeight);
  let scale = h / DESIGN_HEIGHT;
  if (w / scale < DESIGN_WIDTH) scale = w / DESIGN_WIDTH;
  const width = w / scale;
  const height = h / scale;
  return { scale, width, height, wide: width >= (DESIGN_WIDTH + WIDE_DESIGN_WIDTH) / 2 };
}
