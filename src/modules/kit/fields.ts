import { z } from 'zod';
import { RAMP_NAMES, type RampName } from './scales.ts';

/**
 * Style fields the generic kinds share. Each is flat and plain (a number with bounds, a boolean, a
 * choice, a '#rrggbb' string) because the scene designer builds its form from them.
 */

export const colour = (value: string, what: string) =>
  z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .default(value)
    .describe(what);

export const ramp = (value: RampName, what = 'Colour ramp, low to high values') => z.enum(RAMP_NAMES).default(value).describe(what);

export const pixels = (value: number, min: number, max: number, what: string) => z.number().min(min).max(max).default(value).describe(what);

export const metres = (value: number, min: number, max: number, what: string) => z.number().min(min).max(max).default(value).describe(what);

/** How points in one cell add up to its colour and height. */
export const AGGREGATES = ['count', 'sum', 'mean', 'max'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const aggregate = (what = 'What a cell shows: how many points (count), or the sum, mean or largest of their values') =>
  z.enum(AGGREGATES).default('count').describe(what);

/** deck.gl's operation for each aggregate: a count is the sum of a weight of one (see cells.ts). */
export const DECK_AGGREGATION = { count: 'SUM', sum: 'SUM', mean: 'MEAN', max: 'MAX' } as const;

export const AGGREGATE_NAMES: Record<Aggregate, { name: string; nameEn: string }> = {
  count: { name: '点数', nameEn: 'points' },
  sum: { name: '合计', nameEn: 'sum' },
  mean: { name: '平均', nameEn: 'mean' },
  max: { name: '最大', nameEn: 'largest' },
};
