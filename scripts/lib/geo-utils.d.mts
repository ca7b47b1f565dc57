export type Position = [number, number] | number[];
export interface PolygonalGeometry {
  type: 'Polygon' | 'MultiPolygon' | 'LineString' | 'MultiLineString';
  coordinates: any;
}
export const EARTH_RADIUS_M: number;
export function haversineM(a: Position, b: Position): number;
export function round(v: number, n?: number): number;
export function ringSignedArea(ring: Position[]): number;
export function ringAreaM2(ring: Position[]): number;
export function polygonAreaM2(rings: Position[][]): number;
export function geometryAreaM2(geometry: PolygonalGeometry): number;
export function pointInRing(pt: Position, ring: Position[]): boolean;
export function pointInPolygon(pt: Position, rings: Position[][]): boolean;
export function pointInGeometry(pt: Position, geometry: PolygonalGeometry): boolean;
export function poleOfInaccessibility(rings: Position[][], precision?: number): [number, number];
export function positions(geometry: { type: string; coordinates?: any; geometries?: any[] }): Generator<number[]>;
export function distancePointToGeometryM(pt: Position, geometry: PolygonalGeometry, boundaryOnly?: boolean): number;
