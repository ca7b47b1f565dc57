import type { Position } from '@deck.gl/core';
import { PathLayer } from '@deck.gl/layers';
import { z } from 'zod';
import { defineLayerKind } from '../../../core/module-api.ts';
import { opacity } from '../../style-fields.ts';
import { describeRow, legendTitle, pathsOf, readyFor, weightOf } from '../binding.ts';
import { pixels, ramp } from '../fields.ts';
import { palette, rampLegendColors, sizeFactor, weightTable } from '../scales.ts';
import { otherTopics, topicsWith, type PathRow } from '../sources.ts';

export const PATHS_STYLE = z.strictObject({
  width: pixels(3, 0.5, 20, 'Line width in design pixels (the widest, when sized by value)'),
  widthByValue: z.boolean().default(false).describe('Width of each line by its value: larger values, wider lines'),
  colors: ramp('traffic'),
  rounded: z.boolean().default(true).describe('Round the ends and corners of the lines'),
  opacity: opacity(0.9, 'Opacity of the lines'),
});

/** Lines of a path topic (the road network…), coloured by their value. */
export const pathsKind = defineLayerKind({
  kind: 'kit.paths',
  title: '路径',
  titleEn: 'Paths',
  topic: 'traffic.roads',
  acceptsTopics: otherTopics(topicsWith('paths'), 'traffic.roads'),
  style: PATHS_STYLE,
  build: (ctx) => {
    const paths = pathsOf(ctx);
    if (!paths) return [];
    const { level } = ctx.memo(weightTable, paths);
    const colors = palette(ctx.style.colors);
    const { width, widthByValue } = ctx.style;
    return [
      new PathLayer<PathRow>({
        id: `${ctx.layer.id}-paths`,
        data: paths,
        getPath: (r) => r.path as unknown as Position[],
        getColor: (_, { index }) => colors[level[index]],
        getWidth: widthByValue ? (_, { index }) => width * (0.3 + 0.7 * sizeFactor(level[index])) : width,
        widthUnits: 'pixels',
        widthScale: ctx.scale,
        widthMinPixels: 1,
        capRounded: ctx.style.rounded,
        jointRounded: ctx.style.rounded,
        opacity: ctx.style.opacity,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 200],
        parameters: { depthCompare: 'always', depthWriteEnabled: false },
        updateTriggers: { getColor: ctx.style.colors, getWidth: [widthByValue, width] },
      }),
    ];
  },
  ready: (ctx) => readyFor(ctx, 'paths'),
  legend: (ctx) => {
    const weight = weightOf(ctx, 'paths');
    return {
      type: 'ramp',
      ...legendTitle(ctx, '', `colour by ${weight?.nameEn.toLowerCase() ?? 'value'}`),
      unit: weight?.unit ?? '',
      colors: rampLegendColors(ctx.style.colors),
      ticks: ['低 low', '高 high'],
    };
  },
  tooltip: (object, ctx) => describeRow(object, ctx, 'paths'),
});
