import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTENTION, type WallState } from '../hub/control.ts';
import type { Alert, Board, CityEvent } from '../hub/events/schemas.ts';
import { mergeBoard } from '../hub/topics/events.ts';
import { controlActions, createControlStore } from '../store/control-store.ts';
import { createTopicStore, topicActions } from '../store/topic-store.ts';
import type { CameraGoal, CameraHolder, FlyOptions } from '../twin/controller/camera-director.ts';
import type { CameraPose } from '../twin/wall-flight.ts';
import { bump, makeBoard, T0 } from '../modules/events/test-fixtures.ts';
import { ATTENTION_FLY_MS, ATTENTION_STAY_MS, FRESH_MEMORY, attachAttention, decideAttention, type AttentionMemory } from './attention.ts';

const board = makeBoard();
const on = { attention: DEFAULT_ATTENTION, consoleHolds: false, now: T0 };
const redEvent = (n: number, at = T0): CityEvent => ({ ...board.events[0], id: `EV-20260520-9${String(n).padStart(4, '0')}`, level: 'red', status: 'reported', reportedAt: at, position: [106.57, 29.56] });
const change = (events: CityEvent[] = [], alerts: Alert[] = []): Board => ({ events, alerts, removed: [] });
const baseline = (b: Board = board) => decideAttention(FRESH_MEMORY, b, on).memory;

describe('decideAttention', () => {
  it('the first board is the baseline: red items already there fly nowhere', () => {
    expect(board.events.some((e) => e.level === 'red')).toBe(true);
    const d = decideAttention(FRESH_MEMORY, board, on);
    expect(d).toMatchObject({ target: null, reason: 'baseline' });
  });

  it('a new red event flies there; the same board again does not', () => {
    const next = mergeBoard(board, change([redEvent(1)]));
    const d = decideAttention(baseline(), next, on);
    expect(d.reason).toBe('fly');
    expect(d.target).toMatchObject({ kind: 'event', id: redEvent(1).id, position: [106.57, 29.56] });
    expect(d.memory.lastFlightAt).toBe(T0);
    expect(decideAttention(d.memory, next, { ...on, now: T0 + 999_000 }).reason).toBe('nothing-new');
  });

  it('an event re-levelled to red was on the board already: no flight; an alert raised to red is new red', () => {
    const blue = board.events.find((e) => e.level === 'blue' && e.status === 'reported')!;
    expect(decideAttention(baseline(), mergeBoard(board, change([bump(blue, { level: 'red' })])), on).reason).toBe('nothing-new');
    const orange = board.alerts.find((a) => a.level === 'orange' && a.status === 'active')!;
    const d = decideAttention(baseline(), mergeBoard(board, change([], [{ ...orange, level: 'red', version: orange.version + 1, updatedAt: T0 }])), on);
    expect(d.target).toMatchObject({ kind: 'alert', id: orange.id, position: orange.place.position });
  });

  it('at most once per interval; items that came meanwhile are consumed, not saved for later', () => {
    let memory: AttentionMemory = baseline();
    let held = board;
    const step = (events: CityEvent[], now: number) => {
      held = mergeBoard(held, change(events));
      const d = decideAttention(memory, held, { ...on, now });
      memory = d.memory;
      return d.reason;
    };
    expect(step([redEvent(1)], T0)).toBe('fly');
    expect(step([redEvent(2)], T0 + 60_000)).toBe('interval');
    expect(step([], T0 + 121_000)).toBe('nothing-new');
    expect(step([redEvent(3)], T0 + 121_000)).toBe('fly');
  });

  it('never while the console holds the camera, never when switched off', () => {
    const next = mergeBoard(board, change([redEvent(1)]));
    expect(decideAttention(baseline(), next, { ...on, consoleHolds: true }).reason).toBe('console');
    const off = decideAttention(baseline(), next, { ...on, attention: { enabled: false, intervalS: 120 } });
    expect(off.reason).toBe('disabled');
    // Switched on again later: the red event of back then is not news.
    expect(decideAttention(off.memory, next, on).reason).toBe('nothing-new');
  });

  it('the newest of several new red items; a board gone (scene without it) is a new baseline when it comes back', () => {
    const next = mergeBoard(board, change([redEvent(1, T0 - 5000), redEvent(2, T0)]));
    expect(decideAttention(baseline(), next, on).target?.id).toBe(redEvent(2).id);
    const gone = decideAttention(baseline(), undefined, on);
    expect(gone.reason).toBe('no-board');
    expect(decideAttention(gone.memory, next, on).reason).toBe('baseline');
  });
});

/** A fake director: records flights; `above` holds the camera above attention (a tour, the console). */
function fakeCamera(pose: CameraPose) {
  const flights: { who: CameraHolder; goal: CameraGoal; options: FlyOptions }[] = [];
  const released: CameraHolder[] = [];
  let above = false;
  return {
    flights,
    released,
    hold: (v: boolean) => (above = v),
    camera: {
      fly: (who: CameraHolder, goal: CameraGoal, options: FlyOptions) => (above ? false : (flights.push({ who, goal, options }), true)),
      release: (who: CameraHolder) => void released.push(who),
      poseAt: () => pose,
      holder: (): CameraHolder => 'scene',
    },
  };
}

function wall(state: Partial<WallState> = {}) {
  let now = T0;
  const timers: { at: number; fn: () => void }[] = [];
  const topics = createTopicStore();
  const control = createControlStore();
  controlActions(control).snapshot({ wall: 'main', rev: 1, scene: null, camera: null, layers: {}, time: { mode: 'live' }, highlight: null, attention: DEFAULT_ATTENTION, tour: null, blank: false, updatedAt: T0, ...state });
  const cam = fakeCamera({ center: [106.55, 29.59], zoom: 10.4, pitch: 40, bearing: 0 });
  let seq = 0;
  const publish = (b: Board) => topicActions(topics).apply('events.board', { seq: ++seq, time: now, data: b });
  const detach = attachAttention({
    topics,
    control,
    camera: cam.camera,
    now: () => now,
    animate: true,
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => void timers.splice(timers.indexOf(t as never), 1),
  });
  return {
    cam,
    control,
    publish,
    detach,
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) (timers.splice(timers.indexOf(t), 1), t.fn());
    },
    get now() {
      return now;
    },
  };
}

describe('attachAttention', () => {
  it('flies there as the attention holder from the change’s hub time, stays, and flies back to the scene’s camera', () => {
    const w = wall();
    w.publish(board);
    expect(w.cam.flights).toHaveLength(0);
    w.publish(mergeBoard(board, change([redEvent(1)])));
    expect(w.cam.flights).toHaveLength(1);
    expect(w.cam.flights[0]).toMatchObject({ who: 'attention', goal: { center: [106.57, 29.56], zoom: 13.5 }, options: { start: T0, duration: ATTENTION_FLY_MS } });
    w.advance(ATTENTION_FLY_MS + ATTENTION_STAY_MS - 1);
    expect(w.cam.flights).toHaveLength(1);
    w.advance(1);
    expect(w.cam.flights[1]).toMatchObject({ who: 'attention', goal: 'scene', options: { start: T0 + ATTENTION_FLY_MS + ATTENTION_STAY_MS, release: true } });
    w.detach();
  });

  it('the console taking the camera ends the stay: attention lets go and does not fly back over it', () => {
    const w = wall();
    w.publish(board);
    w.publish(mergeBoard(board, change([redEvent(1)])));
    const state = w.control.getState().state!;
    controlActions(w.control).delta(
      { ...state, rev: 2, camera: { district: '500103' } },
      { kind: 'delta', rev: 2, prev: state, command: { type: 'fly', to: { district: '500103' } }, commandId: 'c1', issuedAt: w.now },
    );
    expect(w.cam.released).toEqual(['attention']);
    w.advance(60_000);
    expect(w.cam.flights).toHaveLength(1);
  });

  it('a wall whose console holds the camera, or with attention off, never flies', () => {
    const held = wall({ camera: { center: [106.5, 29.5] } });
    held.publish(board);
    held.publish(mergeBoard(board, change([redEvent(1)])));
    expect(held.cam.flights).toHaveLength(0);
    const off = wall({ attention: { enabled: false, intervalS: 120 } });
    off.publish(board);
    off.publish(mergeBoard(board, change([redEvent(1)])));
    expect(off.cam.flights).toHaveLength(0);
  });

  it('a flight the director refuses (a tour holds the camera) does not start the interval', () => {
    const w = wall();
    w.publish(board);
    w.cam.hold(true);
    let held = mergeBoard(board, change([redEvent(1)]));
    w.publish(held);
    expect(w.cam.flights).toHaveLength(0);
    w.cam.hold(false);
    w.advance(1000);
    held = mergeBoard(held, change([redEvent(2)]));
    w.publish(held);
    expect(w.cam.flights).toHaveLength(1);
  });
});
