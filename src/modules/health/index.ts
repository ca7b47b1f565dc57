import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';
import type { DistrictFeature, DistrictsResponse } from '../../hub/contract.ts';
import { HEALTH_ALERT_LEVELS, HEALTH_TOPICS, type Checkpoint, type HealthCheckpoints, type HealthDistricts } from '../../hub/topics/health.ts';
import { createElement } from 'react';
import { z } from 'zod';
import { defineLayerKind, type City3DElement, type LayerContext, type ModuleDefinition } from '../../core/module-api.ts';
import { labels, opacity } from '../style-fields.ts';
import { Beacons, type Beacon } from './Beacons.tsx';
import './health.css';
import { buildAlertOutlines } from './layers/alert-outlines.ts';
import { buildCheckpoints, describeCheckpoint, RADIUS_PX } from './layers/checkpoints.ts';
import { buildDistrictShares, describeHealthDistrict, districtsByCode } from './layers/district-shares.ts';
import { CHECKPOINT_BOUNDS, LEVEL_COLORS, LEVEL_NAMES, SHARE_RAMP, SHARE_TICKS, STATUS, percent } from './scales.ts';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const AlertsPanel = lazyPanel(() => import('./panels/AlertsPanel.tsx').then((m) => m.AlertsPanel));
const CheckpointWatchPanel = lazyPanel(() => import('./panels/CheckpointWatchPanel.tsx').then((m) => m.CheckpointWatchPanel));
const CodesPanel = lazyPanel(() => import('./panels/CodesPanel.tsx').then((m) => m.CodesPanel));
const ScansPanel = lazyPanel(() => import('./panels/ScansPanel.tsx').then((m) => m.ScansPanel));
const TopDistrictsPanel = lazyPanel(() => import('./panels/TopDistrictsPanel.tsx').then((m) => m.TopDistrictsPanel));
const TrendPanel = lazyPanel(() => import('./panels/TrendPanel.tsx').then((m) => m.TrendPanel));

const districtsValue = (ctx: LayerContext) => ctx.value<HealthDistricts>(ctx.topic ?? HEALTH_TOPICS.districts);

/** What the beacons look like, as a string that compares by value: the element's memo key. */
function beaconKey(value: HealthDistricts, districts: DistrictsResponse): string {
  const centres = new Map(districts.features.map((f) => [f.properties.code, f.properties.center]));
  const beacons: Beacon[] = value.districts
    .filter((d) => d.alert && (d.alert.level === 'orange' || d.alert.level === 'red') && centres.has(d.code))
    .map((d) => ({ position: centres.get(d.code)!, color: LEVEL_COLORS[d.alert!.level] }));
  return JSON.stringify(beacons);
}

/** Through the layer's memo: the same element while the beacons are the same. */
export function beaconElement(layerId: string, key: string): City3DElement | null {
  const beacons = JSON.parse(key) as Beacon[];
  return beacons.length ? { key: layerId, node: createElement(Beacons, { beacons }), animated: true, counts: { beacons: beacons.length } } : null;
}

/** 渝康码 health codes: code colours by district, alerts, scan checkpoints, the day's trend. */
export const healthModule: ModuleDefinition = {
  id: 'health',
  title: '健康码',
  titleEn: 'Health Code',
  layers: [
    defineLayerKind({
      kind: 'health.district-shares',
      title: '区县非绿码占比',
      titleEn: 'Non-green share by district',
      topic: HEALTH_TOPICS.districts,
      style: z.strictObject({ opacity: opacity(0.72, 'Opacity of the district fill'), labels: labels('Name the districts') }),
      build: (ctx) => {
        const v = districtsValue(ctx);
        if (!v || !ctx.districts) return [];
        return buildDistrictShares({
          id: ctx.layer.id,
          districts: ctx.districts,
          value: v.data,
          seq: v.seq,
          selected: ctx.selectedDistrict,
          scale: ctx.scale,
          opacity: ctx.style.opacity,
          labels: ctx.style.labels,
          memo: ctx.memo,
        });
      },
      ready: (ctx) => ctx.districts !== null && districtsValue(ctx) !== undefined,
      legend: () => ({ type: 'ramp', title: '非绿码占比', titleEn: 'Yellow + red codes, share of issued', unit: '%', colors: [...SHARE_RAMP], ticks: SHARE_TICKS }),
      tooltip: (object, ctx) => {
        const feature = object as DistrictFeature;
        const v = districtsValue(ctx);
        if (!feature?.properties?.code || !v) return null;
        return describeHealthDistrict(feature, ctx.memo(districtsByCode, v.data).get(feature.properties.code), v.data.time);
      },
    }),
    defineLayerKind({
      kind: 'health.alert-outlines',
      title: '区县预警',
      titleEn: 'District alerts',
      topic: HEALTH_TOPICS.districts,
      style: z.strictObject({ labels: labels('Name the alert level under each district in alert') }),
      animated: true,
      build: (ctx) => {
        const v = districtsValue(ctx);
        if (!v || !ctx.districts) return [];
        return buildAlertOutlines({
          id: ctx.layer.id,
          districts: ctx.districts,
          value: v.data,
          seq: v.seq,
          scale: ctx.scale,
          now: ctx.now,
          animate: ctx.animate,
          labels: ctx.style.labels,
          memo: ctx.memo,
        });
      },
      ready: (ctx) => ctx.districts !== null && districtsValue(ctx) !== undefined,
      // Orange and red alerts raise a beacon over the district: seen across the room, at any zoom.
      city3d: (ctx) => {
        const v = districtsValue(ctx);
        if (!v || !ctx.districts) return null;
        return ctx.memo(beaconElement, ctx.layer.id, ctx.memo(beaconKey, v.data, ctx.districts));
      },
      legend: () => ({
        type: 'categories',
        title: '区县预警',
        titleEn: 'District alert · outline',
        items: HEALTH_ALERT_LEVELS.map((l) => ({ label: LEVEL_NAMES[l], color: LEVEL_COLORS[l] })),
      }),
    }),
    defineLayerKind({
      kind: 'health.checkpoints',
      title: '扫码点位',
      titleEn: 'Scan checkpoints',
      topic: HEALTH_TOPICS.checkpoints,
      style: z.strictObject({ opacity: opacity(1, 'Opacity of the checkpoint points') }),
      build: (ctx) => {
        const v = ctx.topic ? ctx.value<HealthCheckpoints>(ctx.topic) : undefined;
        if (!v) return [];
        return buildCheckpoints({ id: ctx.layer.id, value: v.data, seq: v.seq, scale: ctx.scale, opacity: ctx.style.opacity, memo: ctx.memo });
      },
      legend: () => ({
        type: 'categories',
        title: '扫码点位 非绿码',
        titleEn: `Checkpoints · size ${RADIUS_PX.min}–${RADIUS_PX.max} px by scans/h`,
        items: STATUS.map((s, i) => ({
          label: `${s.label} ${i === 0 ? `<${percent(CHECKPOINT_BOUNDS[0], 0)}` : i === STATUS.length - 1 ? `≥${percent(CHECKPOINT_BOUNDS[i - 1], 0)}` : `${percent(CHECKPOINT_BOUNDS[i - 1], 0)}–${percent(CHECKPOINT_BOUNDS[i], 0)}`}`,
          color: s.color,
        })),
      }),
      tooltip: (object, ctx) => {
        const c = object as Checkpoint;
        if (!c?.id || !c.position) return null;
        const feature = ctx.districts?.features.find((f) => f.properties.code === c.districtCode);
        return describeCheckpoint(c, feature?.properties.name);
      },
    }),
  ],
  panels: [
    { kind: 'health.codes', title: '码色构成', titleEn: 'Codes issued by colour', topics: [HEALTH_TOPICS.districts], component: CodesPanel, size: PANEL_SIZE.split },
    { kind: 'health.scans', title: '扫码核验', titleEn: 'Scans and checks', topics: [HEALTH_TOPICS.districts, HEALTH_TOPICS.checkpoints], component: ScansPanel, size: PANEL_SIZE.kpis },
    { kind: 'health.top-districts', title: '区县非绿码占比', titleEn: 'Top districts · non-green share', topics: [HEALTH_TOPICS.districts], component: TopDistrictsPanel, size: PANEL_SIZE.ranking },
    { kind: 'health.alerts', title: '区县预警', titleEn: 'District alerts', topics: [HEALTH_TOPICS.districts], component: AlertsPanel, size: PANEL_SIZE.list },
    { kind: 'health.trend', title: '黄码红码 24小时', titleEn: 'Yellow and red codes · 24 h', topics: [HEALTH_TOPICS.trend], component: TrendPanel, size: PANEL_SIZE.chart },
    { kind: 'health.checkpoint-watch', title: '重点点位', titleEn: 'Checkpoints to watch · last hour', topics: [HEALTH_TOPICS.checkpoints], component: CheckpointWatchPanel, size: PANEL_SIZE.list },
  ],
};
