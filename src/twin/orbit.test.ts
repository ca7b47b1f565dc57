import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orbitBearing } from './orbit.ts';

describe('orbitBearing', () => {
  it('is a function of wall time alone: 3° a second, in [0, 360)', () => {
    const t = Date.UTC(2026, 10, 21, 12, 0, 0);
    const b = orbitBearing(t);
    expect(orbitBearing(t + 1000)).toBeCloseTo((b + 3) % 360, 6);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (ms) => {
        const v = orbitBearing(ms);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(360);
      }),
    );
  });

  it('keeps full precision at today’s wall times: bearings apart by exactly the time apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_700_000_000_000, max: 2_000_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (t, dt) => {
        const apart = orbitBearing(t + dt) - orbitBearing(t) - (dt / 1000) * 3;
        const wrapped = ((apart % 360) + 540) % 360 - 180;
        expect(Math.abs(wrapped)).toBeLessThan(1e-9);
      }),
    );
  });
});
