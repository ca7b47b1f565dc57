// Geometry for the data scripts. The geometry itself comes from libraries (polylabel; @turf/*
// for point-in-polygon, distances, areas, lengths); what stays here is what they do not do:
// label points in a plane where east and north weigh the same, the distance from a point to a
// polygon's edge or to any (multi)line, RFC 7946 winding, rounding. Coordinates are [lon, lat].
import polylabel from 'polylabel';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToLineDistance } from '@turf/point-to-line-distance';

/** Metres per degree of latitude on turf's sphere (earth radius 6,371,008.8 m). */
export const M_PER_DEG = (6371008.8 * Math.PI) / 180;
const RAD = Math.PI / 180;

/** Round a number to n decimals. */
export function round(v, n = 5) {
  const f = 10 ** n;
  return Math.round(v * f) / f;
}

/** Signed planar area of a ring in degree² (positive = counter-clockwise): the ring's winding only. */
export function ringSignedArea(ring) {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return s / 2;
}

/** Inside a Polygon or MultiPolygon (the boundary counts as inside); false for other geometries. */
export function pointInGeometry(pt, geometry) {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return false;
  return booleanPointInPolygon(pt, geometry);
}

/**
 * Pole of inaccessibility (polylabel) of a polygon, for labels: always inside, far from edges.
 * polylabel works in the plane of the coordinates, where a degree of longitude would weigh 1/cos φ
 * times its length: longitudes are scaled by cos φ (φ: the middle latitude of the outer ring) first,
 * so both axes are in degrees of latitude, and scaled back after.
 * @param {number[][][]} rings polygon rings
 * @param {number} precision in degrees of latitude (0.0005° ≈ 56 m)
 * @returns {[number, number]}
 */
export function poleOfInaccessibility(rings, precision = 0.0005) {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of rings[0]) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const k = Math.cos(((minY + maxY) / 2) * RAD);
  const [x, y] = polylabel(
    rings.map((ring) => ring.map(([lon, lat]) => [lon * k, lat])),
    precision,
  );
  return [x / k, y];
}

/**
 * Minimum distance (m) from a point to a geometry: geodesic, to the nearest segment (turf's
 * point-to-line distance, one line or ring at a time). For (Multi)Polygons the distance is 0 when
 * the point is inside, unless `boundaryOnly` is set: then it is the distance to the nearest ring edge.
 */
export function distancePointToGeometryM(pt, geometry, boundaryOnly = false) {
  const depth = { LineString: 0, MultiLineString: 1, Polygon: 1, MultiPolygon: 2 }[geometry.type];
  if (depth === undefined) throw new Error(`unsupported ${geometry.type}`);
  const polygonal = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
  if (polygonal && !boundaryOnly && pointInGeometry(pt, geometry)) return 0;
  const lines = depth === 0 ? [geometry.coordinates] : geometry.coordinates.flat(depth - 1);
  let min = Infinity;
  for (const coordinates of lines) {
    if (coordinates.length < 2) continue;
    min = Math.min(min, pointToLineDistance(pt, { type: 'LineString', coordinates }, { units: 'meters' }));
  }
  return min;
}
