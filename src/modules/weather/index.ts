import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';
import type { DistrictFeature } from '../../hub/contract.ts';
import type { Radar, StationReading, WeatherStations, WeatherWarnings } from '../../hub/topics/weather.ts';
import { createElement } from 'react';
import { z } from 'zod';
import { defineLayerKind, type City3DElement, type ModuleDefinition } from '../../core/module-api.ts';
import { labels, opacity } from '../style-fields.ts';
import { RAIN_STOPS, TEMPERATURE_RAMP } from './colors.ts';
import { buildRainLayers, rainFieldOf } from './layers/rain.ts';
import { RainStreaks, type RainField } from './layers/RainStreaks.tsx';
import { buildStationLayers, deriveStations, describeStation } from './layers/stations.ts';
import { WARNING_LEGEND_ITEMS, buildWarningLayers, describeDistrictWarnings, warningsByDistrict } from './layers/warnings.ts';
import './weather.css';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const ExtremesPanel = lazyPanel(() => import('./panels/ExtremesPanel.tsx').then((m) => m.ExtremesPanel));
const ForecastPanel = lazyPanel(() => import('./panels/ForecastPanel.tsx').then((m) => m.ForecastPanel));
const FourDayPanel = lazyPanel(() => import('./panels/FourDayPanel.tsx').then((m) => m.FourDayPanel));
const RadarPanel = lazyPanel(() => import('./panels/RadarPanel.tsx').then((m) => m.RadarPanel));
const RainRankingPanel = lazyPanel(() => import('./panels/RainRankingPanel.tsx').then((m) => m.RainRankingPanel));
const WarningsPanel = lazyPanel(() => import('./panels/WarningsPanel.tsx').then((m) => m.WarningsPanel));

/** The rain element of a radar frame: through the layer's memo, the same element while the frame is the same. */
export function rainElement(layerId: string, field: RainField): City3DElement {
  return {
    key: layerId,
    node: createElement(RainStreaks, { field }),
    animated: true,
    counts: { rain: field.values.some((q) => q > 0) ? 1 : 0 },
  };
}

/** Smart weather: Chongqing's "four-day" system (detection, forecast, service, disaster prevention). */
export const weatherModule: ModuleDefinition = {
  id: 'weather',
  title: '智慧气象',
  titleEn: 'Smart Weather',
  layers: [
    defineLayerKind({
      kind: 'weather.rain',
      title: '雷达降水',
      titleEn: 'Radar rain',
      topic: 'weather.radar',
      style: z.strictObject({ opacity: opacity(0.85, 'Opacity of the radar echo') }),
      animated: true,
      build: (ctx) => {
        const radar = ctx.value<Radar>(ctx.topic!);
        if (!radar) return [];
        return buildRainLayers({ id: ctx.layer.id, radar, now: ctx.now, animate: ctx.animate, opacity: ctx.style.opacity, memo: ctx.memo });
      },
      // Streaks fall in 3D where the radar has rain: one element per radar frame.
      city3d: (ctx) => {
        const radar = ctx.value<Radar>(ctx.topic!)?.data;
        return radar ? ctx.memo(rainElement, ctx.layer.id, ctx.memo(rainFieldOf, radar)) : null;
      },
      legend: () => ({
        type: 'ramp',
        title: '雷达降水',
        titleEn: 'Radar rain rate',
        unit: 'mm/h',
        colors: RAIN_STOPS.map(([, c]) => c),
        ticks: ['0.1', '1', '10', '100 mm/h'],
      }),
    }),
    defineLayerKind({
      kind: 'weather.warnings',
      title: '气象预警',
      titleEn: 'Weather warnings',
      topic: 'weather.warnings',
      style: z.strictObject({ opacity: opacity(0.38, 'Opacity of the warning colour over a district'), labels: labels('Name the districts (and their warnings)') }),
      build: (ctx) => {
        const value = ctx.value<WeatherWarnings>(ctx.topic!);
        if (!value || !ctx.districts) return [];
        return buildWarningLayers({
          id: ctx.layer.id,
          districts: ctx.districts,
          warnings: value.data,
          version: value.seq,
          selected: ctx.selectedDistrict,
          scale: ctx.scale,
          opacity: ctx.style.opacity,
          labels: ctx.style.labels,
          memo: ctx.memo,
        });
      },
      ready: (ctx) => ctx.districts !== null && ctx.value(ctx.topic!) !== undefined,
      tooltip: (object, ctx) => {
        const feature = object as DistrictFeature;
        const value = ctx.value<WeatherWarnings>(ctx.topic!);
        if (!feature?.properties?.code || !value) return null;
        return describeDistrictWarnings(feature, ctx.memo(warningsByDistrict, value.data).get(feature.properties.code));
      },
      legend: () => ({ type: 'categories', title: '气象灾害预警', titleEn: 'Weather warning signals', items: WARNING_LEGEND_ITEMS }),
    }),
    defineLayerKind({
      kind: 'weather.stations',
      title: '气象观测站',
      titleEn: 'Weather stations',
      topic: 'weather.stations',
      style: z.strictObject({ labels: labels('Label the rainiest stations, and temperatures close in') }),
      build: (ctx) => {
        const value = ctx.value<WeatherStations>(ctx.topic!);
        if (!value) return [];
        return buildStationLayers({ id: ctx.layer.id, stations: value.data, version: value.seq, scale: ctx.scale, labels: ctx.style.labels, memo: ctx.memo });
      },
      tooltip: (object) => {
        const s = object as StationReading;
        return s && typeof s.id === 'string' && typeof s.temperatureC === 'number' ? describeStation(s) : null;
      },
      legend: (ctx) => {
        const value = ctx.value<WeatherStations>(ctx.topic!);
        if (!value) return null;
        const [lo, hi] = ctx.memo(deriveStations, value.data).domain;
        return {
          type: 'ramp',
          title: '站点气温',
          titleEn: 'Station temperature',
          unit: '°C',
          colors: [...TEMPERATURE_RAMP],
          ticks: [`${lo}`, `${Math.round((lo + hi) / 2)}`, `${hi} °C`],
        };
      },
    }),
  ],
  panels: [
    { kind: 'weather.four-day', title: '四天气象', titleEn: 'Detect · Forecast · Serve · Prevent', topics: ['weather.stations', 'weather.forecast', 'weather.warnings'], component: FourDayPanel, size: PANEL_SIZE.quad },
    { kind: 'weather.forecast', title: '24小时预报', titleEn: 'Central Chongqing · °C / mm', topics: ['weather.forecast'], component: ForecastPanel, size: PANEL_SIZE.chart },
    { kind: 'weather.extremes', title: '实况极值', titleEn: 'Station extremes now', topics: ['weather.stations'], component: ExtremesPanel, size: PANEL_SIZE.quad },
    { kind: 'weather.warnings', title: '预警信号', titleEn: 'Warnings in force', topics: ['weather.warnings'], component: WarningsPanel, size: PANEL_SIZE.list },
    { kind: 'weather.rain-ranking', title: '区县今日雨量', titleEn: 'Rain today by district · mm', topics: ['weather.warnings'], component: RainRankingPanel, size: PANEL_SIZE.ranking },
    { kind: 'weather.radar-summary', title: '雷达监测', titleEn: 'Radar now', topics: ['weather.radar'], component: RadarPanel, size: PANEL_SIZE.quad },
  ],
};
