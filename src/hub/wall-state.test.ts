import { describe, expect, it } from 'vitest';
import { WallStateSchema, type Command, type WallState } from './control.ts';
import { positionAt, type TourPlan } from './tour-sequence.ts';
import { applyCommand, initialWallState } from './wall-state.ts';

const T0 = 1_760_000_000_000;
const PLAN: TourPlan = [
  { scene: 'overview', dwellMs: 10_000 },
  { scene: 'weather', dwellMs: 10_000 },
  { scene: 'traffic', dwellMs: 10_000 },
];
const start: Command = { type: 'tour', action: { do: 'start', scene: 'overview', tour: 'briefing', plan: PLAN } };
const tour = (action: Extract<Command, { type: 'tour' }>['action']): Command => ({ type: 'tour', action });

function run(commands: [Command, number][], from: WallState = initialWallState('main', T0)) {
  return commands.reduce((s, [c, at]) => applyCommand(s, c, at), from);
}

describe('tour commands on the wall state', () => {
  it('a start shows the step\'s scene and lets go of what the console had set', () => {
    const before = run([
      [{ type: 'scene', scene: 'health' }, T0],
      [{ type: 'layer', layer: 'shares', visible: false }, T0 + 1],
      [{ type: 'fly', to: { district: '500103' } }, T0 + 2],
      [{ type: 'highlight', target: { district: '500103' } }, T0 + 3],
    ]);
    const s = applyCommand(before, { ...start, action: { ...start.action, step: 1 } } as Command, T0 + 10);
    expect(s).toMatchObject({ rev: 5, scene: 'weather', camera: null, layers: {}, highlight: null, updatedAt: T0 + 10 });
    expect(s.tour).toMatchObject({ scene: 'overview', tour: 'briefing', step: 1, stepStartedAt: T0 + 10, paused: false, exploring: false });
    expect(WallStateSchema.parse(s)).toEqual(s);
  });

  it('a start without the hub\'s plan, and actions without a tour, change nothing but the rev', () => {
    const s = initialWallState('main', T0);
    const { plan: _plan, ...bare } = start.action as Extract<typeof start.action, { do: 'start' }>;
    expect(applyCommand(s, tour(bare), T0 + 1)).toEqual({ ...s, rev: 1, updatedAt: T0 + 1 });
    expect(applyCommand(s, tour({ do: 'next' }), T0 + 1)).toEqual({ ...s, rev: 1, updatedAt: T0 + 1 });
  });

  it('steps move the scene with them; the scene field says the step of the last command', () => {
    let s = run([[start, T0]]);
    s = applyCommand(s, tour({ do: 'next' }), T0 + 1_000);
    expect(s.scene).toBe('weather');
    // 15 s later dwell times have moved it to traffic; a pause settles there.
    s = applyCommand(s, tour({ do: 'pause' }), T0 + 16_000);
    expect(s.scene).toBe('traffic');
    expect(positionAt(s.tour!, T0 + 99_000)).toMatchObject({ step: 2, elapsedMs: 5_000, paused: true });
  });

  it('the presenter steering mid-tour explores; continue gives the view back to the step', () => {
    let s = run([[start, T0]]);
    s = applyCommand(s, { type: 'fly', to: { center: [106.58, 29.56], zoom: 14 } }, T0 + 2_000);
    expect(s.tour).toMatchObject({ exploring: true, held: { since: T0 + 2_000, elapsedMs: 2_000 } });
    s = applyCommand(s, { type: 'layer', layer: 'district', visible: false }, T0 + 3_000);
    s = applyCommand(s, { type: 'highlight', target: { district: '500105' } }, T0 + 4_000);
    expect(s.tour!.held).toEqual({ since: T0 + 2_000, elapsedMs: 2_000 });
    expect(s).toMatchObject({ camera: { center: [106.58, 29.56], zoom: 14 }, layers: { district: false }, highlight: { district: '500105' } });
    s = applyCommand(s, tour({ do: 'continue' }), T0 + 60_000);
    expect(s).toMatchObject({ camera: null, layers: {}, highlight: null, tour: { exploring: false, held: null, shownAt: T0 + 60_000 } });
    expect(positionAt(s.tour!, T0 + 60_000)).toMatchObject({ step: 0, elapsedMs: 2_000 });
  });

  it('time, attention and reload leave the tour alone', () => {
    const s = run([[start, T0]]);
    for (const c of [
      { type: 'time', time: { mode: 'playback', at: T0 - 3_600_000 } },
      { type: 'attention', attention: { enabled: false, intervalS: 60 } },
      { type: 'reload' },
    ] as Command[])
      expect(applyCommand(s, c, T0 + 5).tour).toBe(s.tour);
  });

  it('a scene command ends the tour; stop leaves the wall on the step\'s scene at its own camera', () => {
    const s = run([[start, T0]]);
    expect(applyCommand(s, { type: 'scene', scene: 'gov' }, T0 + 1)).toMatchObject({ scene: 'gov', tour: null });
    const explored = applyCommand(s, { type: 'fly', to: { district: '500103' } }, T0 + 12_000);
    expect(applyCommand(explored, tour({ do: 'stop' }), T0 + 50_000)).toMatchObject({ scene: 'weather', tour: null, camera: null, layers: {}, highlight: null });
  });

  it('state from a hub before tours (no tour field) parses and takes tour commands', () => {
    const { tour: _none, ...old } = initialWallState('main', T0);
    const parsed = WallStateSchema.parse(old);
    expect(parsed.tour).toBeNull();
    expect(applyCommand(old as WallState, tour({ do: 'next' }), T0 + 1).tour).toBeNull();
    expect(applyCommand(old as WallState, { type: 'fly', to: null }, T0 + 1).tour).toBeNull();
    expect(applyCommand(old as WallState, start, T0 + 1).scene).toBe('overview');
  });
});

describe('blank', () => {
  it('blanks and unblanks the wall without touching its tour, scene or camera', () => {
    const touring = run([[start, T0]]);
    const blanked = applyCommand(touring, { type: 'blank', on: true }, T0 + 1_000);
    expect(blanked.blank).toBe(true);
    expect({ ...blanked, blank: false, rev: touring.rev, updatedAt: touring.updatedAt }).toEqual(touring);
    expect(applyCommand(blanked, { type: 'tour', action: { do: 'next' } }, T0 + 2_000).blank).toBe(true);
    expect(applyCommand(blanked, { type: 'blank', on: false }, T0 + 3_000).blank).toBe(false);
  });

  it('an older snapshot without `blank` parses as shown', () => {
    const { blank: _, ...older } = initialWallState('main', T0);
    expect(WallStateSchema.parse(older).blank).toBe(false);
  });
});
