export type Position = [number, number] | number[];
export interface PolygonalGeometry {
  type: 'Polygon' | 'MultiPolygon' | 'LineString' | 'MultiLineString';
  coordinates: any;
}
export const M_PER_DEG: number;
export function round(v: number, n?: number): number;
export function ringSignedArea(ring: Position[]): number;
export function pointInGeometry(pt: Position, geometry: PolygonalGeometry): boolean;
export function poleOfInaccessibility(rings: Position[][], precision?: number): [number, number];
export function distancePointToGeometryM(pt: Position, geometry: PolygonalGeometry, boundaryOnly?: boolean): number;
