import type { AccessorContext } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import { z } from 'zod';
import { defineLayerKind } from '../../../core/module-api.ts';
import { PlacedLabelsLayer } from '../../../layers/placed-labels-layer.ts';
import { opacity } from '../../style-fields.ts';
import { describeRow, legendTitle, pointsOf, positionOf, readyFor } from '../binding.ts';
import { colour, pixels } from '../fields.ts';
import { hexRgba, weightTable } from '../scales.ts';
import { isColumns, labelledPointTopics, otherTopics, type PointRow } from '../sources.ts';

export const TEXT_STYLE = z.strictObject({
  size: pixels(14, 8, 48, 'Text size in design pixels'),
  color: colour('#ebf5ff', 'Text colour'),
  avoidOverlap: z.boolean().default(true).describe('Leave out names that would overlap others (the larger values win their place)'),
  offset: pixels(0, 0, 60, 'Lift each name above its point, in design pixels'),
  opacity: opacity(1, 'Opacity of the text'),
});

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';
const NO_ROWS: readonly PointRow[] = [];
const OUTLINE: [number, number, number, number] = [7, 13, 26, 230];

/**
 * Every character of the labels, sorted: the glyph atlas. Computed rather than 'auto', as the
 * poverty villages do: a layer that starts with no rows builds an empty atlas that does not grow
 * back reliably, and a string compares by value, so an unchanged set keeps its atlas. Through the
 * layer's memo, once per topic value.
 */
export function labelCharacters(rows: readonly PointRow[]): string {
  const chars = new Set<string>([' ', '…']);
  for (const r of rows) for (const c of r.label) chars.add(c);
  return [...chars].sort().join('');
}

/** Rows with a name to show (hub text, drawn as text). */
export function namedRows(rows: readonly PointRow[]): readonly PointRow[] {
  return rows.some((r) => !r.label) ? rows.filter((r) => r.label) : rows;
}

/** The names of a labelled point topic on the map, in the wall's label look (CJK font, navy halo). */
export const textKind = defineLayerKind({
  kind: 'kit.text',
  title: '文字标注',
  titleEn: 'Text labels',
  topic: 'environment.stations',
  acceptsTopics: otherTopics(labelledPointTopics(), 'environment.stations'),
  style: TEXT_STYLE,
  build: (ctx) => {
    const points = pointsOf(ctx);
    if (!points) return [];
    const rows = isColumns(points) ? NO_ROWS : ctx.memo(namedRows, points);
    const { level } = ctx.memo(weightTable, rows);
    const { size, color, offset, avoidOverlap } = ctx.style;
    const common = {
      id: `${ctx.layer.id}-text`,
      data: rows,
      getText: (r: PointRow) => r.label,
      getPosition: positionOf,
      getSize: size,
      sizeScale: ctx.scale,
      getColor: hexRgba(color),
      getPixelOffset: [0, -offset * ctx.scale] as [number, number],
      getAlignmentBaseline: offset > 0 ? ('bottom' as const) : ('center' as const),
      fontFamily: FONT,
      fontWeight: 600,
      fontSettings: { sdf: true, fontSize: 64, buffer: 8, radius: 12 },
      characterSet: ctx.memo(labelCharacters, rows),
      outlineWidth: 4,
      outlineColor: OUTLINE,
      opacity: ctx.style.opacity,
      pickable: true,
      updateTriggers: { getColor: color, getPixelOffset: [offset, ctx.scale] },
    };
    if (avoidOverlap) {
      // Larger values claim their place first; priorities stay within the label kit's ±1000.
      return [new PlacedLabelsLayer<PointRow>({ ...common, getPriority: (_: PointRow, { index }: AccessorContext<PointRow>) => (level[index] / 255) * 1000 })];
    }
    return [
      new TextLayer<PointRow>({
        ...common,
        sizeUnits: 'pixels',
        billboard: true,
        getTextAnchor: 'middle',
        parameters: { depthCompare: 'always', depthWriteEnabled: false },
      }),
    ];
  },
  ready: (ctx) => readyFor(ctx, 'points'),
  legend: (ctx) => ({
    type: 'categories',
    ...legendTitle(ctx, ' 名称', 'names'),
    items: [{ label: '名称 Name', color: ctx.style.color }],
  }),
  tooltip: (object, ctx) => describeRow(object, ctx, 'points'),
});
