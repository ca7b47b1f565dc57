/**
 * Guided tours as the hub's wall state holds them, and how they move. Pure and deterministic: no
 * timers, no clock of its own. The hub applies a console's tour action at the command's `issuedAt`;
 * every display of the wall applies the same delta at the same `issuedAt` and asks
 * `positionAt(state, wallNow())` which step to show, so all of them show the same step at the same
 * hub time, and one that joins mid-tour (a snapshot) lands on the step the others show.
 *
 * The state keeps the tour's plan (each step's scene and dwell time), frozen when it starts: a
 * designer publishing a new version of the scene mid-briefing cannot shift the timing under a
 * wall, and a display that does not know the scene (yet) still counts the steps in lock-step.
 * What a step shows (camera, layers, highlight, caption) comes from the scene file (tour.ts).
 *
 * Rules:
 * - Playing: the step advances by itself when its dwell time has passed; after the last step's
 *   dwell the tour is finished and holds the last step (it stays on the wall until stopped).
 * - `pause` freezes the position (the elapsed time in the step is kept); `resume` continues from
 *   exactly there.
 * - `explore`: the presenter takes the camera. The dwell is held like a pause and the camera is
 *   free; `continue` flies back to the step's camera (from the moment of the command) and lets the
 *   dwell run on from where it was held. Pause and explore are independent: a paused tour that is
 *   explored and continued is still paused.
 * - `next` / `prev` / `jump` land on the step with nothing elapsed and end exploring; a paused tour
 *   stays paused there. `next` on the last step finishes the tour; `prev` on the first starts it
 *   again.
 * - `stop` ends the tour (null).
 */
import { z } from 'zod';
import { SceneIdSchema, epochMs, finite } from './schema-kit.ts';

export const TOUR_LIMITS = {
  maxSteps: 60,
  minDwellMs: 3_000,
  maxDwellMs: 600_000,
  maxFlightMs: 20_000,
  maxToursPerScene: 8,
  titleZhChars: 30,
  titleEnChars: 80,
  descriptionChars: 200,
  captionZhChars: 60,
  captionEnChars: 120,
  notesChars: 1000,
} as const;

export const TourIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, starting with a letter (at most 40)');

const seconds = (ms: number) => `${ms / 1000} s`;
export const dwellMs = () =>
  z
    .number({ error: (issue) => (issue.input === undefined ? 'missing' : 'a number of milliseconds') })
    .int('whole milliseconds')
    .min(TOUR_LIMITS.minDwellMs, `must be at least ${seconds(TOUR_LIMITS.minDwellMs)}`)
    .max(TOUR_LIMITS.maxDwellMs, `must be at most ${seconds(TOUR_LIMITS.maxDwellMs)}`);
const stepIndex = () =>
  z
    .number()
    .int()
    .min(0)
    .max(TOUR_LIMITS.maxSteps - 1);

/** What the hub freezes of a tour when it starts: each step's scene and dwell time. */
export const TourPlanStepSchema = z.object({ scene: SceneIdSchema, dwellMs: dwellMs() });
export const TourPlanSchema = z.array(TourPlanStepSchema).min(1).max(TOUR_LIMITS.maxSteps);
export type TourPlan = z.infer<typeof TourPlanSchema>;

export const TourStateSchema = z
  .object({
    /** The scene file that holds the tour, and the tour's id in it. */
    scene: SceneIdSchema,
    tour: TourIdSchema,
    plan: TourPlanSchema,
    /** The step as of the last action; later steps follow by dwell time (positionAt). */
    step: stepIndex(),
    /** Hub time `step` started (moved on by resume and continue, so that now − it is the elapsed time). */
    stepStartedAt: epochMs(),
    /** Hub time the step's view was last entered (start, next, prev, jump, continue): its camera flight starts here. */
    shownAt: epochMs(),
    /** Set while paused or exploring: the dwell is held at `elapsedMs` since `since`. */
    held: z.object({ since: epochMs(), elapsedMs: finite().min(0) }).nullable(),
    paused: z.boolean(),
    /** The presenter has the camera; the step's dwell waits. */
    exploring: z.boolean(),
  })
  .refine((s) => s.step < s.plan.length, { path: ['step'], message: 'beyond the last step of the plan' })
  .refine((s) => (s.held !== null) === (s.paused || s.exploring), { path: ['held'], message: 'held exactly while paused or exploring' });
export type TourState = z.infer<typeof TourStateSchema>;

/**
 * What the console asks of a wall's tour (command `{type: 'tour', action}`). `start.plan` is the
 * hub's to fill from the scene it serves: whatever a console puts there is replaced.
 */
export const TourActionSchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('start'), scene: SceneIdSchema, tour: TourIdSchema, step: stepIndex().optional(), plan: TourPlanSchema.optional() }),
  z.object({ do: z.literal('next') }),
  z.object({ do: z.literal('prev') }),
  z.object({ do: z.literal('jump'), step: stepIndex() }),
  z.object({ do: z.literal('pause') }),
  z.object({ do: z.literal('resume') }),
  z.object({ do: z.literal('explore') }),
  z.object({ do: z.literal('continue') }),
  z.object({ do: z.literal('stop') }),
]);
export type TourAction = z.infer<typeof TourActionSchema>;
export const TOUR_ACTIONS = ['start', 'next', 'prev', 'jump', 'pause', 'resume', 'explore', 'continue', 'stop'] as const satisfies readonly TourAction['do'][];

export interface TourPosition {
  /** The step shown now. */
  step: number;
  /** Time spent in it (held while paused or exploring; at most its dwell). */
  elapsedMs: number;
  /** Past the last step's dwell: the last step stays on the wall until the tour is stopped. */
  finished: boolean;
  /** Hub time the step started (for a step once held, as if it had never been). */
  stepStartedAt: number;
  /** Hub time the step's view was entered: where its camera flight starts. */
  shownAt: number;
  paused: boolean;
  exploring: boolean;
}

const last = (s: TourState) => s.plan.length - 1;

/** Where a tour is at hub time `now`: the same answer on every display for the same state and time. */
export function positionAt(state: TourState, now: number): TourPosition {
  const { plan, paused, exploring } = state;
  const step = Math.min(state.step, last(state));
  if (state.held) {
    const elapsedMs = Math.min(state.held.elapsedMs, plan[step].dwellMs);
    const finished = step === last(state) && elapsedMs >= plan[step].dwellMs;
    return { step, elapsedMs, finished, stepStartedAt: state.held.since - elapsedMs, shownAt: state.shownAt, paused, exploring };
  }
  let i = step;
  let start = state.stepStartedAt;
  // A clock a little behind the hub's (a display) sees the step at its very start, never before it.
  while (i < last(state) && now - start >= plan[i].dwellMs) {
    start += plan[i].dwellMs;
    i++;
  }
  const elapsedMs = Math.min(Math.max(0, now - start), plan[i].dwellMs);
  const finished = i === last(state) && now - start >= plan[i].dwellMs;
  return { step: i, elapsedMs, finished, stepStartedAt: start, shownAt: i === step ? state.shownAt : start, paused, exploring };
}

/** Hub time the shown step ends by itself; null while held or finished (nothing changes until a command). */
export function nextBoundaryAt(state: TourState, now: number): number | null {
  const pos = positionAt(state, now);
  if (state.held || pos.finished) return null;
  return pos.stepStartedAt + state.plan[pos.step].dwellMs;
}

/** The state with `step` caught up to `now` (steps passed by their dwell time become the state's own). */
function settle(state: TourState, now: number): TourState {
  if (state.held) return state;
  const pos = positionAt(state, now);
  return { ...state, step: pos.step, stepStartedAt: pos.stepStartedAt, shownAt: pos.shownAt };
}

const hold = (state: TourState, now: number) => state.held ?? { since: now, elapsedMs: positionAt(state, now).elapsedMs };
/** Lets a held dwell run on from where it was held. */
const release = (state: TourState, now: number): TourState =>
  state.held ? { ...state, stepStartedAt: now - state.held.elapsedMs, held: null } : state;

function goTo(state: TourState, step: number, now: number): TourState {
  const s = Math.max(0, Math.min(step, last(state)));
  return { ...state, step: s, stepStartedAt: now, shownAt: now, exploring: false, held: state.paused ? { since: now, elapsedMs: 0 } : null };
}

/** Past the last step's dwell, at once; its view stays as it is. */
function finish(state: TourState, now: number): TourState {
  const end = last(state);
  const dwell = state.plan[end].dwellMs;
  const shownAt = state.step === end ? state.shownAt : now;
  const base = { ...state, step: end, shownAt, exploring: false };
  return state.paused ? { ...base, held: { since: now, elapsedMs: dwell } } : { ...base, stepStartedAt: now - dwell, held: null };
}

export function startTour(action: { scene: string; tour: string; step?: number; plan: TourPlan }, now: number): TourState {
  const step = Math.max(0, Math.min(action.step ?? 0, action.plan.length - 1));
  return { scene: action.scene, tour: action.tour, plan: action.plan, step, stepStartedAt: now, shownAt: now, held: null, paused: false, exploring: false };
}

/**
 * The tour after `action` at hub time `now`. `start` without a plan changes nothing (the hub always
 * fills it); any action but `start` on no tour is no tour; `stop` ends it.
 */
export function applyTour(state: TourState | null, action: TourAction, now: number): TourState | null {
  if (action.do === 'start') return action.plan ? startTour({ ...action, plan: action.plan }, now) : state;
  if (!state || action.do === 'stop') return null;
  const s = settle(state, now);
  switch (action.do) {
    case 'next':
      return s.step < last(s) ? goTo(s, s.step + 1, now) : finish(s, now);
    case 'prev':
      return goTo(s, s.step - 1, now);
    case 'jump':
      return goTo(s, action.step, now);
    case 'pause':
      return s.paused ? s : { ...s, paused: true, held: hold(s, now) };
    case 'resume':
      if (!s.paused) return s;
      return s.exploring ? { ...s, paused: false } : release({ ...s, paused: false }, now);
    case 'explore':
      return s.exploring ? s : { ...s, exploring: true, held: hold(s, now) };
    case 'continue':
      if (!s.exploring) return s;
      return s.paused ? { ...s, exploring: false, shownAt: now } : release({ ...s, exploring: false, shownAt: now }, now);
  }
}

/** The scene a tour shows at `now`: the scene of its current step. */
export const tourSceneAt = (state: TourState, now: number) => state.plan[positionAt(state, now).step].scene;
