import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sliceFrame } from '../twin/slice.ts';
import { computeWallLayout, slicedPlacement } from './wall-layout.ts';

/** Design-px boxes of the panel columns, as wall.css places them (20 px from each edge). */
function columnBoxes(width: number, sideWidth: number) {
  return [
    { left: 20, right: 20 + sideWidth },
    { left: width - 20 - sideWidth, right: width - 20 },
  ];
}

/** The standard multi-display walls: cols × display size. */
const STANDARD = [
  { cols: 3, w: 2560, h: 2160 },
  { cols: 2, w: 1920, h: 1080 },
  { cols: 3, w: 1920, h: 1080 },
  { cols: 4, w: 1920, h: 1080 },
  { cols: 3, w: 640, h: 540 }, // the browser tests' wall
];

describe('multi-display layout', () => {
  it('3 displays of 2560×2160 lay out as one 7680×2160 wall: wide, two panel columns a side', () => {
    const frame = sliceFrame({ cols: 3, rows: 1, col: 0, row: 0 }, 2560, 2160);
    expect(computeWallLayout(frame.virtual.width, frame.virtual.height)).toEqual({ scale: 2, width: 3840, height: 1080, wide: true });
  });

  for (const { cols, w, h } of STANDARD) {
    it(`${cols}×1 of ${w}×${h}: no panel column, overlay or scene title straddles a seam`, () => {
      const layout = computeWallLayout(cols * w, h);
      const sideWidth = layout.wide ? 856 : 420;
      const cell = layout.width / cols;
      const displayOf = (left: number, right: number) => {
        const first = Math.floor(left / cell);
        return Math.floor((right - 1e-9) / cell) === first ? first : -1;
      };
      for (const c of columnBoxes(layout.width, sideWidth)) expect(displayOf(c.left, c.right)).toBeGreaterThanOrEqual(0);
      const p = slicedPlacement(layout, cols, sideWidth)!;
      expect(p).not.toBeNull();
      const overlay = { left: p.overlay.left, right: layout.width - p.overlay.right };
      expect(displayOf(overlay.left, overlay.right)).toBeGreaterThanOrEqual(0);
      // Clear of the panel columns.
      expect(overlay.left).toBeGreaterThanOrEqual(20 + sideWidth + 20);
      expect(overlay.right).toBeLessThanOrEqual(layout.width - 20 - sideWidth - 20);
      // The scene title (up to 400 design px wide) inside the same display.
      expect(displayOf(p.sceneTitleX - 200, p.sceneTitleX + 200)).toBe(displayOf(overlay.left, overlay.right));
    });
  }

  it('a single display keeps the centred overlay', () => {
    expect(slicedPlacement(computeWallLayout(1920, 1080), 1, 420)).toBeNull();
  });

  it('the overlay of any side-by-side wall lies in one display, or falls back to the centre strip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 640, max: 4000 }), fc.integer({ min: 360, max: 2200 }), (cols, w, h) => {
        const layout = computeWallLayout(cols * w, h);
        const sideWidth = layout.wide ? 856 : 420;
        const p = slicedPlacement(layout, cols, sideWidth);
        if (!p) return;
        const cell = layout.width / cols;
        const left = p.overlay.left;
        const right = layout.width - p.overlay.right;
        expect(right - left).toBeGreaterThanOrEqual(320);
        expect(Math.floor(left / cell)).toBe(Math.floor((right - 1e-9) / cell));
      }),
    );
  });
});
