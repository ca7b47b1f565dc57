import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Buildings } from '../../hub/buildings.ts';
import { pickBuilding } from './pick.ts';

function city(items: { x: number; y: number; w: number; d: number; h: number; angle?: number }[]): Buildings {
  const col = (f: (i: (typeof items)[number]) => number) => Float32Array.from(items.map(f));
  return {
    origin: [106.577, 29.558],
    count: items.length,
    x: col((i) => i.x),
    y: col((i) => i.y),
    width: col((i) => i.w),
    depth: col((i) => i.d),
    height: col((i) => i.h),
    angle: col((i) => i.angle ?? 0),
    district: col(() => 500103),
  };
}

const down: [number, number, number] = [0, 0, -1];

describe('pickBuilding', () => {
  it('picks the building straight below a point, and nothing over open ground', () => {
    const b = city([
      { x: 0, y: 0, w: 40, d: 30, h: 100 },
      { x: 200, y: 0, w: 40, d: 30, h: 50 },
    ]);
    expect(pickBuilding(b, [5, 5, 1000], down)).toBe(0);
    expect(pickBuilding(b, [210, -10, 1000], down)).toBe(1);
    expect(pickBuilding(b, [100, 0, 1000], down)).toBeNull();
    expect(pickBuilding(b, [0, 20, 1000], down)).toBeNull(); // 30 m deep: y within ±15 only
  });

  it('takes the nearest building along an oblique ray (a tall one hides the one behind it)', () => {
    const b = city([
      { x: 300, y: 0, w: 20, d: 20, h: 30 }, // behind, low
      { x: 100, y: 0, w: 20, d: 20, h: 300 }, // in front, tall
    ]);
    const dir: [number, number, number] = [1 / Math.SQRT2, 0, -1 / Math.SQRT2];
    expect(pickBuilding(b, [0, 0, 200], dir)).toBe(1);
    // Passing over the top of the low one's neighbour: from higher up, the ray reaches the far one.
    const low = city([{ x: 300, y: 0, w: 20, d: 20, h: 30 }]);
    expect(pickBuilding(low, [0, 0, 320], dir)).toBe(0);
  });

  it('respects the footprint angle', () => {
    // 100 × 10 m, turned 90°: it now runs north-south.
    const b = city([{ x: 0, y: 0, w: 100, d: 10, h: 20, angle: Math.PI / 2 }]);
    expect(pickBuilding(b, [0, 40, 100], down)).toBe(0);
    expect(pickBuilding(b, [40, 0, 100], down)).toBeNull();
  });

  it('any point inside a box, seen from above, picks it', () => {
    fc.assert(
      fc.property(
        fc.record({
          w: fc.double({ min: 5, max: 200, noNaN: true }),
          d: fc.double({ min: 5, max: 200, noNaN: true }),
          h: fc.double({ min: 3, max: 500, noNaN: true }),
          angle: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
          u: fc.double({ min: -0.45, max: 0.45, noNaN: true }),
          v: fc.double({ min: -0.45, max: 0.45, noNaN: true }),
        }),
        ({ w, d, h, angle, u, v }) => {
          const b = city([{ x: 50, y: -20, w, d, h, angle }]);
          const lx = u * w;
          const ly = v * d;
          const x = 50 + Math.cos(angle) * lx - Math.sin(angle) * ly;
          const y = -20 + Math.sin(angle) * lx + Math.cos(angle) * ly;
          return pickBuilding(b, [x, y, 2000], down) === 0;
        },
      ),
    );
  });
});
