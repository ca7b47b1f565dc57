import type { Map as MapLibreMap } from 'maplibre-gl';

const DEGREES_PER_SECOND = 3;
const IDLE_RESUME_MS = 60_000;

/**
 * Attract-loop orbit: the camera turns slowly around its centre. Any touch, drag or wheel stops
 * it at once (the visitor has the map); it resumes after a minute without input.
 */
export function startOrbit(map: MapLibreMap): () => void {
  let raf = 0;
  let last = performance.now();
  let pausedUntil = 0;
  const step = (now: number) => {
    const dt = (now - last) / 1000;
    last = now;
    if (now >= pausedUntil && !map.isMoving()) map.setBearing((map.getBearing() + DEGREES_PER_SECOND * dt) % 360);
    raf = requestAnimationFrame(step);
  };
  const pause = () => {
    pausedUntil = performance.now() + IDLE_RESUME_MS;
  };
  const events = ['mousedown', 'touchstart', 'wheel', 'dragstart'] as const;
  for (const e of events) map.on(e, pause);
  raf = requestAnimationFrame(step);
  return () => {
    cancelAnimationFrame(raf);
    for (const e of events) map.off(e, pause);
  };
}
