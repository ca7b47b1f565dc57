import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEWING, legibleScale, minTextMm, readViewing, textMm } from './legibility.ts';

describe('legibility: text that subtends 0.3° at the viewing distance', () => {
  it('asks for about distance / 191 of text height', () => {
    expect(minTextMm(5)).toBeCloseTo(26.18, 1);
    expect(minTextMm(10) / minTextMm(5)).toBeCloseTo(2, 9);
  });

  it('measures text on the wall: 12 px of a 2160-px, 2.4 m picture is 13.3 mm', () => {
    expect(textMm(12, 2160, 2.4)).toBeCloseTo(13.33, 2);
  });

  it('gives the DOM scale that makes design text legible', () => {
    // 14 design px on a 2160-px tall, 2.4 m wall read from 5 m needs scale 1.68: the fit by height (2) passes.
    const s = legibleScale(14, 2160, DEFAULT_VIEWING);
    expect(textMm(14 * s, 2160, 2.4)).toBeCloseTo(minTextMm(5), 6);
    expect(s).toBeCloseTo(1.683, 2);
    // Read from 8 m it needs 2.69: larger than the fit, so that wall must show fewer, larger panels.
    expect(legibleScale(14, 2160, { heightM: 2.4, distanceM: 8 })).toBeCloseTo(2.693, 2);
  });

  it('reads ?distance= and ?height= in metres or centimetres, and refuses nonsense with a reason', () => {
    expect(readViewing(new URLSearchParams('distance=8m&height=240cm'))).toEqual({ viewing: { distanceM: 8, heightM: 2.4 }, viewingError: null });
    expect(readViewing(new URLSearchParams(''))).toEqual({ viewing: DEFAULT_VIEWING, viewingError: null });
    for (const q of ['distance=-5m', 'distance=5', 'distance=1e3m', 'height=0m', 'height=abc', 'distance=500m']) {
      const r = readViewing(new URLSearchParams(q));
      expect(r.viewing).toEqual(DEFAULT_VIEWING);
      expect(r.viewingError).toMatch(/^ignored /);
    }
  });
});
