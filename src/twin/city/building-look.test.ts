import { describe, expect, it } from 'vitest';
import { Color } from 'three';
import type { Buildings } from '../../hub/buildings.ts';
import { HIGH_M, LOW_M, clearedMask, heightShare, heightTint } from './building-look.ts';

const luminance = (c: Color) => 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;

describe('building look', () => {
  it('tints by height: dark low blocks, light towers, monotone in between', () => {
    expect(heightShare(0)).toBe(0);
    expect(heightShare(LOW_M)).toBe(0);
    expect(heightShare(HIGH_M)).toBe(1);
    expect(heightShare(10_000)).toBe(1);
    let last = -1;
    for (const day of [0, 1]) {
      last = -1;
      for (let h = 0; h <= 400; h += 10) {
        const l = luminance(heightTint(h, day, new Color()));
        expect(l).toBeGreaterThanOrEqual(last);
        last = l;
      }
    }
    // Low blocks stay dark on the navy wall, towers read as light cyan (blue over red).
    const low = heightTint(5, 0.5, new Color());
    const high = heightTint(300, 0.5, new Color());
    expect(luminance(low)).toBeLessThan(0.06);
    expect(luminance(high)).toBeGreaterThan(4 * luminance(low));
    expect(high.b).toBeGreaterThan(high.r);
  });

  it('daylight lightens the tint', () => {
    expect(luminance(heightTint(60, 1, new Color()))).toBeGreaterThan(luminance(heightTint(60, 0, new Color())));
  });

  it('clears buildings that stand on a landmark site, including ones poking in', () => {
    const col = (...v: number[]) => Float32Array.from(v);
    const b: Buildings = {
      origin: [106.5, 29.5],
      count: 3,
      x: col(0, 110, 500),
      y: col(0, 0, 0),
      width: col(20, 30, 20),
      depth: col(20, 30, 20),
      height: col(50, 50, 50),
      angle: col(0, 0, 0),
      district: col(500103, 500103, 500103),
    };
    expect(clearedMask(b, [])).toBeNull();
    expect([...clearedMask(b, [{ x: 0, y: 0, radiusM: 100 }])!]).toEqual([1, 1, 0]);
  });
});
