import { formatClock, formatMoment } from '../core/format.ts';

/** What a time that cannot be shown reads as. */
export const NO_TIME = '—';

/** ECMAScript's Date range: ±8.64e15 ms around 1970. Past it Date is invalid and Intl throws. */
const MAX_DATE_MS = 8.64e15;

export const isShowableTime = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;

/**
 * Formats a time that came from outside (the hub's playback moment, a clock) without ever
 * throwing: the schema checks a time is a positive integer, not that a Date can hold it, and a
 * throw here would take the whole header with it.
 */
export function safeTime(ms: unknown, format: (ms: number) => string): string {
  if (!isShowableTime(ms)) return NO_TIME;
  try {
    return format(ms);
  } catch {
    return NO_TIME;
  }
}

/** For <time dateTime>: an ISO string, or undefined (no attribute) for a time past Date's range. */
export function safeIso(ms: unknown): string | undefined {
  const text = safeTime(ms, (t) => new Date(t).toISOString());
  return text === NO_TIME ? undefined : text;
}

/** A playback moment to the minute, Chongqing time. */
export const safeMoment = (ms: unknown) => safeTime(ms, formatMoment);

/** The header clock: time and date, "—" for both when the time cannot be shown. */
export function safeClock(ms: unknown): { time: string; date: string } {
  if (!isShowableTime(ms)) return { time: NO_TIME, date: NO_TIME };
  try {
    return formatClock(ms);
  } catch {
    return { time: NO_TIME, date: NO_TIME };
  }
}
