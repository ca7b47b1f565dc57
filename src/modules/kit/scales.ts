import { rgb } from 'd3-color';
import { interpolateRgbBasis } from 'd3-interpolate';
import type { Rgba } from '../../core/colour.ts';
import { isColumns, type PointColumns } from './sources.ts';

/**
 * Colour ramps a designer picks by name, low to high. Sequential and bright at the top: the wall's
 * background is dark navy, so high values must be the light end.
 */
export const RAMPS = {
  heat: ['#2b1055', '#7a1f6b', '#c2365a', '#f0643a', '#ffa53a', '#ffe77a'],
  viridis: ['#2d1a4a', '#3b528b', '#21908d', '#5dc963', '#b8de29', '#fde725'],
  ocean: ['#0b2a4a', '#0f4c81', '#1b7fc4', '#3fd0ff', '#9ff0ff', '#e8fbff'],
  traffic: ['#3ddc84', '#a6e05a', '#ffd166', '#ff9f43', '#ff4d5e', '#d7263d'],
  magenta: ['#241242', '#4a1a6e', '#8e2a9e', '#d33fbf', '#ff7ad9', '#ffd1f3'],
  ice: ['#1b2a44', '#35507a', '#5a7fae', '#8fb1d8', '#c6dbf2', '#f4f9ff'],
} as const;
export type RampName = keyof typeof RAMPS;
export const RAMP_NAMES = Object.keys(RAMPS) as [RampName, ...RampName[]];

/** A ramp as deck.gl's colorRange (RGB triples). */
export function colorRange(name: RampName): [number, number, number][] {
  return RAMPS[name].map((c) => {
    const { r, g, b } = rgb(c);
    return [Math.round(r), Math.round(g), Math.round(b)];
  });
}

/** A '#rrggbb' string (the style schema has checked it) as a deck.gl colour. */
export function hexRgba(hex: string, alpha = 255): Rgba {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

const palettes = new Map<RampName, Rgba[]>();

/**
 * 256 colours along a ramp, made once per ramp: accessors return these shared arrays, so colouring
 * ten thousand points allocates nothing.
 */
export function palette(name: RampName): Rgba[] {
  let p = palettes.get(name);
  if (!p) {
    const ramp = interpolateRgbBasis([...RAMPS[name]]);
    p = Array.from({ length: 256 }, (_, i) => {
      const c = rgb(ramp(i / 255));
      return [Math.round(c.r), Math.round(c.g), Math.round(c.b), 255] as Rgba;
    });
    palettes.set(name, p);
  }
  return p;
}

/** Weights of a set of rows, their largest, and each one's level 0–255 of that largest. */
export interface WeightTable {
  length: number;
  weights: ArrayLike<number>;
  max: number;
  /** round(255 × weight / max), 0 for negative or missing weights. */
  level: Uint8Array;
}

/** Through the layer's memo, once per topic value: accessors then read by index, never recompute. */
export function weightTable(rows: readonly { weight: number }[] | PointColumns): WeightTable {
  const length = rows.length;
  const weights: ArrayLike<number> = isColumns(rows) ? rows.weights : Float64Array.from(rows, (r) => r.weight);
  let max = 0;
  for (let i = 0; i < length; i++) if (weights[i] > max) max = weights[i];
  const level = new Uint8Array(length);
  if (max > 0) for (let i = 0; i < length; i++) level[i] = weights[i] > 0 ? Math.round((255 * weights[i]) / max) : 0;
  return { length, weights, max, level };
}

/** Area-true size factor from a level: a point with a quarter of the weight has half the size. */
export const sizeFactor = (level: number) => Math.sqrt(level / 255);

/** A number for a wall reader: 万 past ten thousand, at most one decimal below. */
export function formatWeight(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1e4) return `${(value / 1e4).toFixed(1)}万`;
  return Number.isInteger(value) ? value.toLocaleString('zh-CN') : value.toFixed(1);
}

export const rampLegendColors = (name: RampName) => [...RAMPS[name]];
