import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../hub/contract.ts';
import type { Command } from '../hub/control.ts';
import { parseScene } from '../hub/scene-migrations.ts';
import { planOf } from '../hub/tour.ts';
import { applyCommand, initialWallState } from '../hub/wall-state.ts';
import { createControlStore } from '../store/control-store.ts';
import { createDistrictStore } from '../store/district-store.ts';
import { createSceneStore, currentScene } from '../store/scene-store.ts';
import { createMirrorSync, mirrorChange } from './mirror-sync.ts';

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
const other = SCENES.find((s) => s.id !== 'overview')!;

function mirror() {
  const clock = { now: T0 };
  const control = createControlStore();
  const scenes = createSceneStore(SCENES, SCENES[0].id);
  const sync = createMirrorSync({ control, scenes, districts: createDistrictStore(), now: () => clock.now });
  return { clock, control, scenes, sync };
}

describe('mirrorChange', () => {
  const s0 = initialWallState('main', T0);
  const fly: Command = { type: 'fly', to: { center: [106.55, 29.56], zoom: 13 } };
  const s1 = applyCommand(s0, fly, T0 + 10);
  const cause = { rev: 1, commandId: 'cmd-00000001', command: fly, issuedAt: T0 + 10 };

  it('is a snapshot first, nothing for the same state again, a delta for the next rev with its command', () => {
    expect(mirrorChange(null, s0)).toEqual({ kind: 'snapshot', rev: 0, prev: null });
    expect(mirrorChange(s0, s0)).toBeNull();
    expect(mirrorChange(s0, s1, cause)).toEqual({ kind: 'delta', rev: 1, prev: s0, command: fly, commandId: cause.commandId, issuedAt: T0 + 10 });
  });

  it('jumps (snapshot) when the command is unknown, revs were skipped, or the wall is another', () => {
    expect(mirrorChange(s0, s1)?.kind).toBe('snapshot');
    const s2 = applyCommand(s1, { type: 'blank', on: true }, T0 + 20);
    expect(mirrorChange(s0, s2, { ...cause, rev: 2 })?.kind).toBe('snapshot');
    expect(mirrorChange(s0, { ...s1, wall: 'side' }, cause)?.kind).toBe('snapshot');
    // A hub restarted: rev 0 again, but a newer state.
    expect(mirrorChange(s0, { ...s0, updatedAt: T0 + 99 })?.kind).toBe('snapshot');
  });
});

describe('createMirrorSync', () => {
  it('shows the wall state through the displays\' path: scene, deltas, blank', () => {
    const m = mirror();
    const s0 = { ...initialWallState('main', T0), scene: other.id };
    expect(m.sync.show(s0)?.kind).toBe('snapshot');
    expect(currentScene(m.scenes.getState()).id).toBe(other.id);
    expect(m.control.getState()).toMatchObject({ state: s0, synced: true, snapshots: 1 });
    expect(m.sync.show(s0)).toBeNull();
    const blank: Command = { type: 'blank', on: true };
    const s1 = applyCommand(s0, blank, T0 + 5);
    expect(m.sync.show(s1, { rev: 1, commandId: 'cmd-00000002', command: blank, issuedAt: T0 + 5 })?.kind).toBe('delta');
    expect(m.control.getState()).toMatchObject({ applied: 1, change: { kind: 'delta', command: blank } });
    expect(m.control.getState().state?.blank).toBe(true);
  });

  it('follows a tour on the wall clock: the step, its caption and its scene', () => {
    const m = mirror();
    const start: Command = { type: 'tour', action: { do: 'start', scene: 'overview', tour: 'city-briefing', plan: planOf(briefing) } };
    const state = applyCommand(initialWallState('main', T0), start, T0);
    m.sync.show(state);
    const view = m.control.getState().tour!;
    expect(view).toMatchObject({ scene: 'overview', tour: 'city-briefing', index: 0, count: briefing.steps.length });
    expect(view.step?.caption).toEqual(briefing.steps[0].caption);
    expect(currentScene(m.scenes.getState()).id).toBe(view.stepScene);
    m.sync.detach();
  });

  it('keeps following states after one names a scene it does not know (yet)', () => {
    const m = mirror();
    const s0 = { ...initialWallState('main', T0), scene: 'made-in-the-designer' };
    expect(m.sync.show(s0)?.kind).toBe('snapshot');
    expect(m.control.getState().lastError).toMatch(/no scene "made-in-the-designer"/);
    expect(m.sync.show({ ...s0, rev: 1, scene: other.id, updatedAt: T0 + 1 })?.kind).toBe('snapshot');
    expect(currentScene(m.scenes.getState()).id).toBe(other.id);
  });
});
