/**
 * The console's time machine, free of React: the timeline's window over the recording, where the
 * marks of events and alerts sit on it, and the commands its buttons send (all `time` commands, full
 * each time: the hub stamps the anchor, every display replays from it; src/hub/replay-clock.ts).
 */
import type { WallTime } from '../../../hub/control.ts';
import type { Alert, CityEvent, Level } from '../../../hub/events/schemas.ts';
import { replayedAt } from '../../../hub/replay-clock.ts';

export interface Range {
  from: number;
  to: number;
}

/** The timeline shows at most this much of the recording: the newest part. */
export const TIMELINE_MAX_MS = 24 * 3600_000;
/** Where a first "play" starts when the scrubber was never moved: this long before the recording's end. */
export const DEFAULT_LOOKBACK_MS = 3600_000;

/** The timeline's window: the recorded range, or its newest TIMELINE_MAX_MS. */
export function timelineWindow(range: Range): Range {
  return { from: Math.max(range.from, range.to - TIMELINE_MAX_MS), to: range.to };
}

/** 0..1 along the window (clamped). */
export function fraction(t: number, window: Range): number {
  const span = window.to - window.from;
  if (!(span > 0)) return 1;
  return Math.min(1, Math.max(0, (t - window.from) / span));
}

export interface Mark {
  id: string;
  kind: 'event' | 'alert';
  level: Level;
  at: number;
  /** 0..1 along the window. */
  x: number;
  title: string;
}

/** Marks of the events reported and alerts opened within the window, oldest first, at most `max`. */
export function timelineMarks(events: readonly CityEvent[], alerts: readonly Alert[], window: Range, max = 400): Mark[] {
  const inside = (t: number) => t >= window.from && t <= window.to;
  const marks: Mark[] = [
    ...events.filter((e) => inside(e.reportedAt)).map((e) => ({ id: e.id, kind: 'event' as const, level: e.level, at: e.reportedAt, x: 0, title: e.title })),
    ...alerts
      .filter((a) => inside(a.openedAt))
      .map((a) => ({ id: a.id, kind: 'alert' as const, level: a.level, at: a.openedAt, x: 0, title: `${a.place.name} ${a.metric}` })),
  ];
  marks.sort((a, b) => a.at - b.at);
  return marks.slice(-max).map((m) => ({ ...m, x: fraction(m.at, window) }));
}

/** Where the wall's replayed clock stands now (hub time `now`); null while live. */
export function wallMoment(time: WallTime, now: number): number | null {
  return time.mode === 'playback' ? replayedAt(time, now) : null;
}

/** A moment kept inside the recording (the hub refuses anything outside it). */
export const clampTo = (t: number, range: Range) => Math.min(range.to, Math.max(range.from, Math.round(t)));

/**
 * The `time` command of a timeline action. Each carries the moment the wall should read now, so a
 * rate change or a pause continues from where the replay is, and the hub restarts the clock there.
 */
export function playbackCommand(
  action: { do: 'play' } | { do: 'pause' } | { do: 'rate'; rate: number } | { do: 'seek'; at: number } | { do: 'live' },
  time: WallTime,
  now: number,
  range: Range,
  start: number,
): { type: 'time'; time: WallTime } {
  if (action.do === 'live') return { type: 'time', time: { mode: 'live' } };
  const playing = time.mode === 'playback' ? time : null;
  const here = clampTo(playing ? replayedAt(playing, now) : start, range);
  const rate = playing?.rate ?? 1;
  const paused = playing?.paused ?? false;
  switch (action.do) {
    case 'play':
      return { type: 'time', time: { mode: 'playback', at: here, rate, paused: false } };
    case 'pause':
      return { type: 'time', time: { mode: 'playback', at: here, rate, paused: true } };
    case 'rate':
      return { type: 'time', time: { mode: 'playback', at: here, rate: action.rate, paused: playing ? paused : false } };
    case 'seek':
      return { type: 'time', time: { mode: 'playback', at: clampTo(action.at, range), rate, paused } };
  }
}
