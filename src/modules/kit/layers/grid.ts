import { GridLayer } from '@deck.gl/aggregation-layers';
import { z } from 'zod';
import { defineLayerKind } from '../../../core/module-api.ts';
import { pointsOf, readyFor } from '../binding.ts';
import { cellFields, cellLegend, cellProps, describeCell } from '../cells.ts';
import { metres } from '../fields.ts';
import { otherTopics, topicsWith, type PointRow } from '../sources.ts';

export const GRID_STYLE = z.strictObject({
  cellSize: metres(1000, 100, 20_000, 'Side of each square cell, in metres'),
  ...cellFields('cell'),
});

/**
 * Points binned into square cells of fixed size on the ground. GridLayer rather than
 * ScreenGridLayer: its cells stay put as the camera moves and can be raised, and in deck.gl 9 it
 * aggregates on the GPU where WebGL2 allows and on the CPU elsewhere.
 */
export const gridKind = defineLayerKind({
  kind: 'kit.grid',
  title: '网格聚合',
  titleEn: 'Grid cells',
  topic: 'traffic.vehicles',
  acceptsTopics: otherTopics(topicsWith('points'), 'traffic.vehicles'),
  style: GRID_STYLE,
  build: (ctx) => {
    const points = pointsOf(ctx);
    if (!points) return [];
    return [new GridLayer<PointRow>({ id: `${ctx.layer.id}-cells`, cellSize: ctx.style.cellSize, ...cellProps(ctx, points) })];
  },
  ready: (ctx) => readyFor(ctx, 'points'),
  legend: (ctx) => cellLegend(ctx, ' 网格', 'cell'),
  tooltip: (object, ctx) => describeCell(object, ctx),
});
