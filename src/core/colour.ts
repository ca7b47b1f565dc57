import { rgb } from 'd3-color';

/** A deck.gl colour: red, green, blue, alpha, each 0–255. */
export type Rgba = [number, number, number, number];

/**
 * A CSS colour (hex, rgb(), a d3 interpolator's output) as a deck.gl colour. Channels are rounded:
 * d3 parses "rgb(12.5, …)" as is, and deck.gl's colour attributes are whole bytes.
 */
export function toRgba(css: string, alpha = 255): Rgba {
  const c = rgb(css);
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b), alpha];
}
