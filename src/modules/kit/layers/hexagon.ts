import { HexagonLayer } from '@deck.gl/aggregation-layers';
import { z } from 'zod';
import { defineLayerKind } from '../../../core/module-api.ts';
import { pointsOf, readyFor } from '../binding.ts';
import { cellFields, cellLegend, cellProps, describeCell } from '../cells.ts';
import { metres } from '../fields.ts';
import { otherTopics, topicsWith, type PointRow } from '../sources.ts';

export const HEXAGON_STYLE = z.strictObject({
  radius: metres(1000, 100, 20_000, 'Size of each hexagon: centre to corner, in metres'),
  ...cellFields('hexagon'),
});

/** Points binned into hexagons, coloured (and raised) by how many or how much: kepler.gl's hexbin. */
export const hexagonKind = defineLayerKind({
  kind: 'kit.hexagon',
  title: '蜂窝聚合',
  titleEn: 'Hexagon bins',
  topic: 'health.checkpoints',
  acceptsTopics: otherTopics(topicsWith('points'), 'health.checkpoints'),
  style: HEXAGON_STYLE,
  build: (ctx) => {
    const points = pointsOf(ctx);
    if (!points) return [];
    return [new HexagonLayer<PointRow>({ id: `${ctx.layer.id}-hexagons`, radius: ctx.style.radius, ...cellProps(ctx, points) })];
  },
  ready: (ctx) => readyFor(ctx, 'points'),
  legend: (ctx) => cellLegend(ctx, ' 蜂窝', 'hexagon'),
  tooltip: (object, ctx) => describeCell(object, ctx),
});
