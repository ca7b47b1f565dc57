import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DESIGN_HEIGHT, DESIGN_WIDTH, computeWallLayout } from './wall-layout.ts';

describe('computeWallLayout', () => {
  it('1920×1080 is the design size at scale 1', () => {
    expect(computeWallLayout(1920, 1080)).toEqual({ scale: 1, width: 1920, height: 1080, wide: false });
  });

  it('3840×2160 (4K) scales 2× the 1920×1080 design', () => {
    expect(computeWallLayout(3840, 2160)).toEqual({ scale: 2, width: 1920, height: 1080, wide: false });
  });

  it('7680×2160 (32:9) scales 2× a 3840-wide design and is wide', () => {
    expect(computeWallLayout(7680, 2160)).toEqual({ scale: 2, width: 3840, height: 1080, wide: true });
  });

  it('1280×720 scales down to 2/3', () => {
    const l = computeWallLayout(1280, 720);
    expect(l.scale).toBeCloseTo(2 / 3, 12);
    expect(l.width).toBeCloseTo(1920, 9);
    expect(l.height).toBeCloseTo(1080, 9);
    expect(l.wide).toBe(false);
  });

  it('a portrait or narrow window fits by width and grows taller than the design', () => {
    const portrait = computeWallLayout(1080, 1920);
    expect(portrait.scale).toBeCloseTo(1080 / 1920, 12);
    expect(portrait.width).toBeCloseTo(1920, 9);
    expect(portrait.height).toBeGreaterThan(1080);
    expect(portrait.height).toBeCloseTo(1920 / (1080 / 1920), 6);
    expect(portrait.wide).toBe(false);

    const square = computeWallLayout(1000, 1000);
    expect(square.width).toBeCloseTo(1920, 9);
    expect(square.height).toBeCloseTo(1920, 9);
  });

  it('becomes wide from 2880 design pixels (halfway between 16:9 and 32:9)', () => {
    expect(computeWallLayout(2879, 1080).wide).toBe(false);
    expect(computeWallLayout(2880, 1080).wide).toBe(true);
    expect(computeWallLayout(5760, 2160).wide).toBe(true);
  });

  it('never letterboxes: the design canvas times the scale is exactly the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (w, h) => {
        const l = computeWallLayout(w, h);
        expect(l.scale).toBeGreaterThan(0);
        expect(Math.abs(l.width * l.scale - w)).toBeLessThan(1e-6 * w);
        expect(Math.abs(l.height * l.scale - h)).toBeLessThan(1e-6 * h);
        // the design canvas is never smaller than the design in either direction (up to rounding)
        expect(l.width).toBeGreaterThanOrEqual(DESIGN_WIDTH - 1e-6);
        expect(l.height).toBeGreaterThanOrEqual(DESIGN_HEIGHT - 1e-6);
        // and one of the two dimensions is exactly the design one (fit by height or by width)
        const fitsHeight = Math.abs(l.height - DESIGN_HEIGHT) < 1e-6;
        const fitsWidth = Math.abs(l.width - DESIGN_WIDTH) < 1e-6;
        expect(fitsHeight || fitsWidth).toBe(true);
        expect(l.wide).toBe(l.width >= 2880);
      }),
      { numRuns: 500 },
    );
  });

  it('survives a zero-sized window (minimised) without NaN or Infinity', () => {
    const l = computeWallLayout(0, 0);
    for (const v of [l.scale, l.width, l.height]) expect(Number.isFinite(v)).toBe(true);
    expect(l.scale).toBeGreaterThan(0);
  });
});
