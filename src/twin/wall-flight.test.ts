import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EASINGS, flightAt, planFlight, type CameraPose } from './wall-flight.ts';

const pose = (lon: number, lat: number, zoom: number, pitch = 30, bearing = 0): CameraPose => ({ center: [lon, lat], zoom, pitch, bearing });
const poseArb = fc.record({
  center: fc.tuple(fc.double({ min: 105, max: 111, noNaN: true }), fc.double({ min: 28, max: 33, noNaN: true })),
  zoom: fc.double({ min: 5, max: 16, noNaN: true }),
  pitch: fc.double({ min: 0, max: 75, noNaN: true }),
  bearing: fc.double({ min: -180, max: 180, noNaN: true }),
}) as fc.Arbitrary<CameraPose>;

describe('wall flights', () => {
  it('start where they come from and end exactly on the target, at the times given', () => {
    const from = pose(107.75, 30.15, 6.75);
    const to = pose(106.55, 29.56, 11, 50, 20);
    const f = planFlight(from, to, 10_000, 3000);
    expect(flightAt(f, 9_000).pose).toEqual({ ...from, center: [expect.closeTo(107.75, 9), expect.closeTo(30.15, 9)] });
    expect(flightAt(f, 10_000).done).toBe(false);
    expect(flightAt(f, 13_000)).toEqual({ pose: to, done: true });
    expect(flightAt(f, 99_000).pose).toBe(to);
  });

  it('is a pure function of its inputs: two displays at the same wall time show the same pose', () => {
    fc.assert(
      fc.property(poseArb, poseArb, fc.integer({ min: 0, max: 3000 }), (from, to, dt) => {
        const a = flightAt(planFlight(from, to, 1000, 3000), 1000 + dt);
        const b = flightAt(planFlight({ ...from }, { ...to }, 1000, 3000), 1000 + dt);
        expect(a).toEqual(b);
        expect(Number.isFinite(a.pose.zoom) && Number.isFinite(a.pose.center[0]) && Number.isFinite(a.pose.center[1])).toBe(true);
        expect(a.pose.bearing).toBeGreaterThanOrEqual(-180);
        expect(a.pose.bearing).toBeLessThanOrEqual(180);
      }),
    );
  });

  it('zooms out mid-flight between far places, not between near ones, and turns the short way', () => {
    const far = planFlight(pose(106.5, 29.5, 12), pose(109.5, 31.0, 12), 0, 3000);
    expect(far.hop).toBeGreaterThan(1);
    expect(flightAt(far, 1500).pose.zoom).toBeLessThan(12 - 1);
    const near = planFlight(pose(106.55, 29.56, 8), pose(106.56, 29.57, 8), 0, 3000);
    expect(near.hop).toBe(0);
    const spin = planFlight(pose(106.5, 29.5, 8, 30, 170), pose(106.5, 29.5, 8, 30, -170), 0, 1000);
    const mid = flightAt(spin, 500).pose.bearing;
    expect(Math.abs(mid)).toBeGreaterThan(170); // through 180, not through 0
  });

  it('hands over continuously when interrupted: the next flight starts where the last one was', () => {
    fc.assert(
      fc.property(poseArb, poseArb, poseArb, fc.integer({ min: 0, max: 2999 }), (a, b, c, at) => {
        const first = planFlight(a, b, 0, 3000);
        const here = flightAt(first, at).pose;
        const second = planFlight(here, c, at, 3000);
        expect(flightAt(second, at).pose.center[0]).toBeCloseTo(here.center[0], 6);
        expect(flightAt(second, at).pose.zoom).toBeCloseTo(here.zoom, 6);
      }),
    );
  });

  it('lands at once when it has no duration (a wall without animation)', () => {
    const to = pose(106.55, 29.56, 11);
    expect(flightAt(planFlight(pose(107, 30, 7), to, 500, 0), 500)).toEqual({ pose: to, done: true });
  });

  it('eases as a tour step asks: every curve starts at 0, ends at 1 and never goes back', () => {
    for (const [name, ease] of Object.entries(EASINGS)) {
      expect([name, ease(0), ease(1)]).toEqual([name, 0, 1]);
      for (let k = 0; k < 1; k += 0.05) expect(ease(k + 0.05)).toBeGreaterThanOrEqual(ease(k));
    }
    const from = pose(106.5, 29.5, 10, 30, 0);
    const to = pose(106.5, 29.5, 10, 60, 0);
    const at = (easing: 'linear' | 'ease-out' | 'ease-in') => flightAt(planFlight(from, to, 0, 1000, easing), 250).pose.pitch;
    expect(at('linear')).toBeCloseTo(37.5);
    expect(at('ease-out')).toBeGreaterThan(at('linear'));
    expect(at('ease-in')).toBeLessThan(at('linear'));
  });
});
