import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scene } from '../../src/hub/contract.ts';
import type { Command } from '../../src/hub/control.ts';
import { parseScene } from '../../src/hub/scene-migrations.ts';
import { applyCommand, initialWallState } from '../../src/hub/wall-state.ts';
import { commandProblem, resolveCommand, type CommandWorld } from './command-rules.ts';

const T0 = 1_760_000_000_000;
const SCENES_DIR = new URL('../../scenes/', import.meta.url);
const shipped = new Map<string, Scene>();
for (const f of readdirSync(SCENES_DIR).filter((n) => n.endsWith('.json'))) {
  const r = parseScene(JSON.parse(readFileSync(new URL(f, SCENES_DIR), 'utf8')));
  if (r.ok) shipped.set(r.scene.id, r.scene);
}
const world = (scenes: Map<string, Scene> = shipped): CommandWorld => ({
  scenes,
  districtCodes: new Set(['500101', '500103', '500105', '500242']),
  bounds: [105.0, 27.6, 110.7, 32.7],
});
const empty = initialWallState('main', T0);
const tour = (action: Extract<Command, { type: 'tour' }>['action']): Command => ({ type: 'tour', action });
const start = (over: Record<string, unknown> = {}) => tour({ do: 'start', scene: 'overview', tour: 'city-briefing', ...over } as never);
/** As the hub does it: resolve, check, apply. */
function accept(state: typeof empty, command: Command, w = world(), now = T0) {
  const resolved = resolveCommand(command, w);
  const problem = commandProblem(resolved, state, w, now, []);
  if (problem) throw new Error(problem);
  return applyCommand(state, resolved, now);
}

describe('tour commands at the hub', () => {
  it('a start gets the plan of the tour as the hub serves it, whatever plan the console sent', () => {
    const forged = start({ plan: [{ scene: 'gov', dwellMs: 3000 }] });
    const resolved = resolveCommand(forged, world());
    const briefing = shipped.get('overview')!.tours!.find((t) => t.id === 'city-briefing')!;
    expect(resolved).toEqual(start({ plan: briefing.steps.map((s) => ({ scene: s.scene, dwellMs: s.dwellMs })) }));
    // Other commands pass through as they are.
    const next = tour({ do: 'next' });
    expect(resolveCommand(next, world())).toBe(next);
    expect(resolveCommand(start({ tour: 'nope', plan: [{ scene: 'gov', dwellMs: 3000 }] }), world())).toEqual(start({ tour: 'nope' }));
  });

  it('a start names a tour of a served scene and a step in range', () => {
    const check = (c: Command, w = world()) => commandProblem(resolveCommand(c, w), empty, w, T0, []);
    expect(check(start())).toBeNull();
    expect(check(start({ step: 9 }))).toBeNull();
    expect(check(start({ scene: 'nowhere' }))).toBe('command.action.scene: no scene "nowhere" on this hub');
    expect(check(start({ tour: 'grand-tour' }))).toBe('command.action.tour: scene "overview" has no tour "grand-tour" (it has: city-briefing)');
    expect(check(start({ scene: 'gov', tour: 'x' }))).toBe('command.action.tour: scene "gov" has no tour "x"');
    expect(check(start({ step: 10 }))).toBe('command.action.step: tour "city-briefing" has 10 steps (0 to 9)');
  });

  it('a start whose steps do not make sense on this hub is refused, naming the step and field', () => {
    const withoutTraffic = new Map([...shipped].filter(([id]) => id !== 'traffic'));
    expect(commandProblem(resolveCommand(start(), world(withoutTraffic)), empty, world(withoutTraffic), T0, [])).toBe(
      'tour "city-briefing": Step 4 · scene: no scene "traffic"',
    );
    const w = world();
    (w.districtCodes as Set<string>).delete('500242');
    expect(commandProblem(resolveCommand(start(), w), empty, w, T0, [])).toMatch(/^tour "city-briefing": Step 8 · camera · target · district: no district "500242" in the city \(\+1 more\)$/);
  });

  it('a wall with no tour answers invalid to every other tour action; jump stays in range', () => {
    for (const action of [{ do: 'next' }, { do: 'prev' }, { do: 'jump', step: 1 }, { do: 'pause' }, { do: 'resume' }, { do: 'explore' }, { do: 'continue' }, { do: 'stop' }] as const)
      expect(commandProblem(tour(action), empty, world(), T0, [])).toBe('command.action: wall "main" plays no tour');
    const touring = accept(empty, start());
    expect(commandProblem(tour({ do: 'jump', step: 9 }), touring, world(), T0, [])).toBeNull();
    expect(commandProblem(tour({ do: 'jump', step: 10 }), touring, world(), T0, [])).toBe('command.action.step: the tour has 10 steps (0 to 9)');
    // Idempotent actions are accepted: a presenter's clicker pressed twice is no error.
    expect(commandProblem(tour({ do: 'resume' }), touring, world(), T0, [])).toBeNull();
  });

  it('mid-tour, a layer command is checked against the scene the tour shows now', () => {
    let s = accept(empty, start());
    // 30 s in, the briefing's third step shows the weather scene (dwells of 30 s each).
    expect(commandProblem({ type: 'layer', layer: 'rain', visible: false }, s, world(), T0 + 61_000, [])).toBeNull();
    expect(commandProblem({ type: 'layer', layer: 'district', visible: false }, s, world(), T0 + 61_000, [])).toBe('command.layer: no layer "district" in scene "weather"');
    s = accept(s, { type: 'layer', layer: 'rain', visible: false }, world(), T0 + 61_000);
    expect(s.scene).toBe('weather');
    expect(s.tour).toMatchObject({ exploring: true, step: 2 });
  });
});
