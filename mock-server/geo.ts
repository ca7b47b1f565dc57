import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { CONTRACT_VERSION, DistrictsResponseSchema, describeIssue, type DistrictsResponse } from '../src/hub/contract.ts';

const DISTRICTS_FILE = fileURLToPath(new URL('../public/geo/chongqing-districts.geojson', import.meta.url));

/** The real districts of Chongqing (decoded by scripts/decode-districts.mjs), checked against the contract. */
export function loadDistricts(file = DISTRICTS_FILE): DistrictsResponse {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = DistrictsResponseSchema.safeParse({
    contractVersion: CONTRACT_VERSION,
    datum: 'WGS84',
    type: 'FeatureCollection',
    features: raw.features,
  });
  if (!parsed.success) throw new Error(`${file} does not match the contract: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

/**
 * Whether a [lon, lat] lies in a (Multi)Polygon, its boundary included (@turf/boolean-point-in-polygon);
 * false for any other geometry (water may come as lines).
 */
export function pointInGeometry(pt: readonly number[], geometry: { type: string; coordinates: unknown }): boolean {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return false;
  return booleanPointInPolygon(pt as number[], geometry as Parameters<typeof booleanPointInPolygon>[1]);
}
