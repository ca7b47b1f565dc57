import { DESIGN_FIT_AREA } from './framing.ts';
import type { CameraPose } from './wall-flight.ts';

/**
 * Where a tour step's focus and its caption go, so that the caption never covers the focus.
 *
 * The step's camera target lands on the centre of the wall's view (a point), or a district is
 * framed around it; the caption sits in the band at the bottom of the map area, between the
 * panel columns, above the ticker. So a district a tour flies to is framed into a band around the
 * centre (TOUR_FOCUS_AREA, design px at the twin's fit scale), lower than the usual fit area, and
 * the caption is given at most the height between that band and the bottom strip.
 */
export const TOUR_FOCUS_HALF_HEIGHT = 180;
export const TOUR_FOCUS_AREA = { width: DESIGN_FIT_AREA.width, height: 2 * TOUR_FOCUS_HALF_HEIGHT } as const;
/** Kept clear between the focus band and the caption's top. */
export const TOUR_CAPTION_GAP = 20;
/** The tallest caption at the 1080 design: three lines of Chinese, two of English, the step line. */
export const TOUR_CAPTION_MAX_HEIGHT = 260;
/** Below this even a one-line caption would be cut: the caption keeps it (a room that enlarges the DOM a lot). */
export const TOUR_CAPTION_MIN_HEIGHT = 110;

const TILE_PX = 512;

function mercator([lon, lat]: [number, number]): [number, number] {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

/**
 * The design zoom at which `bounds` ([west, south, east, north]) fits TOUR_FOCUS_AREA around the
 * view's centre: the pose's own zoom if it already does, else zoomed out until it does. Measured
 * flat, as maplibre's fit to bounds is (a pitched view draws the near side a little larger).
 */
export function tourFocusZoom(pose: CameraPose, bounds: readonly [number, number, number, number]): number {
  const [x0, y0] = mercator([bounds[0], bounds[3]]);
  const [x1, y1] = mercator([bounds[2], bounds[1]]);
  const px = TILE_PX * 2 ** pose.zoom;
  const width = Math.abs(x1 - x0) * px;
  const height = Math.abs(y1 - y0) * px;
  const fit = Math.min(width > 0 ? TOUR_FOCUS_AREA.width / width : Infinity, height > 0 ? TOUR_FOCUS_AREA.height / height : Infinity);
  return fit >= 1 ? pose.zoom : pose.zoom + Math.log2(fit);
}

export interface CaptionRoom {
  /** The DOM's design height (the wall's CSS height ÷ its DOM scale). */
  domHeight: number;
  /** The DOM's scale, and the scale the twin frames with (the DOM may be enlarged for legibility). */
  domScale: number;
  fitScale: number;
  /** Design px under the caption: the bottom margin, and the ticker when the scene has one. */
  bottom: number;
}

/** The most height the caption may take (DOM design px) without reaching into the focus band. */
export function captionMaxHeight(room: CaptionRoom): number {
  const focusBottom = room.domHeight / 2 + (TOUR_FOCUS_HALF_HEIGHT * room.fitScale) / room.domScale;
  const free = room.domHeight - room.bottom - focusBottom - TOUR_CAPTION_GAP;
  return Math.max(TOUR_CAPTION_MIN_HEIGHT, Math.min(TOUR_CAPTION_MAX_HEIGHT, free));
}
