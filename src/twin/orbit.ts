import type { Map as MapLibreMap } from 'maplibre-gl';
import { wallNow } from '../control/wall-clock.ts';

const DEGREES_PER_SECOND = 3;
const IDLE_RESUME_MS = 60_000;

/**
 * The orbit's bearing at a wall-clock moment: a function of hub time alone, so every display of a
 * multi-display wall turns to the same bearing at the same moment (a per-display start time would
 * tear the view apart at the seams).
 */
export function orbitBearing(wallMs: number, baseBearing = 0): number {
  const b = (baseBearing + ((wallMs / 1000) * DEGREES_PER_SECOND) % 360) % 360;
  return b < 0 ? b + 360 : b;
}

/**
 * Attract-loop orbit: the camera turns slowly around its centre. Any touch, drag or wheel stops
 * it at once (the visitor has the map); it resumes after a minute without input, at the wall's
 * phase. `onTurn` reports the map's bearing after each turn with the wall time it was set for.
 */
export function startOrbit(map: MapLibreMap, onTurn?: (wallMs: number, bearing: number) => void): () => void {
  let raf = 0;
  let pausedUntil = 0;
  const step = () => {
    const now = wallNow();
    if (now >= pausedUntil && !map.isMoving()) {
      map.setBearing(orbitBearing(now));
      onTurn?.(now, map.getBearing());
    }
    raf = requestAnimationFrame(step);
  };
  const pause = () => {
    pausedUntil = wallNow() + IDLE_RESUME_MS;
  };
  const events = ['mousedown', 'touchstart', 'wheel', 'dragstart'] as const;
  for (const e of events) map.on(e, pause);
  raf = requestAnimationFrame(step);
  return () => {
    cancelAnimationFrame(raf);
    for (const e of events) map.off(e, pause);
  };
}
