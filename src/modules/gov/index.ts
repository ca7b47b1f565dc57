import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';
import type { DistrictFeature } from '../../hub/contract.ts';
import type { GovServices, ServiceHall } from '../../hub/topics/gov.ts';
import { z } from 'zod';
import { defineLayerKind, type LayerContext, type ModuleDefinition } from '../../core/module-api.ts';
import { labels, opacity } from '../style-fields.ts';
import './gov.css';
import { buildDistrictMatters, describeDistrictMatters, districtFigures } from './layers/district-matters.ts';
import { buildHallLayers, describeHall } from './layers/halls.ts';
import { CLOSED_COLOR, HALL_RADIUS, PER10K_RAMP, WAIT_BANDS } from './scales.ts';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const HourlyPanel = lazyPanel(() => import('./panels/HourlyPanel.tsx').then((m) => m.HourlyPanel));
const KpisPanel = lazyPanel(() => import('./panels/KpisPanel.tsx').then((m) => m.KpisPanel));
const LicencesPanel = lazyPanel(() => import('./panels/LicencesPanel.tsx').then((m) => m.LicencesPanel));
const QueuesPanel = lazyPanel(() => import('./panels/QueuesPanel.tsx').then((m) => m.QueuesPanel));
const SatisfactionPanel = lazyPanel(() => import('./panels/SatisfactionPanel.tsx').then((m) => m.SatisfactionPanel));
const TimelinessPanel = lazyPanel(() => import('./panels/TimelinessPanel.tsx').then((m) => m.TimelinessPanel));

export const GOV_TOPIC = 'gov.services';

const valueOf = (ctx: LayerContext) => ctx.value<GovServices>(ctx.topic ?? GOV_TOPIC);

/** 政务服务: Yukuaiban (渝快办) online and in the halls, licences, timeliness, reviews. */
export const govModule: ModuleDefinition = {
  id: 'gov',
  title: '政务服务',
  titleEn: 'Government Services',
  layers: [
    defineLayerKind({
      kind: 'gov.halls',
      title: '政务服务中心',
      titleEn: 'Service halls',
      topic: GOV_TOPIC,
      style: z.strictObject({ labels: labels('Name the service halls') }),
      build: (ctx) => {
        const v = valueOf(ctx);
        if (!v) return [];
        return buildHallLayers({ id: ctx.layer.id, value: v.data, seq: v.seq, scale: ctx.scale, labels: ctx.style.labels });
      },
      legend: () => ({
        type: 'categories',
        title: '大厅预计等候',
        titleEn: `Service halls · wait; size = queue, ${HALL_RADIUS.queueAtMax}+ 人 largest`,
        items: [...WAIT_BANDS.map((b) => ({ label: b.name, color: b.color })), { label: '非办公时间', color: CLOSED_COLOR }],
      }),
      tooltip: (object) => {
        const h = object as ServiceHall;
        if (!h?.id || !h.name || !Array.isArray(h.position)) return null;
        return describeHall(h);
      },
    }),
    defineLayerKind({
      kind: 'gov.district-matters',
      title: '区县办件密度',
      titleEn: 'Matters per 10,000 residents',
      topic: GOV_TOPIC,
      style: z.strictObject({ opacity: opacity(0.7, 'Opacity of the district fill') }),
      build: (ctx) => {
        const v = valueOf(ctx);
        if (!v || !ctx.districts) return [];
        return buildDistrictMatters({
          id: ctx.layer.id,
          districts: ctx.districts,
          value: v.data,
          seq: v.seq,
          selected: ctx.selectedDistrict,
          opacity: ctx.style.opacity,
          memo: ctx.memo,
        });
      },
      ready: (ctx) => ctx.districts !== null && valueOf(ctx) !== undefined,
      legend: (ctx) => {
        const v = valueOf(ctx);
        const max = v ? ctx.memo(districtFigures, v.data).max : 0;
        return {
          type: 'ramp',
          title: '今日每万人办件',
          titleEn: 'Matters today per 10,000 residents',
          unit: '件/万人',
          colors: [...PER10K_RAMP],
          ticks: ['0', (max / 2).toFixed(0), `${max.toFixed(0)} 件/万人`],
        };
      },
      tooltip: (object, ctx) => {
        const f = object as DistrictFeature;
        const v = valueOf(ctx);
        if (!f?.properties?.code || !v) return null;
        return describeDistrictMatters(f, ctx.memo(districtFigures, v.data).byCode.get(f.properties.code));
      },
    }),
  ],
  panels: [
    { kind: 'gov.kpis', title: '渝快办', titleEn: 'Yukuaiban today', topics: [GOV_TOPIC], component: KpisPanel, size: PANEL_SIZE.kpis },
    { kind: 'gov.hourly', title: '今日办件', titleEn: 'By hour · online / in hall', topics: [GOV_TOPIC], component: HourlyPanel, size: PANEL_SIZE.chart },
    { kind: 'gov.licences', title: '电子证照', titleEn: 'E-licences issued', topics: [GOV_TOPIC], component: LicencesPanel, size: PANEL_SIZE.list },
    { kind: 'gov.timeliness', title: '办理时效', titleEn: 'Handling time vs legal limit', topics: [GOV_TOPIC], component: TimelinessPanel, size: PANEL_SIZE.chart },
    { kind: 'gov.queues', title: '大厅排队', titleEn: 'Hall queues · wait', topics: [GOV_TOPIC], component: QueuesPanel, size: PANEL_SIZE.list },
    { kind: 'gov.satisfaction', title: '好差评', titleEn: 'Service reviews', topics: [GOV_TOPIC], component: SatisfactionPanel, size: PANEL_SIZE.list },
  ],
};
