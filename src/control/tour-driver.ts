import type { Highlight, WallState } from '../hub/control.ts';
import type { Board } from '../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC } from '../hub/topics/events.ts';
import { findTour, type Tour, type TourHighlight } from '../hub/tour.ts';
import { nextBoundaryAt, positionAt } from '../hub/tour-sequence.ts';
import { controlActions, type ControlStore, type TourView } from '../store/control-store.ts';
import { currentScene, sceneActions, type SceneStore } from '../store/scene-store.ts';
import type { TopicStore } from '../store/topic-store.ts';

/**
 * How late after a step's end the display looks again. Flights start from the hub times in the
 * state, not from when this timer fires, so the slack costs lock-step nothing; it only keeps a
 * timer that fires a hair early from finding the old step and asking once more.
 */
export const TOUR_TIMER_SLACK_MS = 25;

/** The step's highlight as the twin draws it: an event becomes its position and title, once the board has it. */
export function resolveHighlight(h: TourHighlight | undefined, board: Board | undefined): Highlight | null {
  if (!h) return null;
  if (!('event' in h)) return h;
  const event = board?.events.find((e) => e.id === h.event);
  return event ? { point: event.position, label: event.title.slice(0, 40) } : null;
}

export type TourLookup = (scene: string, tour: string) => Tour | undefined;

/** The step a wall state shows at hub time `now` (null: no tour), with its content from `lookup`. */
export function computeTourView(state: WallState | null, now: number, lookup: TourLookup, board?: Board): TourView | null {
  const tour = state?.tour;
  if (!tour) return null;
  const pos = positionAt(tour, now);
  const def = lookup(tour.scene, tour.tour);
  // The plan is the hub's; a copy of the scene with fewer steps than it (an older version) shows none.
  const step = def?.steps[pos.step] ?? null;
  return {
    scene: tour.scene,
    tour: tour.tour,
    title: def?.title ?? null,
    index: pos.step,
    count: tour.plan.length,
    stepScene: tour.plan[pos.step].scene,
    step,
    highlight: resolveHighlight(step?.highlight, board),
    stepStartedAt: pos.stepStartedAt,
    shownAt: pos.shownAt,
    paused: pos.paused,
    exploring: pos.exploring,
    finished: pos.finished,
  };
}

const sameHighlight = (a: Highlight | null, b: Highlight | null) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Whether two views show the same thing (a new object for the same step must not re-fly the camera). */
export function sameTourView(a: TourView | null, b: TourView | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.scene === b.scene &&
    a.tour === b.tour &&
    a.title === b.title &&
    a.index === b.index &&
    a.count === b.count &&
    a.stepScene === b.stepScene &&
    a.step === b.step &&
    sameHighlight(a.highlight, b.highlight) &&
    a.stepStartedAt === b.stepStartedAt &&
    a.shownAt === b.shownAt &&
    a.paused === b.paused &&
    a.exploring === b.exploring &&
    a.finished === b.finished
  );
}

export interface TourDriverDeps {
  control: ControlStore;
  scenes: SceneStore;
  /** For event highlights (the events board); without it they show nothing. */
  topics?: TopicStore;
  /** The hub-synchronised wall clock. */
  now: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * A display following its wall's tour. The step comes from the state and the wall clock, never
 * from a timer count: a timer set for the current step's end only says when to look again, so
 * every display shows the step the hub's clock says, and a display that joins mid-tour lands on
 * it. At a step's end it switches the scene (if the step has another) and stores the new step
 * (the twin flies the camera, the caption shows it); nothing runs between steps.
 */
export function createTourDriver(deps: TourDriverDeps) {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const actions = controlActions(deps.control);
  const sceneOps = sceneActions(deps.scenes);
  let timer: unknown = null;

  const lookup: TourLookup = (scene, tour) => {
    const scenes = deps.scenes.getState().scenes;
    return findTour({ get: (id) => scenes.find((s) => s.id === id) }, scene, tour);
  };
  const board = () => deps.topics?.getState().values[EVENTS_BOARD_TOPIC]?.data as Board | undefined;

  /** The view for `state` now, keeping the held object when nothing changed (subscribers compare by identity). */
  function view(state: WallState | null): TourView | null {
    const next = computeTourView(state, deps.now(), lookup, board());
    const held = deps.control.getState().tour;
    return sameTourView(held, next) ? held : next;
  }

  function schedule(state: WallState | null) {
    if (timer !== null) clearTimer(timer);
    timer = null;
    const now = deps.now();
    const end = state?.tour ? nextBoundaryAt(state.tour, now) : null;
    if (end === null) return;
    timer = setTimer(() => ((timer = null), refresh()), Math.max(0, end - now) + TOUR_TIMER_SLACK_MS);
  }

  /** Looks again: a step's end, a scene's content arriving, the board changing. */
  function refresh() {
    const { state, tour: held } = deps.control.getState();
    const next = view(state);
    if (next !== held) {
      // The scene first: the twin then flies the new step's camera over the scene it belongs to.
      if (next && currentScene(deps.scenes.getState()).id !== next.stepScene) sceneOps.select(next.stepScene);
      actions.tour(next);
    }
    schedule(state);
  }

  const unsubscribe = [
    // A new state arrives with its view (display sync stores both at once); only the timer follows it.
    deps.control.subscribe((s, prev) => {
      if (s.state !== prev.state) schedule(s.state);
    }),
    // Hub scenes arriving may hold the tour's content. Looked at after the scene store has told
    // everyone of the change: switching scenes from inside its own notification would reorder it.
    deps.scenes.subscribe((s, prev) => {
      if (s.scenes !== prev.scenes && deps.control.getState().state?.tour) queueMicrotask(refresh);
    }),
    ...(deps.topics
      ? [
          deps.topics.subscribe((s, prev) => {
            const h = deps.control.getState().tour?.step?.highlight;
            if (h && 'event' in h && s.values[EVENTS_BOARD_TOPIC] !== prev.values[EVENTS_BOARD_TOPIC]) refresh();
          }),
        ]
      : []),
  ];

  return {
    /** The view a state shows now: for display sync, to store with the state. */
    view,
    /** Looks again now (tests, and a clock that was just re-aligned). */
    refresh,
    detach() {
      unsubscribe.forEach((u) => u());
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
