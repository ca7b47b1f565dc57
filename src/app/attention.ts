/**
 * Attention: a new red alert or a new red event flies this wall's camera to it and, after a
 * while, back. The wall state says whether and how often (`WallState.attention`, set from the
 * console); the console holding the camera (`state.camera` set) always wins.
 *
 * The decision is a pure function of what was seen before and the board now (decideAttention),
 * so it is tested without a wall; attachAttention runs it on the stores and flies through the
 * twin's camera director as the `attention` holder (above a visitor's flight and the orbit, below
 * the console and tours). Every display of a wall receives the same board changes in the same
 * order with the same hub times, decides alike, and flies on the wall clock from the change's hub
 * time: the displays move in lock-step.
 */
import type { Attention, WallState } from '../hub/control.ts';
import type { Board } from '../hub/events/schemas.ts';
import { isOpen } from '../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC } from '../hub/topics/events.ts';
import type { ControlStore } from '../store/control-store.ts';
import type { TopicStore, TopicValue } from '../store/topic-store.ts';
import type { CameraDirector, CameraGoal } from '../twin/controller/camera-director.ts';
import type { CameraPose } from '../twin/wall-flight.ts';

/** Something red that newly appeared on the board. */
export interface RedItem {
  kind: 'alert' | 'event';
  id: string;
  position: [number, number];
  /** Hub time it became red: the alert's last change, the event's report. */
  at: number;
  /** A district-wide alert is framed wider than a site or an event. */
  wide: boolean;
}

/** What attention remembers between board values. */
export interface AttentionMemory {
  /** Ids of every event seen on the board, and of the alerts seen red; null: no board yet (the next one is the baseline). */
  events: ReadonlySet<string> | null;
  redAlerts: ReadonlySet<string> | null;
  /** Hub time of the last flight attention started; null: none yet. */
  lastFlightAt: number | null;
}

export const FRESH_MEMORY: AttentionMemory = { events: null, redAlerts: null, lastFlightAt: null };

export type AttentionReason = 'no-board' | 'baseline' | 'nothing-new' | 'disabled' | 'console' | 'interval' | 'fly';

export interface AttentionDecision {
  /** Where to fly, or null. */
  target: RedItem | null;
  reason: AttentionReason;
  memory: AttentionMemory;
}

export interface AttentionInput {
  attention: Attention;
  /** The console holds the camera (the wall state's `camera` is set), or a guided tour plays. */
  consoleHolds: boolean;
  /** Hub time of the board value. */
  now: number;
}

/**
 * What appeared red since the last board: an event that comes onto the board at level red (an
 * event re-levelled to red later does not count: it was on the board already), an alert that is
 * active and red and was not red before (new, or raised to red). The newest of them is the target.
 */
export function newRedItems(memory: AttentionMemory, board: Board): { items: RedItem[]; events: Set<string>; redAlerts: Set<string> } {
  const events = new Set<string>();
  const redAlerts = new Set<string>();
  const items: RedItem[] = [];
  for (const e of board.events) {
    events.add(e.id);
    if (e.level === 'red' && isOpen(e.status) && memory.events && !memory.events.has(e.id))
      items.push({ kind: 'event', id: e.id, position: e.position, at: e.reportedAt, wide: false });
  }
  for (const a of board.alerts) {
    if (a.status !== 'active' || a.level !== 'red') continue;
    redAlerts.add(a.id);
    if (memory.redAlerts && !memory.redAlerts.has(a.id))
      items.push({ kind: 'alert', id: a.id, position: a.place.position, at: a.updatedAt, wide: a.place.kind === 'district' });
  }
  return { items, events, redAlerts };
}

/**
 * Whether to fly, given what was seen before and the board now. Red items are consumed whether or
 * not they fly the camera (switched off, the console holding it, too soon after the last flight):
 * switching attention on later, or the interval ending, never flies to something old. The first
 * board (the wall starting, or the board coming back after a scene without it) is the baseline.
 */
export function decideAttention(memory: AttentionMemory, board: Board | undefined, input: AttentionInput): AttentionDecision {
  if (!board) return { target: null, reason: 'no-board', memory: { ...memory, events: null, redAlerts: null } };
  const { items, events, redAlerts } = newRedItems(memory, board);
  const next: AttentionMemory = { ...memory, events, redAlerts };
  if (memory.events === null || memory.redAlerts === null) return { target: null, reason: 'baseline', memory: next };
  if (!items.length) return { target: null, reason: 'nothing-new', memory: next };
  if (!input.attention.enabled) return { target: null, reason: 'disabled', memory: next };
  if (input.consoleHolds) return { target: null, reason: 'console', memory: next };
  if (memory.lastFlightAt !== null && input.now - memory.lastFlightAt < input.attention.intervalS * 1000)
    return { target: null, reason: 'interval', memory: next };
  const target = items.reduce((newest, x) => (x.at > newest.at ? x : newest));
  return { target, reason: 'fly', memory: { ...next, lastFlightAt: input.now } };
}

/** The flight there, the stay, the flight back (design zooms: src/twin/framing.ts). */
export const ATTENTION_FLY_MS = 4000;
export const ATTENTION_STAY_MS = 15_000;
const CLOSE_ZOOM = 13.5;
const WIDE_ZOOM = 11.5;
/** A board change this much older than the wall clock flies from now: a late display must not replay half a flight. */
const MAX_LAG_MS = 2000;

export function attentionPose(item: RedItem, from: CameraPose): CameraPose {
  return { center: item.position, zoom: item.wide ? WIDE_ZOOM : CLOSE_ZOOM, pitch: 50, bearing: from.bearing };
}

/** The part of the camera director attention uses. */
export type AttentionCamera = Pick<CameraDirector, 'fly' | 'release' | 'poseAt' | 'holder'>;

export interface AttentionDeps {
  topics: TopicStore;
  control: ControlStore;
  camera: AttentionCamera;
  /** The hub-synchronised wall clock. */
  now: () => number;
  /** false with ?anim=0: the camera jumps there and back instead of flying. */
  animate: boolean;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Each decision, for diagnostics and tests. */
  onDecision?: (decision: AttentionDecision) => void;
}

const DEFAULT_ATTENTION: Attention = { enabled: true, intervalS: 120 };

/** Runs attention on a wall's stores; returns the detach function. */
export function attachAttention(deps: AttentionDeps): () => void {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let memory = FRESH_MEMORY;
  let back: unknown = null;
  /** Where the camera goes back to after the stay (the scene's camera, or the pose it had). */
  let returnTo: CameraGoal = 'scene';
  let held: TopicValue | undefined;
  const flyMs = deps.animate ? ATTENTION_FLY_MS : 0;

  const cancelReturn = () => {
    if (back !== null) clearTimer(back);
    back = null;
  };
  const flyBack = (start: number) => deps.camera.fly('attention', returnTo, { start, duration: flyMs, release: true });

  function fly(target: RedItem, at: number) {
    const now = deps.now();
    const start = now - at > MAX_LAG_MS ? now : at;
    const from = deps.camera.poseAt(start);
    // A camera at rest on the scene's goes back to the scene's camera, even if the scene changes meanwhile.
    const goal: CameraGoal = deps.camera.holder() === 'scene' ? 'scene' : from;
    if (!deps.camera.fly('attention', attentionPose(target, from), { start, duration: flyMs })) return false;
    cancelReturn();
    returnTo = goal;
    const returnAt = start + flyMs + ATTENTION_STAY_MS;
    back = setTimer(
      () => {
        back = null;
        flyBack(returnAt);
      },
      Math.max(0, returnAt - deps.now()),
    );
    return true;
  }

  function onBoard() {
    const value = deps.topics.getState().values[EVENTS_BOARD_TOPIC];
    if (value === held) return;
    held = value;
    const state: WallState | null = deps.control.getState().state;
    const now = value?.time ?? deps.now();
    const previous = memory.lastFlightAt;
    const decision = decideAttention(memory, value?.data as Board | undefined, {
      attention: state?.attention ?? DEFAULT_ATTENTION,
      // A guided tour is a briefing: attention does not fly it away, even while the presenter explores.
      consoleHolds: state?.camera != null || state?.tour != null,
      now,
    });
    memory = decision.memory;
    // Refused by the director (a tour holds the camera): it counts as no flight.
    if (decision.target && !fly(decision.target, now)) memory = { ...memory, lastFlightAt: previous };
    deps.onDecision?.(decision);
  }

  function onControl() {
    if (back === null) return;
    const state = deps.control.getState().state;
    if (state?.camera != null) {
      // The console took the camera: attention lets go at once (the console's flight is under way).
      cancelReturn();
      deps.camera.release('attention');
    } else if (state?.attention.enabled === false) {
      // Switched off during the stay: go back now rather than at the end of it.
      cancelReturn();
      flyBack(deps.now());
    }
  }

  const unsubscribe = [deps.topics.subscribe(onBoard), deps.control.subscribe(onControl)];
  onBoard();
  return () => {
    unsubscribe.forEach((u) => u());
    cancelReturn();
    deps.camera.release('attention');
  };
}
