import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxesOverlap, labelBox, placeLabels, textWidth, type ScreenCandidate } from './label-placement.ts';

const screen = { width: 1280, height: 720 };
const at = (x: number, y: number, text: string, priority = 0, size = 16): ScreenCandidate => ({ x, y, text, size, priority });

const candidate = fc.record({
  x: fc.double({ min: -200, max: 1500, noNaN: true }),
  y: fc.double({ min: -200, max: 900, noNaN: true }),
  text: fc.oneof(fc.constantFrom('北碚区', '渝北区', '石柱县', '千厮门大桥', '綦江区 暴雨橙', '高新区 3人', 'A1'), fc.string({ minLength: 1, maxLength: 8 })),
  size: fc.double({ min: 8, max: 40, noNaN: true }),
  priority: fc.integer({ min: -5, max: 5 }),
  anchor: fc.constantFrom('start' as const, 'middle' as const, 'end' as const),
  baseline: fc.constantFrom('top' as const, 'center' as const, 'bottom' as const),
  offset: fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 })),
});

describe('textWidth and labelBox', () => {
  it('CJK glyphs are one em wide, Latin and digits 0.6 em; height 1.2 em a line', () => {
    expect(textWidth('北碚区', 20)).toBe(60);
    expect(textWidth('AB12', 10)).toBeCloseTo(24, 9);
    expect(textWidth('高新区 3人', 10)).toBeCloseTo(52, 9);
    expect(labelBox(at(100, 100, '北碚区', 0, 20))).toEqual({ x: 70, y: 88, width: 60, height: 24 });
    expect(labelBox({ ...at(0, 0, 'a\n北碚区', 0, 10) }).height).toBeCloseTo(24, 9);
  });

  it('honours anchor, baseline and pixel offset (y down)', () => {
    const c = at(100, 100, '渝北区', 0, 10);
    expect(labelBox({ ...c, anchor: 'start', baseline: 'top' })).toEqual({ x: 100, y: 100, width: 30, height: 12 });
    expect(labelBox({ ...c, anchor: 'end', baseline: 'bottom' })).toEqual({ x: 70, y: 88, width: 30, height: 12 });
    expect(labelBox({ ...c, baseline: 'bottom', offset: [5, -20] })).toEqual({ x: 90, y: 68, width: 30, height: 12 });
  });
});

describe('placeLabels', () => {
  it('never places two labels whose padded boxes overlap, nor any off screen', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 60 }), fc.tuple(fc.nat(12), fc.nat(8)), (list, padding) => {
        const placed = placeLabels(list, { ...screen, padding });
        const grow = (b: (typeof placed)[number]) => ({ x: b.x - padding[0], y: b.y - padding[1], width: b.width + 2 * padding[0], height: b.height + 2 * padding[1] });
        for (let i = 0; i < placed.length; i++) {
          const b = placed[i];
          expect(b).toMatchObject(labelBox(list[b.index]));
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.y).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(screen.width);
          expect(b.y + b.height).toBeLessThanOrEqual(screen.height);
          for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(grow(b), grow(placed[j]))).toBe(false);
        }
        expect(new Set(placed.map((b) => b.index)).size).toBe(placed.length);
      }),
    );
  });

  it('places by priority, then size, then input order', () => {
    // Three names on one spot: only one can stay.
    expect(placeLabels([at(400, 300, '北碚区', 1), at(405, 302, '渝北区', 9), at(398, 299, '江北区', 3)], screen).map((b) => b.index)).toEqual([1]);
    expect(placeLabels([at(400, 300, '北碚区', 5, 14), at(405, 302, '渝北区', 5, 18)], screen).map((b) => b.index)).toEqual([1]);
    expect(placeLabels([at(400, 300, '北碚区', 5), at(405, 302, '渝北区', 5)], screen).map((b) => b.index)).toEqual([0]);
    // Order of placement follows priority for labels that do not meet.
    expect(placeLabels([at(100, 100, 'a', 1), at(300, 100, 'b', 3), at(500, 100, 'c', 2)], screen).map((b) => b.index)).toEqual([1, 2, 0]);
  });

  it('a placed label is never one that a higher-priority placed label would have blocked', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), (list) => {
        const placed = placeLabels(list, { ...screen, padding: [4, 2] });
        for (let i = 1; i < placed.length; i++) {
          const [a, b] = [list[placed[i - 1].index], list[placed[i].index]];
          expect(a.priority > b.priority || (a.priority === b.priority && (a.size > b.size || (a.size === b.size && placed[i - 1].index < placed[i].index)))).toBe(true);
        }
      }),
    );
  });

  it('an alert outranks every lower-priority label it meets', () => {
    const crowd = Array.from({ length: 20 }, (_, i) => at(380 + i * 3, 300 + (i % 3), `区${i}`, 10 + i));
    const placed = placeLabels([...crowd, at(400, 300, '北碚区 警报', 1e6)], screen);
    expect(placed[0].index).toBe(20);
    expect(placed.every((b) => b.index === 20 || !boxesOverlap(b, placed[0]))).toBe(true);
  });

  it('drops labels off screen or partly off, unprojected anchors and empty text', () => {
    const placed = placeLabels(
      [at(-50, 300, '北碚区'), at(1275, 300, '渝北区'), at(640, 719, '江北区'), at(NaN, 10, '沙坪坝区'), at(640, 360, ''), at(640, 360, '渝中区')],
      screen,
    );
    expect(placed.map((b) => b.index)).toEqual([5]);
  });

  it('keeps labels apart by twice the padding', () => {
    const two = [at(100, 100, '北碚区', 2, 10), at(136, 100, '渝北区', 1, 10)]; // texts 6 px apart
    expect(placeLabels(two, { ...screen, padding: [2, 2] })).toHaveLength(2);
    expect(placeLabels(two, { ...screen, padding: [3, 2] })).toHaveLength(2); // touching is allowed
    expect(placeLabels(two, { ...screen, padding: [4, 2] })).toHaveLength(1);
  });
});
