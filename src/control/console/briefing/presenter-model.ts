import type { Tour } from '../../../hub/tour.ts';
import { positionAt, type TourAction, type TourState } from '../../../hub/tour-sequence.ts';
import type { SceneChoice } from '../../../store/console-store.ts';

/** What the presenter sees of a running tour at hub time `now`. */
export interface PresenterView {
  tour: Tour;
  step: number;
  current: Tour['steps'][number];
  /** The step after this one; null on the last. */
  next: Tour['steps'][number] | null;
  /** Time in the current step, and its dwell. */
  elapsedInStepMs: number;
  dwellMs: number;
  /** Time since the tour's first step by the plan (steps before this one at their planned dwell, plus this one's elapsed). */
  elapsedMs: number;
  /** The tour's planned length: every step's dwell. */
  plannedMs: number;
  paused: boolean;
  exploring: boolean;
  finished: boolean;
}

/** The tour a wall plays, found among the scenes the console knows; null when there is none or it is not known here. */
export function findTour(scenes: readonly SceneChoice[], state: TourState | null): Tour | null {
  if (!state) return null;
  return scenes.find((s) => s.id === state.scene)?.tours.find((t) => t.id === state.tour) ?? null;
}

export function presenterView(tour: Tour, state: TourState, now: number): PresenterView {
  const pos = positionAt(state, now);
  // The hub froze the plan when the tour started: its dwell times are the ones that run.
  const plan = state.plan;
  const before = plan.slice(0, pos.step).reduce((sum, s) => sum + s.dwellMs, 0);
  const step = Math.min(pos.step, tour.steps.length - 1);
  return {
    tour,
    step: pos.step,
    current: tour.steps[step],
    next: tour.steps[step + 1] ?? null,
    elapsedInStepMs: pos.elapsedMs,
    dwellMs: plan[pos.step].dwellMs,
    elapsedMs: before + pos.elapsedMs,
    plannedMs: plan.reduce((sum, s) => sum + s.dwellMs, 0),
    paused: pos.paused,
    exploring: pos.exploring,
    finished: pos.finished,
  };
}

/** Every tour of every scene, for the picker. */
export function tourChoices(scenes: readonly SceneChoice[]): { scene: SceneChoice; tour: Tour }[] {
  return scenes.flatMap((scene) => scene.tours.map((tour) => ({ scene, tour })));
}

/** What a key of a presentation clicker (or the keyboard) asks for; null for any other key. */
export type ClickerIntent = { tour: TourAction } | { blank: 'toggle' };

export function clickerIntent(key: string, state: TourState | null, now: number): ClickerIntent | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
      return state ? { tour: { do: 'next' } } : null;
    case 'PageUp':
    case 'ArrowLeft':
      return state ? { tour: { do: 'prev' } } : null;
    // Clickers send `b` or `.` for "blank screen" (PowerPoint's keys).
    case 'b':
    case 'B':
    case '.':
      return { blank: 'toggle' };
    case ' ':
      if (!state) return null;
      return { tour: positionAt(state, now).paused ? { do: 'resume' } : { do: 'pause' } };
    default:
      return null;
  }
}

/** m:ss */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
