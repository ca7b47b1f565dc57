import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captionMaxHeight, TOUR_CAPTION_GAP, TOUR_CAPTION_MAX_HEIGHT, TOUR_CAPTION_MIN_HEIGHT, TOUR_FOCUS_AREA, TOUR_FOCUS_HALF_HEIGHT, tourFocusZoom } from './tour-framing.ts';

const pose = (zoom: number) => ({ center: [106.55, 29.55] as [number, number], zoom, pitch: 50, bearing: 0 });
/** Design px a bounds box spans at a zoom (flat). */
function span(bounds: [number, number, number, number], zoom: number) {
  const merc = ([lon, lat]: [number, number]) => {
    const phi = (lat * Math.PI) / 180;
    return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
  };
  const [x0, y0] = merc([bounds[0], bounds[3]]);
  const [x1, y1] = merc([bounds[2], bounds[1]]);
  const px = 512 * 2 ** zoom;
  return { width: (x1 - x0) * px, height: (y1 - y0) * px };
}

describe('a tour step\'s focus', () => {
  it('a district is framed into the band above the caption: zoomed out when it would not fit, never in', () => {
    // Yuzhong at the usual fit zoom is taller than the focus band.
    const yuzhong: [number, number, number, number] = [106.43, 29.49, 106.6, 29.6];
    const z = tourFocusZoom(pose(12), yuzhong);
    expect(z).toBeLessThan(12);
    const s = span(yuzhong, z);
    expect(s.height).toBeLessThanOrEqual(TOUR_FOCUS_AREA.height + 1e-6);
    expect(s.width).toBeLessThanOrEqual(TOUR_FOCUS_AREA.width + 1e-6);
    expect(tourFocusZoom(pose(8), yuzhong)).toBe(8);
  });

  it('always fits, whatever the district and zoom', () => {
    fc.assert(
      fc.property(fc.double({ min: 105, max: 110, noNaN: true }), fc.double({ min: 28, max: 32, noNaN: true }), fc.double({ min: 0.001, max: 2, noNaN: true }), fc.double({ min: 0.001, max: 2, noNaN: true }), fc.double({ min: 3, max: 18, noNaN: true }), (w, s, dw, dh, zoom) => {
          const b: [number, number, number, number] = [w, s, w + dw, s + dh];
          const z = tourFocusZoom(pose(zoom), b);
          expect(z).toBeLessThanOrEqual(zoom);
          const px = span(b, z);
          expect(px.height).toBeLessThanOrEqual(TOUR_FOCUS_AREA.height * (1 + 1e-9));
          expect(px.width).toBeLessThanOrEqual(TOUR_FOCUS_AREA.width * (1 + 1e-9));
        },
      ),
    );
  });
});

describe('the caption\'s room', () => {
  it('at 1920×1080 the tallest caption fits between the focus band and the ticker', () => {
    expect(captionMaxHeight({ domHeight: 1080, domScale: 1, fitScale: 1, bottom: 80 })).toBe(TOUR_CAPTION_MAX_HEIGHT);
    expect(1080 - 80 - TOUR_CAPTION_MAX_HEIGHT).toBeGreaterThanOrEqual(540 + TOUR_FOCUS_HALF_HEIGHT + TOUR_CAPTION_GAP);
    // A 4K wall is the same design, scaled.
    expect(captionMaxHeight({ domHeight: 1080, domScale: 2, fitScale: 2, bottom: 20 })).toBe(TOUR_CAPTION_MAX_HEIGHT);
  });

  it('a room that enlarges the DOM gives the caption less, so that it still stays below the focus', () => {
    // DOM 1.25× the fit: 864 design px tall; the focus band's bottom is 432 + 180 / 1.25.
    const h = captionMaxHeight({ domHeight: 864, domScale: 1.25, fitScale: 1, bottom: 80 });
    expect(h).toBeCloseTo(864 - 80 - (432 + 144) - TOUR_CAPTION_GAP);
    expect(864 - 80 - h).toBeGreaterThanOrEqual(432 + 144 + TOUR_CAPTION_GAP - 1e-9);
    // Never less than one line of each language.
    expect(captionMaxHeight({ domHeight: 500, domScale: 2, fitScale: 1, bottom: 80 })).toBe(TOUR_CAPTION_MIN_HEIGHT);
  });
});
