import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';
import type { AirStation, AirStations, Pm25Grid } from '../../hub/topics/environment.ts';
import { z } from 'zod';
import { defineLayerKind, type ModuleDefinition } from '../../core/module-api.ts';
import { labels, opacity } from '../style-fields.ts';
import { AQI_LEGEND_ITEMS, PM25_STOPS } from './colors.ts';
import { buildAqiStationLayers, describeAirStation } from './layers/aqi-stations.ts';
import { buildPm25Layers } from './layers/pm25-surface.ts';
import './environment.css';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const AqiRankingPanel = lazyPanel(() => import('./panels/AqiRankingPanel.tsx').then((m) => m.AqiRankingPanel));
const CategoryPanel = lazyPanel(() => import('./panels/CategoryPanel.tsx').then((m) => m.CategoryPanel));
const CityAqiPanel = lazyPanel(() => import('./panels/CityAqiPanel.tsx').then((m) => m.CityAqiPanel));
const GoodDaysPanel = lazyPanel(() => import('./panels/GoodDaysPanel.tsx').then((m) => m.GoodDaysPanel));
const Pm25TrendPanel = lazyPanel(() => import('./panels/Pm25TrendPanel.tsx').then((m) => m.Pm25TrendPanel));
const PollutantsPanel = lazyPanel(() => import('./panels/PollutantsPanel.tsx').then((m) => m.PollutantsPanel));

/** Ecological environment: air quality after HJ 633, its sites and the PM2.5 surface. */
export const environmentModule: ModuleDefinition = {
  id: 'environment',
  title: '生态环境',
  titleEn: 'Ecological Environment',
  layers: [
    defineLayerKind({
      kind: 'environment.pm25-surface',
      title: 'PM2.5 浓度面',
      titleEn: 'PM2.5 surface',
      topic: 'environment.pm25',
      style: z.strictObject({ opacity: opacity(0.8, 'Opacity of the PM2.5 surface') }),
      build: (ctx) => {
        const value = ctx.value<Pm25Grid>(ctx.topic!);
        return value ? buildPm25Layers({ id: ctx.layer.id, grid: value.data, opacity: ctx.style.opacity, memo: ctx.memo }) : [];
      },
      legend: () => ({
        type: 'ramp',
        title: 'PM2.5 浓度',
        titleEn: 'PM2.5 surface, interpolated',
        unit: 'μg/m³',
        colors: PM25_STOPS.map(([, c]) => c),
        ticks: PM25_STOPS.map(([v], i) => (i === PM25_STOPS.length - 1 ? `≥${v} μg/m³` : String(v))),
      }),
    }),
    defineLayerKind({
      kind: 'environment.aqi-stations',
      title: '空气质量监测站',
      titleEn: 'Air-quality stations',
      topic: 'environment.stations',
      style: z.strictObject({ labels: labels('Label the worst stations with their AQI') }),
      build: (ctx) => {
        const value = ctx.value<AirStations>(ctx.topic!);
        if (!value) return [];
        return buildAqiStationLayers({ id: ctx.layer.id, stations: value.data, version: value.seq, scale: ctx.scale, labels: ctx.style.labels, memo: ctx.memo });
      },
      tooltip: (object, ctx) => {
        const s = object as AirStation;
        if (!s || typeof s.aqi !== 'number' || typeof s.name !== 'string') return null;
        const district = ctx.districts?.features.find((f) => f.properties.code === s.districtCode)?.properties.name;
        return describeAirStation(s, district);
      },
      legend: () => ({ type: 'categories', title: '空气质量指数 AQI', titleEn: 'HJ 633 categories', items: AQI_LEGEND_ITEMS }),
    }),
  ],
  panels: [
    { kind: 'environment.good-days', title: '优良天数', titleEn: 'Good-air days this year', topics: ['environment.summary'], component: GoodDaysPanel, size: PANEL_SIZE.split },
    { kind: 'environment.city-aqi', title: '主城空气质量', titleEn: 'City AQI now · μg/m³', topics: ['environment.summary'], component: CityAqiPanel, size: PANEL_SIZE.quad },
    { kind: 'environment.pm25-trend', title: 'PM2.5 24小时', titleEn: '24-hour PM2.5 · μg/m³', topics: ['environment.summary'], component: Pm25TrendPanel, size: PANEL_SIZE.chart },
    { kind: 'environment.aqi-ranking', title: '区县 AQI 排名', titleEn: 'District AQI, worst first', topics: ['environment.stations'], component: AqiRankingPanel, size: PANEL_SIZE.ranking },
    { kind: 'environment.pollutants', title: '首要污染物', titleEn: 'Primary pollutant days this year', topics: ['environment.summary'], component: PollutantsPanel, size: PANEL_SIZE.split },
    { kind: 'environment.categories', title: '站点等级分布', titleEn: 'Sites by AQI category', topics: ['environment.stations'], component: CategoryPanel, size: PANEL_SIZE.list },
  ],
};
