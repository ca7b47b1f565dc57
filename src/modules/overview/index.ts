import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';
import type { DistrictFeature, DistrictFigures } from '../../hub/contract.ts';
import { z } from 'zod';
import { defineLayerKind, type LayerContext, type ModuleDefinition } from '../../core/module-api.ts';
import { labels, opacity } from '../style-fields.ts';
import { buildDistrictLayers, describeDistrict, DISTRICT_RAMP, districtScales } from './layers/district-columns.ts';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const CloudPanel = lazyPanel(() => import('./panels/CloudPanel.tsx').then((m) => m.CloudPanel));
const DataCallsPanel = lazyPanel(() => import('./panels/DataCallsPanel.tsx').then((m) => m.DataCallsPanel));
const DistrictRankingPanel = lazyPanel(() => import('./panels/DistrictRankingPanel.tsx').then((m) => m.DistrictRankingPanel));
const GovServicePanel = lazyPanel(() => import('./panels/GovServicePanel.tsx').then((m) => m.GovServicePanel));
const SystemsPanel = lazyPanel(() => import('./panels/SystemsPanel.tsx').then((m) => m.SystemsPanel));

const figuresOf = (ctx: LayerContext) => new Map<string, DistrictFigures>((ctx.overview?.districts ?? []).map((d) => [d.code, d]));

/** The city at a glance: the hub's own figures (systems, data calls, cloud, services). */
export const overviewModule: ModuleDefinition = {
  id: 'overview',
  title: '城市运行总览',
  titleEn: 'City overview',
  layers: [
    defineLayerKind({
      kind: 'overview.district-columns',
      title: '区县数据调用',
      titleEn: 'Data calls by district',
      style: z.strictObject({ labels: labels('Name the districts over their columns'), opacity: opacity(0.85, 'Opacity of the columns') }),
      build: (ctx) =>
        ctx.districts
          ? buildDistrictLayers({
              id: ctx.layer.id,
              districts: ctx.districts,
              figures: figuresOf(ctx),
              version: ctx.overview?.time ?? 0,
              selected: ctx.selectedDistrict,
              scale: ctx.scale,
              labels: ctx.style.labels,
              opacity: ctx.style.opacity,
            })
          : [],
      ready: (ctx) => ctx.districts !== null && ctx.overview !== null,
      tooltip: (object, ctx) => {
        const feature = object as DistrictFeature;
        if (!feature?.properties?.code) return null;
        return describeDistrict(feature, figuresOf(ctx).get(feature.properties.code));
      },
      legend: (ctx) => {
        const { max } = districtScales(figuresOf(ctx));
        return {
          type: 'ramp',
          title: '区县今日数据调用',
          titleEn: 'Data calls today · height and colour',
          unit: '万次',
          colors: [...DISTRICT_RAMP],
          ticks: ['0', (max / 2e4).toFixed(0), `${(max / 1e4).toFixed(0)} 万次`],
        };
      },
    }),
  ],
  panels: [
    { kind: 'overview.systems', title: '系统接入', titleEn: 'Systems connected', topics: [], component: SystemsPanel, size: PANEL_SIZE.split },
    { kind: 'overview.data-calls', title: '数据共享调用', titleEn: 'Data-sharing calls', topics: [], component: DataCallsPanel, size: PANEL_SIZE.kpiChart },
    { kind: 'overview.cloud', title: '系统上云', titleEn: 'Cloud migration', topics: [], component: CloudPanel, size: PANEL_SIZE.split },
    { kind: 'overview.gov', title: '渝快办 政务服务', titleEn: 'Yukuaiban government services', topics: [], component: GovServicePanel, size: PANEL_SIZE.kpis },
    { kind: 'overview.district-ranking', title: '区县数据调用', titleEn: 'Today by district · 万次', topics: [], component: DistrictRankingPanel, size: PANEL_SIZE.ranking },
  ],
};
