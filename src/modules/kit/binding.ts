/**
 * How a kit layer reads its topic: the source for the topic the scene names, the rows through the
 * layer's memo, readiness, and the row tooltips every kind shares.
 */
import type { Position } from '@deck.gl/core';
import type { LayerContext } from '../../core/module-api.ts';
import { formatWeight } from './scales.ts';
import {
  SOURCES,
  extractArcs,
  extractPaths,
  extractPoints,
  isColumns,
  type ArcRow,
  type Extractor,
  type PathRow,
  type PointRow,
  type Points,
  type Shape,
  type TopicSource,
  type WeightInfo,
} from './sources.ts';

type Ctx = LayerContext<object>;

export const sourceOf = (ctx: Ctx): TopicSource | undefined => (ctx.topic ? SOURCES[ctx.topic] : undefined);

function extractorOf(ctx: Ctx, shape: Shape): Extractor<unknown> | undefined {
  return sourceOf(ctx)?.[shape] as Extractor<unknown> | undefined;
}

/** The topic's value has arrived, and the district centres too when the rows stand on them. */
export function readyFor(ctx: Ctx, shape: Shape): boolean {
  const ex = extractorOf(ctx, shape);
  return Boolean(ex && ctx.topic && ctx.value(ctx.topic) !== undefined && (!ex.districts || ctx.districts !== null));
}

/** Rows of one shape, once per topic value (and district geometry, for per-district topics). */
function rowsOf<R>(ctx: Ctx, shape: Shape, extract: (topic: string, data: unknown, districts: LayerContext['districts']) => R): R | null {
  if (!readyFor(ctx, shape)) return null;
  const topic = ctx.topic!;
  const ex = extractorOf(ctx, shape)!;
  return ctx.memo(extract, topic, ctx.value(topic)!.data, ex.districts ? ctx.districts : null);
}

export const pointsOf = (ctx: Ctx): Points | null => rowsOf(ctx, 'points', extractPoints);
export const pathsOf = (ctx: Ctx): readonly PathRow[] | null => rowsOf(ctx, 'paths', extractPaths);
export const arcsOf = (ctx: Ctx): readonly ArcRow[] | null => rowsOf(ctx, 'arcs', extractArcs);

export const weightOf = (ctx: Ctx, shape: Shape): WeightInfo | undefined => extractorOf(ctx, shape)?.weight;

/** The `seq` of the value drawn: accessor updateTriggers follow it. */
export const seqOf = (ctx: Ctx): number => (ctx.topic ? (ctx.value(ctx.topic)?.seq ?? -1) : -1);

export interface BinaryPoints {
  length: number;
  attributes: { getPosition: { value: Float32Array; size: 2 } };
}

/**
 * What deck.gl gets as `data`: rows as they are (picking hands a row to the tooltip), a fleet's
 * columns as a binary position attribute. Other accessors read by index from a WeightTable, so they
 * work on both. Through the memo: one object per value, as deck compares data by reference.
 */
export function pointData(points: Points): readonly unknown[] | BinaryPoints {
  return isColumns(points) ? { length: points.length, attributes: { getPosition: { value: points.positions, size: 2 } } } : points;
}

/** deck.gl's position accessor for rows (a fleet's columns bypass it with a binary attribute). */
export const positionOf = (r: PointRow): Position => r.position as unknown as Position;

/** Tooltip lines for one row of any shape: its name, then its value with the unit. */
export function describeRow(object: unknown, ctx: Ctx, shape: Shape): string[] | null {
  const row = object as { label?: unknown; weight?: unknown } | null;
  const source = sourceOf(ctx);
  const weight = weightOf(ctx, shape);
  if (!row || typeof row.weight !== 'number' || !source || !weight) return null;
  const label = typeof row.label === 'string' && row.label ? row.label : source.title;
  return [label, `${weight.name} ${formatWeight(row.weight)}${weight.unit ? ` ${weight.unit}` : ''} · ${weight.nameEn}`];
}

/** Legend title of a kit layer: the data it shows, in both languages. */
export function legendTitle(ctx: Ctx, what: string, whatEn: string): { title: string; titleEn: string } {
  const source = sourceOf(ctx);
  return { title: `${source?.title ?? ''}${what}`, titleEn: `${source?.titleEn ?? ''} · ${whatEn}` };
}
