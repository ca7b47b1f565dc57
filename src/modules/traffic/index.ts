import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';
import type { Incident, Road, TrafficCongestion, TrafficRoads, TrafficVehicles } from '../../hub/topics/traffic.ts';
import { z } from 'zod';
import { defineLayerKind, type LayerContext, type ModuleDefinition } from '../../core/module-api.ts';
import { labels, opacity } from '../style-fields.ts';
import './traffic.css';
import { buildIncidentLayers, describeIncident } from './layers/incidents.ts';
import { buildRoadLayers, deriveRoads, describeRoad } from './layers/roads.ts';
import { buildVehicleLayers } from './layers/vehicles.ts';
import { CONGESTION_LEVELS, INCIDENT_STYLE, SPEED_MAX_KMH, SPEED_RAMP } from './scales.ts';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const BridgesPanel = lazyPanel(() => import('./panels/BridgesPanel.tsx').then((m) => m.BridgesPanel));
const CityIndexPanel = lazyPanel(() => import('./panels/CityIndexPanel.tsx').then((m) => m.CityIndexPanel));
const DistrictsPanel = lazyPanel(() => import('./panels/DistrictsPanel.tsx').then((m) => m.DistrictsPanel));
const FleetPanel = lazyPanel(() => import('./panels/FleetPanel.tsx').then((m) => m.FleetPanel));
const IncidentsPanel = lazyPanel(() => import('./panels/IncidentsPanel.tsx').then((m) => m.IncidentsPanel));
const TopRoadsPanel = lazyPanel(() => import('./panels/TopRoadsPanel.tsx').then((m) => m.TopRoadsPanel));

export const TRAFFIC_TOPICS = {
  roads: 'traffic.roads',
  congestion: 'traffic.congestion',
  vehicles: 'traffic.vehicles',
} as const;

const roadsOf = (ctx: LayerContext) => ctx.value<TrafficRoads>(ctx.topic ?? TRAFFIC_TOPICS.roads);
const congestionOf = (ctx: LayerContext) => ctx.value<TrafficCongestion>(TRAFFIC_TOPICS.congestion);
const districtName = (ctx: LayerContext) => (code: string) => ctx.districts?.features.find((f) => f.properties.code === code)?.properties.name;

/** 智慧交通: roads coloured by congestion, the floating-car fleet, incidents, the city index. */
export const trafficModule: ModuleDefinition = {
  id: 'traffic',
  title: '智慧交通',
  titleEn: 'Smart Traffic',
  layers: [
    defineLayerKind({
      kind: 'traffic.roads',
      title: '路网拥堵',
      titleEn: 'Road congestion',
      topic: TRAFFIC_TOPICS.roads,
      extraTopics: [TRAFFIC_TOPICS.congestion],
      style: z.strictObject({
        labels: labels('Name the most congested roads'),
        glow: z.boolean().default(true).describe('A soft glow under congested roads'),
        opacity: opacity(1, 'Opacity of the road lines'),
      }),
      build: (ctx) => {
        const roads = roadsOf(ctx);
        if (!roads) return [];
        const congestion = congestionOf(ctx);
        return buildRoadLayers({
          id: ctx.layer.id,
          roads: roads.data,
          congestion: congestion?.data ?? null,
          congestionSeq: congestion?.seq ?? 0,
          scale: ctx.scale,
          labels: ctx.style.labels,
          glow: ctx.style.glow,
          opacity: ctx.style.opacity,
          memo: ctx.memo,
        });
      },
      ready: (ctx) => roadsOf(ctx) !== undefined && congestionOf(ctx) !== undefined,
      legend: () => ({
        type: 'categories',
        title: '路网拥堵指数',
        titleEn: 'Congestion index, 0–10',
        items: CONGESTION_LEVELS.map((l, i) => ({ label: `${l.name} ${i * 2}–${l.max}`, color: l.color })),
      }),
      tooltip: (object, ctx) => {
        const road = object as Road;
        const roads = roadsOf(ctx);
        if (!road?.id || !road.path || !roads) return null;
        return describeRoad(road, roads.data, congestionOf(ctx)?.data ?? null, districtName(ctx), ctx.memo(deriveRoads, roads.data).byId);
      },
    }),
    defineLayerKind({
      kind: 'traffic.vehicles',
      title: '浮动车',
      titleEn: 'Floating cars',
      topic: TRAFFIC_TOPICS.vehicles,
      style: z.strictObject({
        radius: z.number().min(0.25).max(8).default(1).describe('Car dot radius in design pixels'),
        opacity: opacity(1, 'Opacity of the cars'),
        smooth: z.boolean().default(true).describe('Move cars smoothly between position updates (when the wall animates)'),
      }),
      build: (ctx) => {
        const v = ctx.value<TrafficVehicles>(ctx.topic ?? TRAFFIC_TOPICS.vehicles);
        if (!v) return [];
        return buildVehicleLayers({
          id: ctx.layer.id,
          vehicles: v.data,
          scale: ctx.scale,
          animate: ctx.animate && ctx.style.smooth,
          radiusPx: ctx.style.radius,
          opacity: ctx.style.opacity,
          memo: ctx.memo,
        });
      },
      legend: () => ({
        type: 'ramp',
        title: '浮动车车速',
        titleEn: 'Floating-car speed',
        unit: 'km/h',
        colors: [...SPEED_RAMP],
        ticks: ['0', String(SPEED_MAX_KMH / 2), `${SPEED_MAX_KMH} km/h`],
      }),
    }),
    defineLayerKind({
      kind: 'traffic.incidents',
      title: '交通事件',
      titleEn: 'Traffic incidents',
      topic: TRAFFIC_TOPICS.congestion,
      style: z.strictObject({}),
      animated: true,
      build: (ctx) => {
        const v = ctx.value<TrafficCongestion>(ctx.topic ?? TRAFFIC_TOPICS.congestion);
        if (!v) return [];
        return buildIncidentLayers({ id: ctx.layer.id, congestion: v.data, seq: v.seq, scale: ctx.scale, now: ctx.now, animate: ctx.animate });
      },
      legend: () => ({
        type: 'categories',
        title: '交通事件',
        titleEn: 'Incidents',
        items: Object.values(INCIDENT_STYLE).map((s) => ({ label: s.name, color: s.color })),
      }),
      tooltip: (object, ctx) => {
        const x = object as Incident;
        const v = ctx.value<TrafficCongestion>(ctx.topic ?? TRAFFIC_TOPICS.congestion);
        if (!x?.kind || !x.roadName || !v) return null;
        return describeIncident(x, v.time);
      },
    }),
  ],
  panels: [
    { kind: 'traffic.city-index', title: '城市拥堵指数', titleEn: 'City congestion index', topics: [TRAFFIC_TOPICS.congestion], component: CityIndexPanel, size: PANEL_SIZE.kpiChart },
    { kind: 'traffic.fleet', title: '浮动车与路网', titleEn: 'Floating cars · network', topics: [TRAFFIC_TOPICS.congestion], component: FleetPanel, size: PANEL_SIZE.kpis },
    { kind: 'traffic.districts', title: '区域拥堵', titleEn: 'By district · index, km/h', topics: [TRAFFIC_TOPICS.congestion], component: DistrictsPanel, size: PANEL_SIZE.ranking },
    { kind: 'traffic.top-roads', title: '拥堵路段', titleEn: 'Top 8 congested roads', topics: [TRAFFIC_TOPICS.congestion], component: TopRoadsPanel, size: PANEL_SIZE.list },
    { kind: 'traffic.bridges', title: '过江桥梁', titleEn: 'River crossings · worst first', topics: [TRAFFIC_TOPICS.congestion], component: BridgesPanel, size: PANEL_SIZE.list },
    { kind: 'traffic.incidents', title: '交通事件', titleEn: 'Traffic incidents', topics: [TRAFFIC_TOPICS.congestion], component: IncidentsPanel, size: PANEL_SIZE.list },
  ],
};
