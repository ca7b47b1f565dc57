import { TripsLayer } from '@deck.gl/geo-layers';
import { z } from 'zod';
import { defineLayerKind, type LayerContext } from '../../../core/module-api.ts';
import { opacity } from '../../style-fields.ts';
import { describeRow, legendTitle, pointsOf, readyFor } from '../binding.ts';
import { colour, pixels } from '../fields.ts';
import { hexRgba } from '../scales.ts';
import { isColumns, otherTopics, trackTopics, type PointColumns } from '../sources.ts';
import { createTrailRing, pushFrame, type TrailData } from '../trails.ts';

export const TRIPS_STYLE = z.strictObject({
  trail: z.number().int().min(2).max(60).default(12).describe('Positions kept per vehicle for its trail (one a data update)'),
  vehicles: z.number().int().min(100).max(10_000).default(3000).describe('Most vehicles drawn with a trail (the first ones of the fleet)'),
  width: pixels(2, 0.5, 10, 'Trail width in design pixels'),
  color: colour('#3fd0ff', 'Trail colour'),
  fade: z.boolean().default(true).describe('Fade each trail towards its tail'),
  opacity: opacity(0.9, 'Opacity of the trails'),
});

type TripsStyle = z.infer<typeof TRIPS_STYLE>;

/** The trails as of the newest value, or null before one arrives. */
function trailsOf(ctx: LayerContext<TripsStyle>): TrailData | null {
  const points = pointsOf(ctx);
  if (!points || !isColumns(points)) return null;
  const fleet: PointColumns = points;
  const ring = ctx.memo(createTrailRing, ctx.style.trail, ctx.style.vehicles);
  return ctx.memo(pushFrame, ring, fleet.positions, fleet.length, ctx.value(ctx.topic!)!.time);
}

/** Moving fleets with fading trails, from the successive positions of a tracked point topic. */
export const tripsKind = defineLayerKind({
  kind: 'kit.trips',
  title: '轨迹',
  titleEn: 'Trips with trails',
  topic: 'traffic.vehicles',
  acceptsTopics: otherTopics(trackTopics(), 'traffic.vehicles'),
  style: TRIPS_STYLE,
  build: (ctx) => {
    const trails = trailsOf(ctx);
    if (!trails) return [];
    return [
      new TripsLayer({
        id: `${ctx.layer.id}-trips`,
        data: trails as never,
        // Positions and timestamps are binary attributes of the data: the ring wrote them.
        _pathType: 'open',
        currentTime: trails.currentTime,
        // The whole ring shows; a trail fades over it when asked. A hair longer so the oldest point is in.
        trailLength: trails.span + 0.001,
        fadeTrail: ctx.style.fade,
        widthUnits: 'pixels',
        getWidth: ctx.style.width,
        widthScale: ctx.scale,
        widthMinPixels: 1,
        getColor: hexRgba(ctx.style.color),
        capRounded: true,
        jointRounded: true,
        opacity: ctx.style.opacity,
        // Binary paths carry no object to describe.
        pickable: false,
        parameters: { depthCompare: 'always', depthWriteEnabled: false },
        updateTriggers: { getColor: ctx.style.color, getWidth: ctx.style.width },
      }),
    ];
  },
  ready: (ctx) => readyFor(ctx, 'points'),
  legend: (ctx) => ({
    type: 'categories',
    ...legendTitle(ctx, ' 轨迹', `last ${ctx.style.trail} positions`),
    items: [{ label: `轨迹 Trail · ${ctx.style.trail}`, color: ctx.style.color }],
  }),
  tooltip: (object, ctx) => describeRow(object, ctx, 'points'),
});
