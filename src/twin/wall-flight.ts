/**
 * Camera flights commanded from the console, computed rather than animated by maplibre: the pose at
 * any moment is a pure function of (from, to, start, duration) and the wall clock, so every display
 * of a wall shows the same pose at the same hub time, and a flight interrupted by the next command
 * hands over exactly where it was.
 */
export interface CameraPose {
  center: [number, number];
  zoom: number;
  pitch: number;
  bearing: number;
}

/** How a flight's progress follows time (a tour step names one; console commands ease in and out). */
export type FlightEasing = 'ease-in-out' | 'ease-out' | 'ease-in' | 'linear';

export interface Flight {
  from: CameraPose;
  to: CameraPose;
  /** Wall-clock (hub) ms the flight starts: the command's issuedAt. */
  start: number;
  duration: number;
  /** How far the camera zooms out mid-flight to keep both ends in view. */
  hop: number;
  easing: FlightEasing;
}

/**
 * The width the zoom-out of a flight is planned for. A fixed reference, not the canvas: displays of
 * one wall draw canvases of different widths (slices) and must still fly the same curve.
 */
const REFERENCE_WIDTH_PX = 1920;
const TILE_PX = 512;
const MAX_HOP = 4;

function mercator([lon, lat]: [number, number]): [number, number] {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}
function lonLat([x, y]: [number, number]): [number, number] {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [x * 360 - 180, lat];
}

/** Cubic curves: slow and eased, as camera moves on a wall should be. */
export const EASINGS: Record<FlightEasing, (k: number) => number> = {
  'ease-in-out': (k) => (k < 0.5 ? 4 * k * k * k : 1 - (-2 * k + 2) ** 3 / 2),
  'ease-out': (k) => 1 - (1 - k) ** 3,
  'ease-in': (k) => k * k * k,
  linear: (k) => k,
};
/** Shortest signed turn from a to b, degrees. */
const turn = (a: number, b: number) => ((((b - a + 180) % 360) + 360) % 360) - 180;
const wrapBearing = (b: number) => ((((b + 180) % 360) + 360) % 360) - 180;

export function planFlight(from: CameraPose, to: CameraPose, start: number, duration: number, easing: FlightEasing = 'ease-in-out'): Flight {
  const [x0, y0] = mercator(from.center);
  const [x1, y1] = mercator(to.center);
  const distance = Math.hypot(x1 - x0, y1 - y0);
  // The zoom at which both ends fit in 80% of the reference width; the middle of the flight dips to it.
  const fitZoom = distance > 0 ? Math.log2((0.8 * REFERENCE_WIDTH_PX) / (TILE_PX * distance)) : Infinity;
  const hop = Math.min(MAX_HOP, Math.max(0, (from.zoom + to.zoom) / 2 - fitZoom));
  return { from, to, start, duration: Math.max(0, duration), hop, easing };
}

/** The pose at wall time `now`, and whether the flight is over. */
export function flightAt(flight: Flight, now: number): { pose: CameraPose; done: boolean } {
  const { from, to, start, duration, hop, easing } = flight;
  const raw = duration === 0 ? 1 : (now - start) / duration;
  if (raw >= 1) return { pose: to, done: true };
  const t = Math.max(0, raw);
  const k = EASINGS[easing ?? 'ease-in-out'](t);
  const [x0, y0] = mercator(from.center);
  const [x1, y1] = mercator(to.center);
  return {
    pose: {
      center: lonLat([x0 + (x1 - x0) * k, y0 + (y1 - y0) * k]),
      zoom: from.zoom + (to.zoom - from.zoom) * k - hop * 4 * k * (1 - k),
      pitch: from.pitch + (to.pitch - from.pitch) * k,
      bearing: wrapBearing(from.bearing + turn(from.bearing, to.bearing) * k),
    },
    done: false,
  };
}
