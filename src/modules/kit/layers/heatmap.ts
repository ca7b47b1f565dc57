import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { AccessorContext } from '@deck.gl/core';
import { z } from 'zod';
import { defineLayerKind } from '../../../core/module-api.ts';
import { opacity } from '../../style-fields.ts';
import { describeRow, legendTitle, pointData, pointsOf, positionOf, readyFor, weightOf } from '../binding.ts';
import { pixels, ramp } from '../fields.ts';
import { colorRange, rampLegendColors, weightTable } from '../scales.ts';
import { otherTopics, topicsWith, type PointRow } from '../sources.ts';

export const HEATMAP_STYLE = z.strictObject({
  radius: pixels(30, 5, 100, 'How far each point spreads its heat, in design pixels'),
  intensity: z.number().min(0.1).max(10).default(1).describe('Brightens (above 1) or dims (below 1) the whole heatmap'),
  threshold: z.number().min(0.01).max(1).default(0.05).describe('Heat below this share of the hottest spot is not drawn'),
  weighted: z.boolean().default(false).describe("Weigh each point by its value (scans, AQI, households…) instead of counting points"),
  colors: ramp('heat'),
  opacity: opacity(0.85, 'Opacity of the heatmap'),
});

/** Density of any point topic, as kepler.gl's heatmap: the vehicle fleet, checkpoints, events… */
export const heatmapKind = defineLayerKind({
  kind: 'kit.heatmap',
  title: '热力图',
  titleEn: 'Heatmap',
  topic: 'traffic.vehicles',
  acceptsTopics: otherTopics(topicsWith('points'), 'traffic.vehicles'),
  style: HEATMAP_STYLE,
  build: (ctx) => {
    const points = pointsOf(ctx);
    if (!points) return [];
    const { weights } = ctx.memo(weightTable, points);
    const { weighted } = ctx.style;
    return [
      new HeatmapLayer<PointRow>({
        id: `${ctx.layer.id}-heatmap`,
        data: ctx.memo(pointData, points) as never,
        getPosition: positionOf,
        getWeight: weighted ? (_: PointRow, { index }: AccessorContext<PointRow>) => Math.max(0, weights[index]) : 1,
        // deck caps the radius at 100 px; the wall's scale keeps it the designed size on big walls.
        radiusPixels: Math.min(100, ctx.style.radius * ctx.scale),
        intensity: ctx.style.intensity,
        threshold: ctx.style.threshold,
        colorRange: colorRange(ctx.style.colors),
        opacity: ctx.style.opacity,
        // Heat is a field, not objects: deck's heatmap cannot be picked.
        pickable: false,
        updateTriggers: { getWeight: weighted },
      }),
    ];
  },
  ready: (ctx) => readyFor(ctx, 'points'),
  legend: (ctx) => {
    const weight = weightOf(ctx, 'points');
    const weighted = ctx.style.weighted && weight;
    return {
      type: 'ramp',
      ...legendTitle(ctx, ' 热力', weighted ? `heat by ${weight.nameEn.toLowerCase()}` : 'density of points'),
      unit: weighted ? weight.unit : '',
      colors: rampLegendColors(ctx.style.colors),
      ticks: ['低 low', '高 high'],
    };
  },
  tooltip: (object, ctx) => describeRow(object, ctx, 'points'),
});
