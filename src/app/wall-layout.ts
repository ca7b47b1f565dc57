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

/** Where the map-side DOM goes on a wall of several displays (design px of the whole wall). */
export interface SlicedPlacement {
  /** The legends / district card / sources strip: insets from the wall's left and right. */
  overlay: { left: number; right: number };
  /** Horizontal centre of the scene title in the header. */
  sceneTitleX: number;
}

const OVERLAY_MARGIN = 20;
const MIN_OVERLAY_WIDTH = 320;

/**
 * On a wall of several displays side by side, the map-side DOM must not straddle a seam (a bezel
 * would cut a legend or the scene title in two): it goes into one display, the middle one, or
 * with an even count the one left of the centre seam, within that display's part of the map
 * area between the panel columns (`sideWidth` design px a side). Null for a single display, and
 * when that part is too narrow to hold a legend (the usual centred strip is kept).
 */
export function slicedPlacement(layout: WallLayout, cols: number, sideWidth: number): SlicedPlacement | null {
  if (cols <= 1) return null;
  const cell = layout.width / cols;
  const focus = Math.floor((cols - 1) / 2);
  const left = Math.max(sideWidth + 2 * OVERLAY_MARGIN, focus * cell + OVERLAY_MARGIN);
  const right = Math.min(layout.width - sideWidth - 2 * OVERLAY_MARGIN, (focus + 1) * cell - OVERLAY_MARGIN);
  if (right - left < MIN_OVERLAY_WIDTH) return null;
  return { overlay: { left, right: layout.width - right }, sceneTitleX: (left + right) / 2 };
}
