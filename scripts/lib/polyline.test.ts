import { describe, expect, it } from 'vitest';
import { clipLine, mergeLines, parseGmtMultiSegment, simplifyLine } from './polyline.mjs';
import { distancePointToGeometryM, pointInGeometry, poleOfInaccessibility } from './geo-utils.mjs';

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

  it('returns one part per stretch inside', () => {
    const parts = clipLine([[0.5, -1], [0.5, 0.5], [0.5, 2], [0.6, 2], [0.6, 0.5]], [0, 0, 1, 1]);
    expect(parts).toEqual([
      [[0.5, 0], [0.5, 0.5], [0.5, 1]],
      [[0.6, 1], [0.6, 0.5]],
    ]);
  });
});

describe('simplifyLine', () => {
  it('removes points within tolerance and keeps real bends, returning the input positions', () => {
    const line = [[106, 29], [106.001, 29.00001], [106.002, 29], [106.002, 29.01]];
    const out = simplifyLine(line, 30);
    expect(out).toEqual([[106, 29], [106.002, 29], [106.002, 29.01]]);
    expect(out[1]).toBe(line[2]);
  });

  it('takes the tolerance in metres in both directions (longitudes weigh cos φ)', () => {
    // At 60° N a degree of longitude is half a degree of latitude: 0.0005° east is 27.8 m,
    // 0.0003° north is 33.4 m. A tolerance taken as raw degrees would keep the first bump.
    const east = [[10, 60], [10.0005, 60.005], [10, 60.01]];
    const north = [[10, 60], [10.005, 60.0003], [10.01, 60]];
    expect(simplifyLine(east, 30)).toHaveLength(2);
    expect(simplifyLine(east, 25)).toHaveLength(3);
    expect(simplifyLine(north, 30)).toHaveLength(3);
    expect(simplifyLine(north, 35)).toHaveLength(2);
  });
});

describe('geo-utils', () => {
  const square = [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]];
  it('point in polygon, pole of inaccessibility, distance', () => {
    expect(pointInGeometry([0.5, 0.5], { type: 'Polygon', coordinates: square })).toBe(true);
    expect(pointInGeometry([1.5, 0.5], { type: 'Polygon', coordinates: square })).toBe(false);
    expect(pointInGeometry([0.5, 0.5], { type: 'LineString', coordinates: square[0] })).toBe(false);
    const [x, y] = poleOfInaccessibility(square, 1e-4);
    expect(x).toBeCloseTo(0.5, 2);
    expect(y).toBeCloseTo(0.5, 2);
    // 1° of longitude on the equator on turf's sphere
    expect(distancePointToGeometryM([2, 0.5], { type: 'Polygon', coordinates: square })).toBeCloseTo(111_195, -2);
    expect(distancePointToGeometryM([0.5, 0.5], { type: 'Polygon', coordinates: square })).toBe(0);
    expect(distancePointToGeometryM([0.5, 0.5], { type: 'Polygon', coordinates: square }, true)).toBeCloseTo(55_597, -2);
    expect(distancePointToGeometryM([0.5, 2], { type: 'MultiLineString', coordinates: [[[5, 5], [6, 5]], square[0]] })).toBeCloseTo(111_195, -2);
  });

  it('puts the label of a C-shaped district in its thickest part, not at the centroid outside it', () => {
    const c = [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]];
    const pole = poleOfInaccessibility(c, 1e-3);
    expect(pointInGeometry(pole, { type: 'Polygon', coordinates: c })).toBe(true);
    expect(pointInGeometry([1.4, 1.5], { type: 'Polygon', coordinates: c })).toBe(false); // the area centroid
    expect(distancePointToGeometryM(pole, { type: 'Polygon', coordinates: c }, true)).toBeGreaterThan(0.45 * 111_195 * Math.cos((1.5 * Math.PI) / 180));
  });

  it('weighs longitudes by cos φ for the label', () => {
    // At 60° N a degree of longitude is half a degree of latitude. A west lobe 2°×1.1° (1×1.1 on
    // the ground, in degrees of latitude) joins an east lobe 1°×1.3° (0.5×1.3 on the ground). On
    // the ground the widest room is in the west lobe; in raw degrees it would be the east one (x ≈ 2.35).
    const lobes = [[[0, 59.45], [2, 59.45], [2, 59.35], [3, 59.35], [3, 60.65], [2, 60.65], [2, 60.55], [0, 60.55], [0, 59.45]]];
    const [x, y] = poleOfInaccessibility(lobes, 1e-4);
    expect(x).toBeGreaterThan(1);
    expect(x).toBeLessThan(2);
    expect(y).toBeCloseTo(60, 1);
  });
});
