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
});
