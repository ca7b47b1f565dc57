/**
 * What the two binning kinds (hexagon, grid) share: their style fields, how a cell adds its
 * points up, its legend and its tooltip.
 */
import type { AccessorContext } from '@deck.gl/core';
import { z } from 'zod';
import type { LayerContext, LegendSpec } from '../../core/module-api.ts';
import { opacity } from '../style-fields.ts';
import { legendTitle, pointData, positionOf, sourceOf, weightOf } from './binding.ts';
import { AGGREGATE_NAMES, DECK_AGGREGATION, aggregate, metres, ramp, type Aggregate } from './fields.ts';
import { colorRange, formatWeight, rampLegendColors, weightTable, type RampName } from './scales.ts';
import { isColumns, type PointRow, type Points } from './sources.ts';

export const cellFields = (what: string) => ({
  aggregate: aggregate(),
  extruded: z.boolean().default(true).describe(`Raise each ${what} by its figure`),
  height: metres(3000, 0, 50_000, `Height of the tallest ${what}, in metres (when raised)`),
  coverage: z.number().min(0.1).max(1).default(0.9).describe(`Share of its cell each ${what} fills (below 1 leaves gaps)`),
  colors: ramp('viridis'),
  opacity: opacity(0.85, `Opacity of the ${what}s`),
});

interface CellStyle {
  aggregate: Aggregate;
  extruded: boolean;
  height: number;
  coverage: number;
  colors: RampName;
  opacity: number;
}

/**
 * A fleet's positions as [lon, lat, 0] triples: deck.gl 9.4's GPU binning draws nothing from a
 * size-2 binary position attribute (its CPU binning and the other layers read size 2 fine). One
 * copy per value, through the memo.
 */
export function cellData(points: Points): readonly unknown[] | { length: number; attributes: { getPosition: { value: Float32Array; size: 3 } } } {
  if (!isColumns(points)) return pointData(points) as readonly unknown[];
  const { length, positions } = points;
  const xyz = new Float32Array(length * 3);
  for (let i = 0; i < length; i++) {
    xyz[3 * i] = positions[2 * i];
    xyz[3 * i + 1] = positions[2 * i + 1];
  }
  return { length, attributes: { getPosition: { value: xyz, size: 3 } } };
}

/** Props of HexagonLayer and GridLayer alike, for points as rows or a fleet's columns. */
export function cellProps(ctx: LayerContext<CellStyle>, points: Points) {
  const { weights } = ctx.memo(weightTable, points);
  const op = DECK_AGGREGATION[ctx.style.aggregate];
  // A count is a sum of ones: deck.gl 9.4's GPU binning draws nothing with its own 'COUNT'.
  const weight = ctx.style.aggregate === 'count' ? 1 : (_: PointRow, { index }: AccessorContext<PointRow>) => weights[index];
  return {
    data: ctx.memo(cellData, points) as never,
    getPosition: positionOf,
    getColorWeight: weight,
    colorAggregation: op,
    getElevationWeight: weight,
    elevationAggregation: op,
    colorRange: colorRange(ctx.style.colors),
    extruded: ctx.style.extruded,
    elevationRange: [0, ctx.style.height] as [number, number],
    coverage: ctx.style.coverage,
    opacity: ctx.style.opacity,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 255, 255, 120] as [number, number, number, number],
    material: { ambient: 0.6, diffuse: 0.6, shininess: 24 },
    // Weights come with the data (a new value is new data); only the way they add up is style.
    updateTriggers: { getColorWeight: ctx.style.aggregate, getElevationWeight: ctx.style.aggregate },
  };
}

export function cellLegend(ctx: LayerContext<CellStyle>, what: string, whatEn: string): LegendSpec {
  const weight = weightOf(ctx, 'points');
  const agg = ctx.style.aggregate;
  const byValue = agg !== 'count' && weight;
  return {
    type: 'ramp',
    ...legendTitle(ctx, what, byValue ? `${AGGREGATE_NAMES[agg].nameEn} of ${weight.nameEn.toLowerCase()} per ${whatEn}` : `points per ${whatEn}`),
    unit: byValue ? weight.unit : '',
    colors: rampLegendColors(ctx.style.colors),
    ticks: ['少 few', '多 many'],
  };
}

/** A picked cell: deck gives its count and its aggregated figure. */
export function describeCell(object: unknown, ctx: LayerContext<CellStyle>): string[] | null {
  const cell = object as { count?: unknown; colorValue?: unknown } | null;
  if (!cell || typeof cell.count !== 'number') return null;
  const source = sourceOf(ctx);
  const weight = weightOf(ctx, 'points');
  const lines = [`${source?.title ?? ''} ${cell.count.toLocaleString('zh-CN')} 个 · ${cell.count} points`.trim()];
  const agg = ctx.style.aggregate;
  if (agg !== 'count' && weight && typeof cell.colorValue === 'number') {
    const names = AGGREGATE_NAMES[agg];
    lines.push(`${weight.name}${names.name} ${formatWeight(cell.colorValue)}${weight.unit ? ` ${weight.unit}` : ''} · ${names.nameEn}`);
  }
  return lines;
}
