const DEGREES_PER_SECOND = 3;

/**
 * The orbit's bearing at a wall-clock moment: a function of hub time alone, so every display of a
 * multi-display wall turns to the same bearing at the same moment (a per-display start time would
 * tear the view apart at the seams).
 */
export function orbitBearing(wallMs: number, baseBearing = 0): number {
  const b = (baseBearing + ((wallMs / 1000) * DEGREES_PER_SECOND) % 360) % 360;
  return b < 0 ? b + 360 : b;
}
