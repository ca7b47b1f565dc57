// Decoder for echarts' compressed GeoJSON ("UTF8Encoding": true).
//
// Port of decode()/decodeRings()/decodeRing() from echarts
// (node_modules/echarts/lib/coord/geo/parseGeoJson.js, Apache-2.0).
// Each ring is a string of character pairs; every character encodes a
// ZigZag-encoded coordinate delta offset by 64. The first absolute position
// comes from geometry.encodeOffsets, and integers are divided by the scale
// (json.UTF8Scale, default 1024) to get degrees.
//
// Pure: the input is not mutated; a new plain GeoJSON FeatureCollection is
// returned (without encodeOffsets / UTF8Encoding).

/**
 * @param {string} encoded
 * @param {[number, number]} offsets
 * @param {number} scale
 * @returns {[number, number][]}
 */
export function decodeRing(encoded, offsets, scale = 1024) {
  if (typeof encoded !== 'string') throw new TypeError('encoded ring must be a string');
  if (encoded.length % 2 !== 0) throw new Error(`encoded ring has odd length ${encoded.length}`);
  const out = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    // ZigZag decoding
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    // Delta decoding
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    out.push([x / scale, y / scale]);
  }
  return out;
}

function decodeRings(rings, offsets, scale) {
  return rings.map((ring, i) => decodeRing(ring, offsets[i], scale));
}

/**
 * Decode a geometry object (returns a new geometry; plain geometries pass through).
 */
export function decodeGeometry(geometry, scale = 1024) {
  if (!geometry) return geometry;
  const { type, coordinates, encodeOffsets } = geometry;
  if (!encodeOffsets) {
    return { type, coordinates: structuredClone(coordinates) };
  }
  switch (type) {
    case 'LineString':
      return { type, coordinates: decodeRing(coordinates, encodeOffsets, scale) };
    case 'Polygon':
    case 'MultiLineString':
      return { type, coordinates: decodeRings(coordinates, encodeOffsets, scale) };
    case 'MultiPolygon':
      return {
        type,
        coordinates: coordinates.map((rings, idx) => decodeRings(rings, encodeOffsets[idx], scale)),
      };
    default:
      throw new Error(`unsupported encoded geometry type ${type}`);
  }
}

/**
 * @param {object} fc echarts-compressed (or plain) GeoJSON FeatureCollection
 * @returns {object} plain GeoJSON FeatureCollection
 */
export function decodeEchartsGeoJson(fc) {
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new TypeError('expected a GeoJSON FeatureCollection');
  }
  const encoded = !!fc.UTF8Encoding;
  const scale = fc.UTF8Scale ?? 1024;
  const features = fc.features.map((f) => ({
    ...f,
    properties: structuredClone(f.properties ?? {}),
    geometry: encoded ? decodeGeometry(f.geometry, scale) : structuredClone(f.geometry),
  }));
  const { UTF8Encoding, UTF8Scale, ...rest } = fc;
  return { ...rest, features };
}
