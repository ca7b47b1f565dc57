import type { Scene } from '../../hub/contract.ts';

export interface HistoryOptions {
  /** Steps kept each way; the oldest go first. */
  limit: number;
  /** Edits of one coalesce key closer together than this are one step. */
  coalesceMs: number;
}

export const DEFAULT_HISTORY: HistoryOptions = { limit: 200, coalesceMs: 800 };

/** Whole scenes before each step (they share every unchanged part with each other). */
export interface History {
  past: readonly Scene[];
  future: readonly Scene[];
  /** The burst being typed: its key and when its last edit came. */
  burst: { key: string; at: number } | null;
}

export const emptyHistory: History = { past: [], future: [], burst: null };

/** Records a step from `before`; a new edit forgets what was undone. */
export function recordStep(h: History, before: Scene, key: string | null, now: number, opts: HistoryOptions): History {
  // The burst's first `before` is already on the stack: later keystrokes only move its end.
  if (key !== null && h.burst?.key === key && now - h.burst.at <= opts.coalesceMs && h.past.length > 0) {
    return { past: h.past, future: [], burst: { key, at: now } };
  }
  const past = h.past.length >= opts.limit ? [...h.past.slice(h.past.length - opts.limit + 1), before] : [...h.past, before];
  return { past, future: [], burst: key === null ? null : { key, at: now } };
}

export function undoStep(h: History, current: Scene, opts: HistoryOptions): { history: History; scene: Scene } | null {
  if (h.past.length === 0) return null;
  const scene = h.past[h.past.length - 1];
  return { scene, history: { past: h.past.slice(0, -1), future: [current, ...h.future].slice(0, opts.limit), burst: null } };
}

export function redoStep(h: History, current: Scene, opts: HistoryOptions): { history: History; scene: Scene } | null {
  if (h.future.length === 0) return null;
  const [scene, ...future] = h.future;
  return { scene, history: { past: [...h.past, current].slice(-opts.limit), future, burst: null } };
}

/** Ends the burst being typed (the field lost focus): the next keystroke starts a new step. */
export const sealBurst = (h: History): History => (h.burst ? { ...h, burst: null } : h);
