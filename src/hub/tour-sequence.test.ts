import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTour, nextBoundaryAt, positionAt, startTour, TourStateSchema, type TourAction, type TourPlan, type TourState } from './tour-sequence.ts';

const T0 = 1_760_000_000_000;
const PLAN: TourPlan = [
  { scene: 'overview', dwellMs: 10_000 },
  { scene: 'weather', dwellMs: 20_000 },
  { scene: 'weather', dwellMs: 5_000 },
  { scene: 'traffic', dwellMs: 30_000 },
];
const start = (step?: number, plan = PLAN) => startTour({ scene: 'overview', tour: 'briefing', plan, step }, T0);
const act = (s: TourState | null, action: TourAction, at: number) => applyTour(s, action, at);
const pos = (s: TourState, at: number) => positionAt(s, at);

describe('positionAt', () => {
  it('advances by dwell times and finishes on the last step', () => {
    const s = start();
    expect(pos(s, T0)).toMatchObject({ step: 0, elapsedMs: 0, finished: false, stepStartedAt: T0, shownAt: T0 });
    expect(pos(s, T0 + 9_999)).toMatchObject({ step: 0, elapsedMs: 9_999 });
    expect(pos(s, T0 + 10_000)).toMatchObject({ step: 1, elapsedMs: 0, stepStartedAt: T0 + 10_000, shownAt: T0 + 10_000 });
    expect(pos(s, T0 + 31_000)).toMatchObject({ step: 2, elapsedMs: 1_000 });
    expect(pos(s, T0 + 65_000 - 1)).toMatchObject({ step: 3, finished: false });
    expect(pos(s, T0 + 65_000)).toMatchObject({ step: 3, elapsedMs: 30_000, finished: true });
    expect(pos(s, T0 + 10 * 65_000)).toMatchObject({ step: 3, elapsedMs: 30_000, finished: true, stepStartedAt: T0 + 35_000 });
  });

  it('sees a clock behind the hub at the start of the step, never before it', () => {
    expect(pos(start(), T0 - 500)).toMatchObject({ step: 0, elapsedMs: 0 });
  });

  it('says when the step ends, and nothing while held or finished', () => {
    const s = start();
    expect(nextBoundaryAt(s, T0 + 3_000)).toBe(T0 + 10_000);
    expect(nextBoundaryAt(s, T0 + 12_000)).toBe(T0 + 30_000);
    expect(nextBoundaryAt(s, T0 + 70_000)).toBeNull();
    expect(nextBoundaryAt(act(s, { do: 'pause' }, T0 + 1_000)!, T0 + 2_000)).toBeNull();
  });
});

describe('actions', () => {
  it('start may begin at a step; a start without the hub\'s plan changes nothing', () => {
    expect(pos(start(2), T0)).toMatchObject({ step: 2, elapsedMs: 0 });
    expect(pos(start(99), T0).step).toBe(3);
    const s = start();
    expect(act(s, { do: 'start', scene: 'weather', tour: 'storm' }, T0 + 1)).toBe(s);
    expect(act(null, { do: 'start', scene: 'weather', tour: 'storm' }, T0 + 1)).toBeNull();
  });

  it('next, prev and jump land on the step with nothing elapsed', () => {
    let s = act(start(), { do: 'next' }, T0 + 4_000)!;
    expect(pos(s, T0 + 4_000)).toMatchObject({ step: 1, elapsedMs: 0, shownAt: T0 + 4_000 });
    // Dwell times have moved the tour on since: next goes on from where it is now.
    s = act(s, { do: 'next' }, T0 + 4_000 + 21_000)!;
    expect(pos(s, T0 + 25_000)).toMatchObject({ step: 3, elapsedMs: 0 });
    s = act(s, { do: 'prev' }, T0 + 26_000)!;
    expect(pos(s, T0 + 26_000)).toMatchObject({ step: 2, elapsedMs: 0 });
    s = act(s, { do: 'jump', step: 0 }, T0 + 27_000)!;
    expect(pos(s, T0 + 28_000)).toMatchObject({ step: 0, elapsedMs: 1_000 });
    s = act(s, { do: 'prev' }, T0 + 29_000)!;
    expect(pos(s, T0 + 29_000)).toMatchObject({ step: 0, elapsedMs: 0 });
  });

  it('next on the last step finishes the tour, which then stays on it', () => {
    const s = act(start(3), { do: 'next' }, T0 + 1_000)!;
    expect(pos(s, T0 + 1_000)).toMatchObject({ step: 3, finished: true, shownAt: T0 });
    expect(pos(s, T0 + 99_000)).toMatchObject({ step: 3, finished: true });
    expect(pos(act(s, { do: 'prev' }, T0 + 2_000)!, T0 + 2_000)).toMatchObject({ step: 2, finished: false });
  });

  it('pause freezes, resume goes on from the same moment of the step', () => {
    const paused = act(start(), { do: 'pause' }, T0 + 4_000)!;
    expect(pos(paused, T0 + 500_000)).toMatchObject({ step: 0, elapsedMs: 4_000, paused: true });
    const resumed = act(paused, { do: 'resume' }, T0 + 500_000)!;
    expect(pos(resumed, T0 + 500_000)).toMatchObject({ step: 0, elapsedMs: 4_000, paused: false });
    expect(pos(resumed, T0 + 506_000)).toMatchObject({ step: 1, elapsedMs: 0 });
    // Going to a step while paused stays paused there.
    const moved = act(paused, { do: 'next' }, T0 + 9_000)!;
    expect(pos(moved, T0 + 90_000)).toMatchObject({ step: 1, elapsedMs: 0, paused: true });
  });

  it('explore holds the dwell; continue flies back from its moment and lets the dwell run on', () => {
    const explored = act(start(), { do: 'explore' }, T0 + 6_000)!;
    expect(pos(explored, T0 + 60_000)).toMatchObject({ step: 0, elapsedMs: 6_000, exploring: true, shownAt: T0 });
    const back = act(explored, { do: 'continue' }, T0 + 60_000)!;
    expect(pos(back, T0 + 60_000)).toMatchObject({ step: 0, elapsedMs: 6_000, exploring: false, shownAt: T0 + 60_000 });
    expect(pos(back, T0 + 64_000)).toMatchObject({ step: 1, elapsedMs: 0, shownAt: T0 + 64_000 });
  });

  it('pause and explore are independent', () => {
    let s = act(start(), { do: 'pause' }, T0 + 1_000)!;
    s = act(s, { do: 'explore' }, T0 + 2_000)!;
    s = act(s, { do: 'continue' }, T0 + 3_000)!;
    expect(pos(s, T0 + 50_000)).toMatchObject({ step: 0, elapsedMs: 1_000, paused: true, exploring: false, shownAt: T0 + 3_000 });
    s = act(s, { do: 'explore' }, T0 + 4_000)!;
    s = act(s, { do: 'resume' }, T0 + 5_000)!;
    expect(pos(s, T0 + 50_000)).toMatchObject({ step: 0, elapsedMs: 1_000, paused: false, exploring: true });
    s = act(s, { do: 'continue' }, T0 + 6_000)!;
    expect(pos(s, T0 + 7_000)).toMatchObject({ step: 0, elapsedMs: 2_000 });
  });

  it('stop ends it; actions on no tour are no tour', () => {
    expect(act(start(), { do: 'stop' }, T0 + 1)).toBeNull();
    expect(act(null, { do: 'next' }, T0 + 1)).toBeNull();
  });
});

// --- Properties: any actions in any order, at increasing hub times -----------------------------------

const planArb = fc.array(fc.record({ scene: fc.constantFrom('overview', 'weather', 'traffic'), dwellMs: fc.integer({ min: 3_000, max: 600_000 }) }), {
  minLength: 1,
  maxLength: 12,
});
const actionArb: fc.Arbitrary<TourAction> = fc.oneof(
  fc.constantFrom<TourAction>({ do: 'next' }, { do: 'prev' }, { do: 'pause' }, { do: 'resume' }, { do: 'explore' }, { do: 'continue' }),
  fc.integer({ min: 0, max: 11 }).map((step): TourAction => ({ do: 'jump', step })),
);
const runArb = fc.record({
  plan: planArb,
  first: fc.integer({ min: 0, max: 11 }),
  moves: fc.array(fc.record({ action: actionArb, gap: fc.integer({ min: 0, max: 400_000 }) }), { maxLength: 40 }),
});

/** The states a run goes through, each with the time it was made. */
function replay(run: { plan: TourPlan; first: number; moves: { action: TourAction; gap: number }[] }) {
  let s = startTour({ scene: 'overview', tour: 't', plan: run.plan, step: run.first }, T0);
  let t = T0;
  const states: { state: TourState; at: number; action: TourAction | null; before: TourState | null }[] = [{ state: s, at: t, action: null, before: null }];
  for (const m of run.moves) {
    t += m.gap;
    const before = s;
    s = applyTour(s, m.action, t)!;
    states.push({ state: s, at: t, action: m.action, before });
  }
  return states;
}

describe('sequencing properties', () => {
  it('every state is well formed and its step in range, whatever the order of actions', () => {
    fc.assert(
      fc.property(runArb, fc.integer({ min: 0, max: 2_000_000 }), (run, later) => {
        for (const { state, at } of replay(run)) {
          expect(TourStateSchema.safeParse(state).success).toBe(true);
          for (const t of [at, at + later]) {
            const p = positionAt(state, t);
            expect(p.step).toBeGreaterThanOrEqual(0);
            expect(p.step).toBeLessThan(run.plan.length);
            expect(p.elapsedMs).toBeGreaterThanOrEqual(0);
            expect(p.elapsedMs).toBeLessThanOrEqual(run.plan[p.step].dwellMs);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a paused or explored tour does not move, however long it waits', () => {
    fc.assert(
      fc.property(runArb, fc.integer({ min: 1, max: 5_000_000 }), (run, wait) => {
        for (const { state, at } of replay(run)) {
          if (!state.paused && !state.exploring) continue;
          const a = positionAt(state, at);
          const b = positionAt(state, at + wait);
          expect([b.step, b.elapsedMs, b.finished]).toEqual([a.step, a.elapsedMs, a.finished]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('resume and continue go on from the frozen position; pause and explore freeze where it was', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        for (const { state, at, action, before } of replay(run)) {
          if (!action || !before) continue;
          const was = positionAt(before, at);
          const now = positionAt(state, at);
          if (['pause', 'resume', 'explore', 'continue'].includes(action.do)) expect([now.step, now.elapsedMs]).toEqual([was.step, was.elapsedMs]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('jump lands on its step with nothing elapsed, and ends exploring', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        for (const { state, at, action } of replay(run)) {
          if (action?.do !== 'jump') continue;
          const p = positionAt(state, at);
          expect(p.step).toBe(Math.min(action.step, run.plan.length - 1));
          expect(p.elapsedMs).toBe(0);
          expect(p.exploring).toBe(false);
          expect(p.shownAt).toBe(at);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('while playing, the position only moves forward with time, one dwell after another', () => {
    fc.assert(
      fc.property(runArb, fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 20 }), (run, gaps) => {
        const states = replay(run);
        const { state, at } = states[states.length - 1];
        let t = at;
        let prev = positionAt(state, t);
        for (const g of gaps) {
          t += g;
          const p = positionAt(state, t);
          if (state.paused || state.exploring) expect(p).toEqual(prev);
          else {
            expect(p.step > prev.step || (p.step === prev.step && p.elapsedMs >= prev.elapsedMs)).toBe(true);
            if (!p.finished) expect(p.stepStartedAt + p.elapsedMs).toBe(t);
          }
          prev = p;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('two displays applying the same actions at the same hub times agree on the step at every moment', () => {
    fc.assert(
      fc.property(runArb, fc.integer({ min: 0, max: 3_000_000 }), (run, probe) => {
        const a = replay(run);
        const b = replay(structuredClone(run));
        const t = a[a.length - 1].at + probe;
        expect(positionAt(b[b.length - 1].state, t)).toEqual(positionAt(a[a.length - 1].state, t));
      }),
      { numRuns: 100 },
    );
  });
});
