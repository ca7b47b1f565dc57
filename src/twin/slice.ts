/**
 * Multi-display walls: one virtual view of cols × rows displays, each display drawing its slice.
 *
 * Pure geometry, shared by the map (TwinMap) and the DOM layer (WallScaler). The virtual view is
 * what one browser of the whole wall's size would show; a display's slice must be pixel-exact with
 * it, so a road crossing a seam continues on the next display.
 *
 * How the map is sliced (maplibre 5 mercator; deck.gl interleaved and the three.js custom layer
 * draw with maplibre's matrices, so they follow):
 * - The scale at the view's centre is set by the zoom alone, and the perspective by
 *   cameraToCenterDistance = 0.5 / tan(fov / 2) · canvas height. So the map canvas must be as tall
 *   as the virtual view: with one row of displays it is the display's own height; with several rows
 *   it spans the wall's full height (placed so the visible window is this display).
 * - The principal point (where the camera's centre lands) is moved with maplibre's `padding`:
 *   it sits at ((left + width − right) / 2, (top + height − bottom) / 2) of the canvas, which
 *   maplibre writes into the projection matrix as an off-axis shift (mercator_transform.ts, m[8],
 *   m[9]); deck.gl reads the same padding into its viewport. EdgeInsets.getCenter clamps it to
 *   [0, width], so the canvas is widened on the side towards the virtual centre just enough to
 *   contain it: the edge displays of a 3-wide wall draw a canvas 1.5 displays wide of which one
 *   display is visible; the middle one and both halves of a 2-wide wall draw exactly their display.
 */

/** A display's place in its wall: column and row in a grid of cols × rows displays. */
export interface DisplayGrid {
  cols: number;
  rows: number;
  col: number;
  row: number;
}

export const SINGLE_DISPLAY: DisplayGrid = { cols: 1, rows: 1, col: 0, row: 0 };

export interface Insets {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface SliceFrame {
  grid: DisplayGrid;
  /** This display's size (CSS px). */
  display: { width: number; height: number };
  /** The whole wall's size (CSS px): cols × rows displays of this display's size. */
  virtual: { width: number; height: number };
  /** Where this display's window sits in the virtual view. */
  offset: { x: number; y: number };
  /** The map canvas, in this display's coordinates (it may reach past the window). */
  container: { left: number; top: number; width: number; height: number };
  /** maplibre padding that puts the principal point on the virtual view's centre. */
  padding: Insets;
}

/** The slice of the virtual view a display of `width` × `height` CSS px draws. */
export function sliceFrame(grid: DisplayGrid, width: number, height: number): SliceFrame {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const virtual = { width: grid.cols * w, height: grid.rows * h };
  const offset = { x: grid.col * w, y: grid.row * h };
  // The virtual centre, in this display's coordinates.
  const cx = virtual.width / 2 - offset.x;
  // Horizontally: the window [0, w] widened to reach the centre; padding shifts the principal point.
  const left = Math.min(0, cx);
  const containerWidth = Math.max(w, cx) - left;
  const px = cx - left; // principal point in canvas coordinates, within [0, containerWidth]
  const shift = 2 * px - containerWidth; // = padding.left − padding.right
  // Vertically: the canvas is as tall as the wall, so its centre is the virtual centre.
  const container = { left, top: 0 - offset.y, width: containerWidth, height: virtual.height };
  const padding = { top: 0, bottom: 0, left: Math.max(0, shift), right: Math.max(0, -shift) };
  return { grid, display: { width: w, height: h }, virtual, offset, container, padding };
}

/**
 * maplibre's principal point for a canvas and padding (EdgeInsets.getCenter, clamped as it is):
 * the point the camera centre projects to, in canvas coordinates.
 */
export function principalPoint(size: { width: number; height: number }, p: Insets): { x: number; y: number } {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return { x: clamp((p.left + size.width - p.right) / 2, size.width), y: clamp((p.top + size.height - p.bottom) / 2, size.height) };
}

/** A point in this display's coordinates (what the window shows) → virtual view coordinates. */
export function toVirtual(frame: SliceFrame, p: { x: number; y: number }): { x: number; y: number } {
  return { x: p.x + frame.offset.x, y: p.y + frame.offset.y };
}

/**
 * Padding for map.fitBounds/cameraForBounds so every display computes the camera the virtual view
 * would: maplibre fits into canvas width − (transform padding + option padding) around the
 * principal point shifted by (option left − right) / 2. Asking for `margin` left and right and
 * `marginY` above and below
 * virtual view, the option padding is symmetric (no shift off the virtual centre) and may be
 * negative on an edge display, whose canvas is narrower than the wall.
 */
export function fitPadding(frame: SliceFrame, margin: number, marginY = margin): Insets {
  const { container, padding, virtual } = frame;
  const x = (container.width - padding.left - padding.right - virtual.width) / 2 + margin;
  const y = (container.height - padding.top - padding.bottom - virtual.height) / 2 + marginY;
  return { left: x, right: x, top: y, bottom: y };
}

/** Labels are placed in the whole wall's view: every display of a wall places the same ones. */
export const labelFrameOf = ({ container, offset, virtual }: SliceFrame) => ({
  x: container.left + offset.x,
  y: container.top + offset.y,
  width: virtual.width,
  height: virtual.height,
});
