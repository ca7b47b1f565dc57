export type Position = [number, number];
export interface EncodedGeometry {
  type: 'LineString' | 'Polygon' | 'MultiLineString' | 'MultiPolygon';
  coordinates: unknown;
  encodeOffsets?: unknown;
}
export interface AnyFeatureCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; id?: string | number; properties?: Record<string, unknown>; geometry: any }>;
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  [k: string]: unknown;
}
export function decodeRing(encoded: string, offsets: [number, number], scale?: number): Position[];
export function decodeGeometry(geometry: EncodedGeometry, scale?: number): { type: string; coordinates: any };
export function decodeEchartsGeoJson(fc: AnyFeatureCollection): AnyFeatureCollection;
