import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';
import type { DistrictFeature } from '../../hub/contract.ts';
import { POVERTY_TOPICS, type PovertyDistricts, type PovertyPairs, type PovertyVillage, type PovertyVillages } from '../../hub/topics/poverty.ts';
import { z } from 'zod';
import { defineLayerKind, type LayerContext, type ModuleDefinition } from '../../core/module-api.ts';
import { labels, opacity } from '../style-fields.ts';
import './poverty.css';
import { buildDistrictColumns, columnData, describePovertyDistrict, type ColumnDatum } from './layers/district-columns.ts';
import { ARC_WIDTH_PX, arcData, buildPairArcs, describePair, type ArcDatum } from './layers/pair-arcs.ts';
import { buildVillages, describeVillage, industriesOf, villagesByDistrict, villagesOf } from './layers/villages.ts';
import { HOUSEHOLD_RAMP, INDUSTRIES, PAIR_COLORS, formatFunds, formatWan } from './style.ts';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const IndustriesPanel = lazyPanel(() => import('./panels/IndustriesPanel.tsx').then((m) => m.IndustriesPanel));
const KeyCountiesPanel = lazyPanel(() => import('./panels/KeyCountiesPanel.tsx').then((m) => m.KeyCountiesPanel));
const PairsPanel = lazyPanel(() => import('./panels/PairsPanel.tsx').then((m) => m.PairsPanel));
const PlatformPanel = lazyPanel(() => import('./panels/PlatformPanel.tsx').then((m) => m.PlatformPanel));
const TotalsPanel = lazyPanel(() => import('./panels/TotalsPanel.tsx').then((m) => m.TotalsPanel));
const VillagesPanel = lazyPanel(() => import('./panels/VillagesPanel.tsx').then((m) => m.VillagesPanel));

const valueOf = <T,>(ctx: LayerContext, fallback: string) => ctx.value<T>(ctx.topic ?? fallback);

/** 脱贫攻坚 poverty alleviation: what each district lifted, paired assistance, the villages. */
export const povertyModule: ModuleDefinition = {
  id: 'poverty',
  title: '脱贫攻坚',
  titleEn: 'Poverty Alleviation',
  layers: [
    defineLayerKind({
      kind: 'poverty.district-columns',
      title: '区县脱贫户',
      titleEn: 'Households lifted by district',
      topic: POVERTY_TOPICS.districts,
      style: z.strictObject({ labels: labels('Name the districts over their columns') }),
      build: (ctx) => {
        const v = valueOf<PovertyDistricts>(ctx, POVERTY_TOPICS.districts);
        if (!v || !ctx.districts) return [];
        return buildDistrictColumns({
          id: ctx.layer.id,
          districts: ctx.districts,
          value: v.data,
          seq: v.seq,
          selected: ctx.selectedDistrict,
          scale: ctx.scale,
          labels: ctx.style.labels,
          memo: ctx.memo,
        });
      },
      ready: (ctx) => ctx.districts !== null && valueOf(ctx, POVERTY_TOPICS.districts) !== undefined,
      legend: (ctx) => {
        const v = valueOf<PovertyDistricts>(ctx, POVERTY_TOPICS.districts);
        const max = v && ctx.districts ? ctx.memo(columnData, v.data, ctx.districts).maxHouseholds : 0;
        const top = formatWan(max, '户');
        const mid = formatWan(max / 4, '户');
        return {
          type: 'ramp',
          title: '脱贫户',
          titleEn: 'Households lifted · height and colour; key counties outlined',
          unit: '户',
          colors: [...HOUSEHOLD_RAMP],
          // Square-root scale: the middle of the ramp is a quarter of the top.
          ticks: ['0', `${mid.value} ${mid.unit}`, `${top.value} ${top.unit}`],
        };
      },
      tooltip: (object, ctx) => {
        const v = valueOf<PovertyDistricts>(ctx, POVERTY_TOPICS.districts);
        if (!v || !ctx.districts) return null;
        const o = object as Partial<ColumnDatum> & Partial<DistrictFeature>;
        const code = o?.districtCode ?? o?.properties?.code;
        const column = code ? ctx.memo(columnData, v.data, ctx.districts).byCode.get(code) : undefined;
        return column ? describePovertyDistrict(column) : null;
      },
    }),
    defineLayerKind({
      kind: 'poverty.pair-arcs',
      title: '结对帮扶',
      titleEn: 'Paired assistance',
      topic: POVERTY_TOPICS.pairs,
      style: z.strictObject({ opacity: opacity(0.8, 'Opacity of the arcs') }),
      build: (ctx) => {
        const v = valueOf<PovertyPairs>(ctx, POVERTY_TOPICS.pairs);
        if (!v || !ctx.districts) return [];
        return buildPairArcs({
          id: ctx.layer.id,
          districts: ctx.districts,
          value: v.data,
          seq: v.seq,
          selected: ctx.selectedDistrict,
          scale: ctx.scale,
          opacity: ctx.style.opacity,
          memo: ctx.memo,
        });
      },
      ready: (ctx) => ctx.districts !== null && valueOf(ctx, POVERTY_TOPICS.pairs) !== undefined,
      legend: (ctx) => {
        const v = valueOf<PovertyPairs>(ctx, POVERTY_TOPICS.pairs);
        const max = v && ctx.districts ? ctx.memo(arcData, v.data, ctx.districts).maxFunds : 0;
        return {
          type: 'categories',
          title: '结对帮扶',
          titleEn: `Paired assistance · width ${ARC_WIDTH_PX.min}–${ARC_WIDTH_PX.max} px by funds, max ${formatFunds(max)}`,
          items: [
            { label: '帮扶区县 helper', color: PAIR_COLORS.from },
            { label: '受援重点区县 helped', color: PAIR_COLORS.to },
          ],
        };
      },
      tooltip: (object) => {
        const a = object as ArcDatum;
        return a?.id && a.source ? describePair(a) : null;
      },
    }),
    defineLayerKind({
      kind: 'poverty.villages',
      title: '脱贫村',
      titleEn: 'Villages lifted (drill-down)',
      topic: POVERTY_TOPICS.villages,
      style: z.strictObject({ labels: labels('Name the villages of the selected district') }),
      build: (ctx) => {
        const v = valueOf<PovertyVillages>(ctx, POVERTY_TOPICS.villages);
        if (!v) return [];
        return buildVillages({ id: ctx.layer.id, value: v.data, seq: v.seq, selected: ctx.selectedDistrict, scale: ctx.scale, labels: ctx.style.labels, memo: ctx.memo });
      },
      legend: (ctx) => {
        const v = valueOf<PovertyVillages>(ctx, POVERTY_TOPICS.villages);
        const villages = v ? villagesOf(ctx.memo(villagesByDistrict, v.data), ctx.selectedDistrict) : [];
        if (!villages.length) return null;
        return {
          type: 'categories',
          title: '脱贫村 特色产业',
          titleEn: 'Villages by industry · size by households',
          items: industriesOf(villages).map(({ industry }) => ({ label: INDUSTRIES[industry].name, color: INDUSTRIES[industry].color })),
        };
      },
      tooltip: (object, ctx) => {
        const village = object as PovertyVillage;
        if (!village?.id || !village.industry) return null;
        const name = ctx.districts?.features.find((f) => f.properties.code === village.districtCode)?.properties.name;
        return describeVillage(village, name);
      },
    }),
  ],
  panels: [
    { kind: 'poverty.totals', title: '脱贫成效', titleEn: 'Lifted out of poverty', topics: [POVERTY_TOPICS.districts], component: TotalsPanel, size: PANEL_SIZE.kpis },
    { kind: 'poverty.platform', title: '扶贫平台', titleEn: 'Poverty alleviation platform', topics: [POVERTY_TOPICS.districts], component: PlatformPanel, size: PANEL_SIZE.kpis },
    { kind: 'poverty.key-counties', title: '重点区县脱贫人口', titleEn: 'Key counties · people lifted', topics: [POVERTY_TOPICS.districts], component: KeyCountiesPanel, size: PANEL_SIZE.ranking },
    { kind: 'poverty.villages', title: '脱贫村', titleEn: 'Villages lifted · drill-down', topics: [POVERTY_TOPICS.villages, POVERTY_TOPICS.districts], component: VillagesPanel, size: PANEL_SIZE.list },
    { kind: 'poverty.pairs', title: '结对帮扶', titleEn: 'Paired assistance · funds', topics: [POVERTY_TOPICS.pairs], component: PairsPanel, size: PANEL_SIZE.list },
    { kind: 'poverty.industries', title: '特色产业', titleEn: 'Village industries', topics: [POVERTY_TOPICS.villages], component: IndustriesPanel, size: PANEL_SIZE.chart },
  ],
};
