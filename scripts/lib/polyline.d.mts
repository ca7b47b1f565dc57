export type Position = [number, number] | number[];
export function parseGmtMultiSegment(text: string): Array<{ header: string; coords: number[][] }>;
export function dedupe<T extends Position>(coords: T[]): T[];
export function mergeLines(lines: Position[][], digits?: number): number[][][];
export function clipLine(coords: Position[], bbox: [number, number, number, number]): number[][][];
export function simplifyLine<T extends Position>(coords: T[], toleranceM: number): T[];
