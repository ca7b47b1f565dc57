const DEGREES_PER_SECOND = 3;
/** One full turn. */
const PERIOD_MS = (360 / DEGREES_PER_SECOND) * 1000;

/**
 * The orbit's bearing at a wall-clock moment: a function of hub time alone, so every display of a
 * multi-display wall turns to the same bearing at the same moment (a per-display start time would
 * tear the view apart at the seams). The phase within one turn is taken first: `wallMs % PERIOD_MS`
 * is exact, where degrees since 1970 (about 5·10⁹) would keep only micro-degrees of precision.
 */
export function orbitBearing(wallMs: number, baseBearing = 0): number {
  const b = (baseBearing + ((wallMs % PERIOD_MS) / PERIOD_MS) * 360) % 360;
  return b < 0 ? b + 360 : b;
}
