import type { CameraPose } from './wall-flight.ts';

/**
 * Cameras are written for the 1920×1080 design canvas, like the DOM: a scene's, a console's and a
 * flight's zoom is the zoom that frames the area on that canvas. The map draws at the window's
 * native resolution, where one zoom level more doubles what a pixel covers, so on a wall whose DOM
 * is scaled by `scale` (computeWallLayout: by height, or by width below 16:9) the map's zoom is the
 * design zoom + log2(scale). A scene then frames the same area at 1920×1080, 3840×2160, 7680×2160
 * and on a sliced wall (whose scale is its virtual wall's), between panel columns that scale alike.
 */
export function zoomShift(scale: number): number {
  return Math.log2(Math.max(1e-3, scale));
}

/** A design-space pose as the map must be set at this wall's scale. */
export function mapPose<P extends { zoom: number }>(pose: P, scale: number): P {
  return { ...pose, zoom: pose.zoom + zoomShift(scale) };
}

/** The design-space zoom of a map zoom at this wall's scale. */
export function designZoom(mapZoom: number, scale: number): number {
  return mapZoom - zoomShift(scale);
}

export type { CameraPose };

/**
 * The area a fit to bounds (fly to a district) may use, in design px: the 1920×1080 design less its
 * panel columns (420 px and a 16 px gap a side) and header (76 px), with 40 px to spare all round.
 * It is the same on every wall, centred and scaled with it, so a 32:9 wall frames a district as a
 * 16:9 one does, with more city around it, rather than filling its wider middle.
 */
export const DESIGN_FIT_AREA = { width: 1920 - 2 * (420 + 16 + 40), height: 1080 - 2 * (76 + 40) } as const;

/** Margins (CSS px, each side of the virtual view) that leave DESIGN_FIT_AREA at this scale. */
export function fitMargins(virtual: { width: number; height: number }, scale: number): { x: number; y: number } {
  return {
    x: Math.max(0, (virtual.width - DESIGN_FIT_AREA.width * scale) / 2),
    y: Math.max(0, (virtual.height - DESIGN_FIT_AREA.height * scale) / 2),
  };
}
