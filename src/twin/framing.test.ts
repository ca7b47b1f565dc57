import { describe, expect, it } from 'vitest';
import { computeWallLayout } from '../app/wall-layout.ts';
import { DESIGN_FIT_AREA, designZoom, fitMargins, mapPose, zoomShift } from './framing.ts';

const pose = { center: [106.5, 29.5] as [number, number], zoom: 7, pitch: 40, bearing: 10 };

describe('framing: design-space cameras on walls of every size', () => {
  it('leaves the 1920×1080 design untouched', () => {
    expect(mapPose(pose, computeWallLayout(1920, 1080).scale)).toEqual(pose);
  });

  it('zooms in one level at 3840×2160 and on a 7680×2160 wall (both twice the design height)', () => {
    expect(mapPose(pose, computeWallLayout(3840, 2160).scale).zoom).toBeCloseTo(8, 9);
    expect(mapPose(pose, computeWallLayout(7680, 2160).scale).zoom).toBeCloseTo(8, 9);
  });

  it('a sliced wall zooms as one browser of the whole wall would (3 × 640×360 is 1920×360)', () => {
    const whole = computeWallLayout(1920, 360).scale;
    expect(mapPose(pose, whole).zoom).toBeCloseTo(7 + Math.log2(1 / 3), 9);
  });

  it('round-trips map and design zoom, and keeps the rest of the pose', () => {
    for (const scale of [0.25, 0.5, 2 / 3, 1, 2, 4]) {
      const onMap = mapPose(pose, scale);
      expect(designZoom(onMap.zoom, scale)).toBeCloseTo(pose.zoom, 9);
      expect({ ...onMap, zoom: 0 }).toEqual({ ...pose, zoom: 0 });
    }
  });

  it('never yields an infinite shift for a degenerate scale', () => {
    expect(Number.isFinite(zoomShift(0))).toBe(true);
  });

  it('leaves the same fit area, scaled, on a 16:9 and a 32:9 wall', () => {
    expect(fitMargins({ width: 1920, height: 1080 }, 1)).toEqual({ x: (1920 - DESIGN_FIT_AREA.width) / 2, y: (1080 - DESIGN_FIT_AREA.height) / 2 });
    const wide = fitMargins({ width: 7680, height: 2160 }, 2);
    expect(7680 - 2 * wide.x).toBeCloseTo(DESIGN_FIT_AREA.width * 2, 9);
    expect(2160 - 2 * wide.y).toBeCloseTo(DESIGN_FIT_AREA.height * 2, 9);
  });
});
