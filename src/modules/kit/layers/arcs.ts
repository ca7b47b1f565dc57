import type { Position } from '@deck.gl/core';
import { ArcLayer } from '@deck.gl/layers';
import { z } from 'zod';
import { defineLayerKind } from '../../../core/module-api.ts';
import { opacity } from '../../style-fields.ts';
import { arcsOf, describeRow, legendTitle, readyFor, weightOf } from '../binding.ts';
import { colour, pixels } from '../fields.ts';
import { hexRgba, sizeFactor, weightTable } from '../scales.ts';
import { otherTopics, topicsWith, type ArcRow } from '../sources.ts';

export const ARCS_STYLE = z.strictObject({
  width: pixels(4, 0.5, 20, 'Arc width in design pixels (the widest, when sized by value)'),
  widthByValue: z.boolean().default(true).describe('Width of each arc by its value: larger values, wider arcs'),
  height: z.number().min(0).max(2).default(0.3).describe('How high the arcs rise: 0 flat on the ground, 1 as high as they are long'),
  fromColor: colour('#ffd166', 'Colour at the start of each arc'),
  toColor: colour('#3fd0ff', 'Colour at the end of each arc'),
  opacity: opacity(0.9, 'Opacity of the arcs'),
});

/** Flows between two places (paired assistance…): an arc from each start to its end. */
export const arcsKind = defineLayerKind({
  kind: 'kit.arcs',
  title: '弧线',
  titleEn: 'Arcs',
  topic: 'poverty.pairs',
  acceptsTopics: otherTopics(topicsWith('arcs'), 'poverty.pairs'),
  style: ARCS_STYLE,
  build: (ctx) => {
    const arcs = arcsOf(ctx);
    if (!arcs) return [];
    const { level } = ctx.memo(weightTable, arcs);
    const { width, widthByValue, fromColor, toColor } = ctx.style;
    return [
      new ArcLayer<ArcRow>({
        id: `${ctx.layer.id}-arcs`,
        data: arcs,
        getSourcePosition: (r) => r.from as unknown as Position,
        getTargetPosition: (r) => r.to as unknown as Position,
        getSourceColor: hexRgba(fromColor),
        getTargetColor: hexRgba(toColor),
        getWidth: widthByValue ? (_, { index }) => width * (0.3 + 0.7 * sizeFactor(level[index])) : width,
        widthUnits: 'pixels',
        widthScale: ctx.scale,
        widthMinPixels: 1,
        getHeight: ctx.style.height,
        greatCircle: false,
        opacity: ctx.style.opacity,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 220],
        updateTriggers: { getWidth: [widthByValue, width], getSourceColor: fromColor, getTargetColor: toColor, getHeight: ctx.style.height },
      }),
    ];
  },
  ready: (ctx) => readyFor(ctx, 'arcs'),
  legend: (ctx) => {
    const weight = weightOf(ctx, 'arcs');
    return {
      type: 'categories',
      ...legendTitle(ctx, '', ctx.style.widthByValue ? `width by ${weight?.nameEn.toLowerCase() ?? 'value'}` : 'from → to'),
      items: [
        { label: '起点 From', color: ctx.style.fromColor },
        { label: '终点 To', color: ctx.style.toColor },
      ],
    };
  },
  tooltip: (object, ctx) => describeRow(object, ctx, 'arcs'),
});
