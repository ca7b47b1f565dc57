import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SINGLE_DISPLAY, fitPadding, principalPoint, sliceFrame, toVirtual, type DisplayGrid } from './slice.ts';

const gridArb = fc
  .record({ cols: fc.integer({ min: 1, max: 8 }), rows: fc.integer({ min: 1, max: 4 }) })
  .chain(({ cols, rows }) => fc.record({ cols: fc.constant(cols), rows: fc.constant(rows), col: fc.integer({ min: 0, max: cols - 1 }), row: fc.integer({ min: 0, max: rows - 1 }) }));
const sizeArb = fc.record({ w: fc.integer({ min: 200, max: 4000 }), h: fc.integer({ min: 200, max: 2200 }) });

const cells = (cols: number, rows: number): DisplayGrid[] =>
  Array.from({ length: cols * rows }, (_, i) => ({ cols, rows, col: i % cols, row: Math.floor(i / cols) }));

/**
 * A pinhole camera as maplibre builds it: the focal length comes from the canvas height
 * (cameraToCenterDistance = 0.5 / tan(fov/2) · height), the image centre is the principal point.
 */
function pinhole(p: [number, number, number], size: { width: number; height: number }, principal: { x: number; y: number }) {
  const f = (0.5 / Math.tan(0.6435011087932844 / 2)) * size.height;
  return { x: principal.x + (f * p[0]) / p[2], y: principal.y + (f * p[1]) / p[2] };
}

describe('sliceFrame', () => {
  it('a single display is its own virtual view, without padding', () => {
    const f = sliceFrame(SINGLE_DISPLAY, 1920, 1080);
    expect(f.container).toEqual({ left: 0, top: 0, width: 1920, height: 1080 });
    expect(f.padding).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    expect(f.virtual).toEqual({ width: 1920, height: 1080 });
  });

  it('3 displays of 2560×2160: the edges draw 1.5 displays, the principal point on the wall centre', () => {
    const [left, middle, right] = cells(3, 1).map((g) => sliceFrame(g, 2560, 2160));
    expect(left.virtual).toEqual({ width: 7680, height: 2160 });
    expect(left.container).toEqual({ left: 0, top: 0, width: 3840, height: 2160 });
    expect(left.padding).toEqual({ top: 0, bottom: 0, left: 3840, right: 0 });
    expect(middle.container).toEqual({ left: 0, top: 0, width: 2560, height: 2160 });
    expect(middle.padding.left + middle.padding.right).toBe(0);
    expect(right.container).toEqual({ left: -1280, top: 0, width: 3840, height: 2160 });
    expect(right.padding).toEqual({ top: 0, bottom: 0, left: 0, right: 3840 });
  });

  it('adjacent slices tile the virtual canvas exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 4 }), sizeArb, (cols, rows, { w, h }) => {
        const frames = cells(cols, rows).map((g) => sliceFrame(g, w, h));
        for (const f of frames) {
          const right = frames.find((o) => o.grid.row === f.grid.row && o.grid.col === f.grid.col + 1);
          if (right) expect(right.offset.x).toBe(f.offset.x + w);
          else expect(f.offset.x + w).toBe(f.virtual.width);
          const below = frames.find((o) => o.grid.col === f.grid.col && o.grid.row === f.grid.row + 1);
          if (below) expect(below.offset.y).toBe(f.offset.y + h);
          else expect(f.offset.y + h).toBe(f.virtual.height);
          if (f.grid.col === 0) expect(f.offset.x).toBe(0);
          if (f.grid.row === 0) expect(f.offset.y).toBe(0);
        }
        // Every virtual pixel centre belongs to exactly one display.
        const probe = (x: number, y: number) => frames.filter((f) => x >= f.offset.x && x < f.offset.x + w && y >= f.offset.y && y < f.offset.y + h).length;
        for (let i = 0; i < 20; i++) expect(probe(((i * 7919) % (cols * w)) + 0.5, ((i * 104729) % (rows * h)) + 0.5)).toBe(1);
      }),
    );
  });

  it('the principal point maps to the virtual centre, inside maplibre’s clamp', () => {
    fc.assert(
      fc.property(gridArb, sizeArb, (grid, { w, h }) => {
        const f = sliceFrame(grid, w, h);
        const pp = principalPoint(f.container, f.padding);
        // Unclamped, i.e. what the padding asks for is what maplibre does.
        expect((f.padding.left + f.container.width - f.padding.right) / 2).toBeCloseTo(pp.x, 9);
        const v = toVirtual(f, { x: pp.x + f.container.left, y: pp.y + f.container.top });
        expect(v.x).toBeCloseTo(f.virtual.width / 2, 9);
        expect(v.y).toBeCloseTo(f.virtual.height / 2, 9);
      }),
    );
  });

  it('the canvas covers the window, is as tall as the wall and reaches no further than the centre', () => {
    fc.assert(
      fc.property(gridArb, sizeArb, (grid, { w, h }) => {
        const f = sliceFrame(grid, w, h);
        const c = f.container;
        expect(c.left).toBeLessThanOrEqual(0);
        expect(c.left + c.width).toBeGreaterThanOrEqual(w);
        expect(c.top).toBeLessThanOrEqual(0);
        expect(c.top + c.height).toBeGreaterThanOrEqual(h);
        expect(c.height).toBe(f.virtual.height);
        expect(c.width).toBeLessThanOrEqual(f.virtual.width / 2 + w);
      }),
    );
  });

  it('a point seen through any slice lands where the single virtual view puts it', () => {
    const pointArb = fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(gridArb, sizeArb, pointArb, (grid, { w, h }, p) => {
        const f = sliceFrame(grid, w, h);
        const whole = sliceFrame(SINGLE_DISPLAY, f.virtual.width, f.virtual.height);
        const expected = pinhole(p, whole.container, principalPoint(whole.container, whole.padding));
        const inCanvas = pinhole(p, f.container, principalPoint(f.container, f.padding));
        const got = toVirtual(f, { x: inCanvas.x + f.container.left, y: inCanvas.y + f.container.top });
        expect(got.x).toBeCloseTo(expected.x, 6);
        expect(got.y).toBeCloseTo(expected.y, 6);
      }),
    );
  });
});

describe('fitPadding', () => {
  it('leaves every display the virtual view less the margins, centred on the virtual centre', () => {
    fc.assert(
      fc.property(gridArb, sizeArb, fc.integer({ min: 0, max: 600 }), (grid, { w, h }, margin) => {
        const f = sliceFrame(grid, w, h);
        const p = fitPadding(f, margin);
        // maplibre's cameraForBoxAndBearing: available = width − (transform + option padding).
        expect(f.container.width - (f.padding.left + f.padding.right + p.left + p.right)).toBeCloseTo(f.virtual.width - 2 * margin, 9);
        expect(f.container.height - (f.padding.top + f.padding.bottom + p.top + p.bottom)).toBeCloseTo(f.virtual.height - 2 * margin, 9);
        expect(p.left - p.right).toBe(0);
        expect(p.top - p.bottom).toBe(0);
      }),
    );
  });
});
