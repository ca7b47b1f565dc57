import { describe, expect, it } from 'vitest';
import { clipLine, lineLengthM, mergeLines, parseGmtMultiSegment, simplifyLine } from './polyline.mjs';
import { distancePointToGeometryM, haversineM, pointInGeometry, poleOfInaccessibility, ringAreaM2 } from './geo-utils.mjs';

describe('parseGmtMultiSegment', () => {
  it('splits on ">" headers', () => {
    const segs = parseGmtMultiSegment('> River Bin # 1, Level 1\n1 2\n3\t4\n> River Bin # 2, Level 1\n5 6\n');
    expect(segs).toEqual([
      { header: 'River Bin # 1, Level 1', coords: [[1, 2], [3, 4]] },
      { header: 'River Bin # 2, Level 1', coords: [[5, 6]] },
    ]);
  });
});

describe('mergeLines', () => {
  it('joins pieces sharing endpoints (in either direction) and drops degenerate ones', () => {
    const out = mergeLines([
      [[0, 0], [1, 0]],
      [[2, 0], [1, 0]], // reversed
      [[2, 0], [3, 0]],
      [[5, 5], [5, 5]], // degenerate bin-edge artefact
    ]);
    expect(out).toEqual([[[0, 0], [1, 0], [2, 0], [3, 0]]]);
  });

  it('keeps confluences (degree-3 nodes) as chain ends', () => {
    const out = mergeLines([
      [[0, 0], [1, 0]],
      [[1, 0], [2, 0]],
      [[1, 0], [1, 1]],
    ]);
    expect(out).toHaveLength(3);
  });
});

describe('clipLine', () => {
  it('clips to the bbox, interpolating crossings', () => {
    const parts = clipLine([[-1, 0.5], [0.5, 0.5], [2, 0.5]], [0, 0, 1, 1]);
    expect(parts).toEqual([[[0, 0.5], [0.5, 0.5], [1, 0.5]]]);
    expect(clipLine([[2, 2], [3, 3]], [0, 0, 1, 1])).toEqual([]);
  });
});

describe('simplifyLine', () => {
  it('removes points within tolerance and keeps real bends', () => {
    const line = [[106, 29], [106.001, 29.00001], [106.002, 29], [106.002, 29.01]];
    expect(simplifyLine(line, 30)).toEqual([[106, 29], [106.002, 29], [106.002, 29.01]]);
    expect(lineLengthM(line)).toBeGreaterThan(1100);
  });
});

describe('geo-utils', () => {
  const square = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
  it('point in polygon, pole of inaccessibility, distance, area', () => {
    expect(pointInGeometry([0.5, 0.5], { type: 'Polygon', coordinates: square })).toBe(true);
    expect(pointInGeometry([1.5, 0.5], { type: 'Polygon', coordinates: square })).toBe(false);
    const [x, y] = poleOfInaccessibility(square, 1e-4);
    expect(x).toBeCloseTo(0.5, 2);
    expect(y).toBeCloseTo(0.5, 2);
    expect(haversineM([0, 0], [0, 1])).toBeCloseTo(111_195, -1);
    expect(distancePointToGeometryM([2, 0.5], { type: 'Polygon', coordinates: square })).toBeCloseTo(111_195, -2);
    // 1°×1° at the equator ≈ 12,364 km²
    expect(ringAreaM2(square[0]) / 1e6).toBeCloseTo(12_364, -1);
  });
});
