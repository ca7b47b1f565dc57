import type { SeriesPoint } from '../hub/contract.ts';

/**
 * A time series in fixed-width buckets with a hard cap on length: a live point lands in the
 * newest bucket (replacing it) or opens a new one; the oldest falls off. Memory stays flat.
 */
export function appendBucketed(series: SeriesPoint[], point: SeriesPoint, bucketMs: number, maxLength: number): SeriesPoint[] {
  const bucket = point[0] - (point[0] % bucketMs);
  const last = series[series.length - 1];
  if (last && bucket < last[0]) return series; // late point: older than what is shown
  const next = last && last[0] === bucket ? series.slice(0, -1) : series.slice();
  next.push([bucket, point[1]]);
  return next.length > maxLength ? next.slice(next.length - maxLength) : next;
}
