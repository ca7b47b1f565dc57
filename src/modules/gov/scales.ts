import { interpolateRgbBasis } from 'd3-interpolate';
import { scaleSequential, scaleSqrt } from 'd3-scale';
import { WAIT_BANDS, waitBand } from '../../hub/topics/gov.ts';

export { WAIT_BANDS, waitBand };

/** A hall outside office hours: present, but quiet. */
export const CLOSED_COLOR = '#6f7f99';

/** Matters per 10,000 residents: sequential, deep teal to near white (reads on navy, under points). */
export const PER10K_RAMP = ['#0c2a45', '#14608f', '#2aa8d8', '#bff0ff'] as const;
const ramp = interpolateRgbBasis([...PER10K_RAMP]);
export function per10kScale(max: number) {
  return scaleSequential(ramp).domain([0, Math.max(1, max)]);
}

/** Hall marker radius (design px) by queue length: area grows with the queue. */
export const HALL_RADIUS = { min: 5, max: 22, queueAtMax: 80 } as const;
export const hallRadius = scaleSqrt().domain([0, HALL_RADIUS.queueAtMax]).range([HALL_RADIUS.min, HALL_RADIUS.max]).clamp(true);

export const formatPct = (r: number, digits = 1) => `${(r * 100).toFixed(digits)}%`;
