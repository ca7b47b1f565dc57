import type { AccessorContext } from '@deck.gl/core';
import { ColumnLayer } from '@deck.gl/layers';
import { z } from 'zod';
import { defineLayerKind } from '../../../core/module-api.ts';
import { opacity } from '../../style-fields.ts';
import { describeRow, legendTitle, pointData, pointsOf, positionOf, readyFor, weightOf } from '../binding.ts';
import { metres, ramp } from '../fields.ts';
import { formatWeight, palette, rampLegendColors, weightTable } from '../scales.ts';
import { otherTopics, topicsWith, type PointRow } from '../sources.ts';

export const COLUMNS_STYLE = z.strictObject({
  radius: metres(400, 20, 10_000, 'Column radius, in metres'),
  height: metres(5000, 100, 60_000, 'Height of the column with the largest value, in metres'),
  sides: z.number().int().min(4).max(24).default(12).describe('Sides of each column: 4 a square box, 24 nearly round'),
  colors: ramp('ocean'),
  opacity: opacity(0.9, 'Opacity of the columns'),
});

/** A column at each point, raised and coloured by its value (largest value: the style's height). */
export const columnsKind = defineLayerKind({
  kind: 'kit.columns',
  title: '柱状',
  titleEn: 'Columns',
  topic: 'poverty.districts',
  acceptsTopics: otherTopics(topicsWith('points'), 'poverty.districts'),
  style: COLUMNS_STYLE,
  build: (ctx) => {
    const points = pointsOf(ctx);
    if (!points) return [];
    const { weights, level, max } = ctx.memo(weightTable, points);
    const colors = palette(ctx.style.colors);
    return [
      new ColumnLayer<PointRow>({
        id: `${ctx.layer.id}-columns`,
        data: ctx.memo(pointData, points) as never,
        getPosition: positionOf,
        getElevation: (_: PointRow, { index }: AccessorContext<PointRow>) => Math.max(0, weights[index]),
        // The largest value reaches the style's height, whatever the unit of the topic.
        elevationScale: max > 0 ? ctx.style.height / max : 0,
        getFillColor: (_: PointRow, { index }: AccessorContext<PointRow>) => colors[level[index]],
        radius: ctx.style.radius,
        diskResolution: ctx.style.sides,
        extruded: true,
        opacity: ctx.style.opacity,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 140],
        material: { ambient: 0.55, diffuse: 0.6, shininess: 32 },
        updateTriggers: { getFillColor: ctx.style.colors },
      }),
    ];
  },
  ready: (ctx) => readyFor(ctx, 'points'),
  legend: (ctx) => {
    const points = pointsOf(ctx);
    const weight = weightOf(ctx, 'points');
    const max = points ? ctx.memo(weightTable, points).max : 0;
    return {
      type: 'ramp',
      ...legendTitle(ctx, ' 柱', `height and colour by ${weight?.nameEn.toLowerCase() ?? 'value'}`),
      unit: weight?.unit ?? '',
      colors: rampLegendColors(ctx.style.colors),
      ticks: ['0', formatWeight(max / 2), formatWeight(max)],
    };
  },
  tooltip: (object, ctx) => describeRow(object, ctx, 'points'),
});
