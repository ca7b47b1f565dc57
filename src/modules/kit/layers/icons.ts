import type { AccessorContext } from '@deck.gl/core';
import { IconLayer } from '@deck.gl/layers';
import { z } from 'zod';
import { defineLayerKind } from '../../../core/module-api.ts';
import { opacity } from '../../style-fields.ts';
import { describeRow, legendTitle, pointData, pointsOf, positionOf, readyFor, sourceOf } from '../binding.ts';
import { colour, pixels } from '../fields.ts';
import { ICON_MAPPING, ICON_NAMES, iconAtlas } from '../icon-atlas.ts';
import { hexRgba, sizeFactor, weightTable } from '../scales.ts';
import { otherTopics, topicsWith, type PointRow } from '../sources.ts';

export const ICONS_STYLE = z.strictObject({
  icon: z.enum(ICON_NAMES).default('pin').describe('The symbol drawn at each point'),
  size: pixels(24, 8, 64, 'Icon size in design pixels (the largest, when sized by value)'),
  sizeByValue: z.boolean().default(false).describe('Size each icon by its value: larger values, larger icons'),
  color: colour('#3fd0ff', 'Icon colour'),
  opacity: opacity(1, 'Opacity of the icons'),
});

/** Symbols at points: the atlas is drawn in code (see ../icon-atlas.ts), nothing is fetched. */
export const iconsKind = defineLayerKind({
  kind: 'kit.icons',
  title: '图标',
  titleEn: 'Icons',
  topic: 'gov.services',
  acceptsTopics: otherTopics(topicsWith('points'), 'gov.services'),
  style: ICONS_STYLE,
  build: (ctx) => {
    const points = pointsOf(ctx);
    if (!points) return [];
    const { level } = ctx.memo(weightTable, points);
    const { icon, size, sizeByValue, color } = ctx.style;
    return [
      new IconLayer<PointRow>({
        id: `${ctx.layer.id}-icons`,
        data: ctx.memo(pointData, points) as never,
        iconAtlas: iconAtlas() as never,
        iconMapping: ICON_MAPPING,
        getIcon: () => icon,
        getPosition: positionOf,
        // Area by value, never smaller than a third: a zero still shows where it is.
        getSize: sizeByValue ? (_: PointRow, { index }: AccessorContext<PointRow>) => size * (0.35 + 0.65 * sizeFactor(level[index])) : size,
        sizeUnits: 'pixels',
        sizeScale: ctx.scale,
        getColor: hexRgba(color),
        billboard: true,
        opacity: ctx.style.opacity,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 200],
        parameters: { depthCompare: 'always', depthWriteEnabled: false },
        updateTriggers: { getIcon: icon, getSize: [sizeByValue, size], getColor: color },
      }),
    ];
  },
  ready: (ctx) => readyFor(ctx, 'points'),
  legend: (ctx) => ({
    type: 'categories',
    ...legendTitle(ctx, '', ctx.style.sizeByValue ? 'icon size by value' : 'icons'),
    items: [{ label: sourceOf(ctx)?.title ?? '图标', color: ctx.style.color }],
  }),
  tooltip: (object, ctx) => describeRow(object, ctx, 'points'),
});
