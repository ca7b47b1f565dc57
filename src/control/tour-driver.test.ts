import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../hub/contract.ts';
import type { Command, WallState } from '../hub/control.ts';
import { parseScene } from '../hub/scene-migrations.ts';
import { planOf, type Tour } from '../hub/tour.ts';
import { applyCommand, initialWallState } from '../hub/wall-state.ts';
import { createControlStore, wallLayerVisibility } from '../store/control-store.ts';
import { createDistrictStore } from '../store/district-store.ts';
import { createSceneStore, currentScene } from '../store/scene-store.ts';
import { createTopicStore, topicActions } from '../store/topic-store.ts';
import { makeBoard } from '../modules/events/test-fixtures.ts';
import { createWallApplier } from './apply-to-wall.ts';
import { DisplaySync } from './display-sync.ts';
import { computeTourView, createTourDriver, TOUR_TIMER_SLACK_MS } from './tour-driver.ts';

const T0 = 1_790_000_000_000;
const SCENES_DIR = new URL('../../scenes/', import.meta.url);
const SCENES: Scene[] = readdirSync(SCENES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const r = parseScene(JSON.parse(readFileSync(new URL(f, SCENES_DIR), 'utf8')));
    if (!r.ok) throw new Error(r.error);
    return r.scene;
  });
const briefing = SCENES.find((s) => s.id === 'overview')!.tours!.find((t) => t.id === 'city-briefing')!;
const startBriefing = (step?: number): Command => ({ type: 'tour', action: { do: 'start', scene: 'overview', tour: 'city-briefing', step, plan: planOf(briefing) } });

/** One display of a wall: its stores, display sync, the applier and the tour driver, on a clock the test moves. */
function display(scenes: Scene[] = SCENES) {
  const clock = { now: T0 };
  const timers: { at: number; fn: () => void }[] = [];
  const control = createControlStore();
  const sceneStore = createSceneStore(scenes, scenes[0].id);
  const topics = createTopicStore();
  const driver = createTourDriver({
    control,
    scenes: sceneStore,
    topics,
    now: () => clock.now,
    setTimer: (fn, ms) => {
      const t = { at: clock.now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
  });
  const apply = createWallApplier({ display: 'd0', scenes: sceneStore, districts: createDistrictStore(), now: () => clock.now });
  const acks: (string | undefined)[] = [];
  const sync = new DisplaySync({
    wall: 'main',
    display: 'd0',
    store: control,
    apply,
    tourView: driver.view,
    join: () => new Promise(() => {}),
    ack: (a) => acks.push(a.error),
    reload: () => {},
    rejected: () => {},
    connected: () => true,
  });
  /** Moves the clock on, firing the timers that fall due (in order). */
  const advance = (to: number) => {
    for (;;) {
      const due = timers.filter((t) => t.at <= to).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers.splice(timers.indexOf(due), 1);
      clock.now = due.at;
      due.fn();
    }
    clock.now = to;
  };
  return {
    clock,
    timers,
    control,
    scenes: sceneStore,
    topics,
    acks,
    advance,
    snapshot: (state: WallState) => sync.onSnapshot({ state, hubTime: clock.now }, clock.now, clock.now),
    delta: (state: WallState, command: Command, issuedAt: number) =>
      sync.onDelta({ wall: 'main', rev: state.rev + 1, commandId: `cmd-${String(state.rev + 1).padStart(8, '0')}`, command, issuedAt }),
    shown: () => currentScene(sceneStore.getState()).id,
    view: () => control.getState().tour,
  };
}

const hubState = (commands: [Command, number][]) => commands.reduce((s, [c, at]) => applyCommand(s, c, at), initialWallState('main', T0 - 1000));

describe('a display following a tour', () => {
  it('joining mid-tour lands on the current step: its scene, its content, its timer', () => {
    const d = display();
    d.clock.now = T0 + 65_000; // 30 s a step: the third step, 5 s in
    d.snapshot(hubState([[startBriefing(), T0]]));
    expect(d.shown()).toBe('weather');
    expect(d.view()).toMatchObject({ index: 2, count: 10, stepScene: 'weather', stepStartedAt: T0 + 60_000, shownAt: T0 + 60_000, paused: false });
    expect(d.view()!.step).toBe(briefing.steps[2]);
    expect(d.view()!.title).toEqual(briefing.title);
    // One timer, for the step's end: nothing runs in between.
    expect(d.timers.map((t) => t.at)).toEqual([T0 + 90_000 + TOUR_TIMER_SLACK_MS]);
  });

  it('moves to the next step and scene when the dwell ends, and stops counting at the end', () => {
    const d = display();
    d.snapshot(hubState([[startBriefing(), T0]]));
    expect(d.shown()).toBe('overview');
    d.advance(T0 + 30_100);
    expect(d.view()!.index).toBe(1);
    d.advance(T0 + 60_100);
    expect([d.view()!.index, d.shown()]).toEqual([2, 'weather']);
    d.advance(T0 + 95_000);
    expect([d.view()!.index, d.shown()]).toEqual([3, 'traffic']);
    d.advance(T0 + 400_000);
    expect(d.view()).toMatchObject({ index: 9, finished: true });
    expect(d.shown()).toBe('events');
    expect(d.timers).toEqual([]);
  });

  it('two displays given the same deltas at different moments show the same step at the same hub time', () => {
    const a = display();
    const b = display();
    const s0 = hubState([]);
    a.snapshot(s0);
    b.snapshot(s0);
    const s1 = applyCommand(s0, startBriefing(), T0);
    a.delta(s0, startBriefing(), T0);
    b.clock.now = T0 + 700; // this one heard of it later
    b.delta(s0, startBriefing(), T0);
    const next: Command = { type: 'tour', action: { do: 'next' } };
    a.advance(T0 + 12_000);
    b.advance(T0 + 12_000);
    a.delta(s1, next, T0 + 12_000);
    b.advance(T0 + 12_300);
    b.delta(s1, next, T0 + 12_000);
    for (const t of [T0 + 20_000, T0 + 42_100, T0 + 75_000]) {
      a.advance(t);
      b.advance(t);
      expect(b.view()).toEqual(a.view());
      expect(b.shown()).toBe(a.shown());
    }
    expect(a.view()).toMatchObject({ index: 3, shownAt: T0 + 72_000 });
  });

  it('paused, it holds the step and sets no timer; the camera flight time of a continued step is the continue', () => {
    const d = display();
    const s0 = hubState([[startBriefing(), T0]]);
    d.snapshot(s0);
    const pause: Command = { type: 'tour', action: { do: 'pause' } };
    d.advance(T0 + 10_000);
    d.delta(s0, pause, T0 + 10_000);
    expect(d.view()).toMatchObject({ index: 0, paused: true });
    expect(d.timers).toEqual([]);
    d.advance(T0 + 500_000);
    expect(d.view()!.index).toBe(0);
    const s1 = applyCommand(s0, pause, T0 + 10_000);
    const explore: Command = { type: 'fly', to: { district: '500103' } };
    d.delta(s1, explore, T0 + 500_000);
    expect(d.view()).toMatchObject({ exploring: true, paused: true });
    const s2 = applyCommand(s1, explore, T0 + 500_000);
    d.delta(s2, { type: 'tour', action: { do: 'continue' } }, T0 + 510_000);
    expect(d.view()).toMatchObject({ exploring: false, paused: true, shownAt: T0 + 510_000 });
  });

  it('an event highlight shows where the event is, once the board has it', () => {
    const board = makeBoard({ events: 20, alerts: 0 });
    const event = board.events[3];
    const withEvent: Tour = { ...briefing, steps: [{ ...briefing.steps[0], highlight: { event: event.id } }, ...briefing.steps.slice(1)] };
    const scenes = SCENES.map((s) => (s.id === 'overview' ? { ...s, tours: [withEvent] } : s));
    const d = display(scenes);
    d.snapshot(hubState([[startBriefing(), T0]]));
    expect(d.view()!.highlight).toBeNull();
    topicActions(d.topics).apply('events.board', { seq: 1, time: T0, data: board });
    expect(d.view()!.highlight).toEqual({ point: event.position, label: event.title.slice(0, 40) });
  });

  it('a display without the tour\'s content still follows its steps and scenes, and says so in its ack', () => {
    const scenes = SCENES.map((s) => (s.id === 'overview' ? { ...s, tours: undefined } : s));
    const d = display(scenes);
    const s0 = hubState([]);
    d.snapshot(s0);
    d.delta(s0, startBriefing(2), T0);
    expect(d.acks).toEqual(['display d0 has no tour "city-briefing" in scene "overview"']);
    expect(d.view()).toMatchObject({ index: 2, step: null, title: null, stepScene: 'weather' });
    expect(d.shown()).toBe('weather');
    d.advance(T0 + 31_000);
    expect(d.shown()).toBe('traffic');
  });

  it('the step\'s layers go over the scene\'s, and what the presenter set goes over the step\'s', () => {
    const d = display();
    d.clock.now = T0 + 61_000;
    const s = hubState([[startBriefing(), T0]]);
    d.snapshot(s);
    expect(wallLayerVisibility(d.control.getState())).toEqual({ warnings: true, rain: true, stations: false });
    d.delta(s, { type: 'layer', layer: 'stations', visible: true }, T0 + 62_000);
    expect(wallLayerVisibility(d.control.getState())).toEqual({ warnings: true, rain: true, stations: true });
  });

  it('stop ends the view and the timer', () => {
    const d = display();
    const s = hubState([[startBriefing(), T0]]);
    d.snapshot(s);
    d.delta(s, { type: 'tour', action: { do: 'stop' } }, T0 + 1_000);
    expect(d.view()).toBeNull();
    expect(d.timers).toEqual([]);
    expect(computeTourView(null, T0, () => undefined)).toBeNull();
  });
});
