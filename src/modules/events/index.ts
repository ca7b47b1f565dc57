import { z } from 'zod';
import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';
import { EVENTS_BOARD_TOPIC, EVENTS_CATALOG_TOPIC } from '../../hub/topics/events.ts';
import { LEVELS, type Alert, type Board, type Catalog, type CityEvent } from '../../hub/events/schemas.ts';
import { defineLayerKind, type LayerContext, type ModuleDefinition } from '../../core/module-api.ts';
import { wallNow } from '../../core/wall-clock.ts';
import { labels, opacity } from '../style-fields.ts';
import { catalogIndex } from './board.ts';
import { describeAlert, describeEvent } from './describe.ts';
import { buildAlertLayers } from './layers/alerts.ts';
import { buildEventLayers } from './layers/events.ts';
import { ALARM, LEVEL_COLORS, LEVEL_NAMES, UNKNOWN_CATEGORY_COLOR } from './scales.ts';
import './events.css';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const FiguresPanel = lazyPanel(() => import('./panels/FiguresPanel.tsx').then((m) => m.FiguresPanel));
const TodayPanel = lazyPanel(() => import('./panels/FiguresPanel.tsx').then((m) => m.TodayPanel));
const EventListPanel = lazyPanel(() => import('./panels/EventListPanel.tsx').then((m) => m.EventListPanel));
const AlertsPanel = lazyPanel(() => import('./panels/AlertsPanel.tsx').then((m) => m.AlertsPanel));
const HandlingPanel = lazyPanel(() => import('./panels/HandlingPanel.tsx').then((m) => m.HandlingPanel));
const DetailPanel = lazyPanel(() => import('./panels/DetailPanel.tsx').then((m) => m.DetailPanel));

export const EVENTS_TOPICS = { board: EVENTS_BOARD_TOPIC, catalog: EVENTS_CATALOG_TOPIC } as const;

/**
 * The ticker of new alerts along the bottom of the wall. Not a panel kind (the slots are the two
 * columns): the wall shows it under the twin while the scene draws the `events.alerts` layer.
 */
export const alertTicker = {
  topics: [EVENTS_BOARD_TOPIC],
  /** The scene layer kind whose presence brings the ticker. */
  withLayerKind: 'events.alerts',
  component: lazyPanel(() => import('./panels/AlertTicker.tsx').then((m) => m.AlertTicker)),
} as const;

const boardOf = (ctx: LayerContext) => ctx.value<Board>(ctx.topic ?? EVENTS_BOARD_TOPIC);
const catalogOf = (ctx: LayerContext) => ctx.value<Catalog>(EVENTS_CATALOG_TOPIC)?.data;
const districtName = (ctx: LayerContext) => (code: string) => ctx.districts?.features.find((f) => f.properties.code === code)?.properties.name;

const size = (what: string) => z.number().min(0.5).max(3).default(1).describe(what);

/** 城市事件: the center's dispatch work (events and their lifecycle) and early-warning alerts. */
export const eventsModule: ModuleDefinition = {
  id: 'events',
  title: '事件',
  titleEn: 'Events',
  layers: [
    defineLayerKind({
      kind: 'events.events',
      title: '城市事件',
      titleEn: 'City events',
      topic: EVENTS_BOARD_TOPIC,
      extraTopics: [EVENTS_CATALOG_TOPIC],
      animated: true,
      style: z.strictObject({
        opacity: opacity(1, 'Opacity of the event markers'),
        size: size('Marker size, times the level’s own (red largest)'),
        closed: z.boolean().default(true).describe('Show events closed or refused in the last day, faint'),
        pulse: z.boolean().default(true).describe('Pulse overdue (超期) events while the wall animates'),
        dim: z.number().min(0).max(0.8).default(0).describe('Darken the base map and city under the events (0: not at all)'),
      }),
      build: (ctx) => {
        const v = boardOf(ctx);
        if (!v) return [];
        return buildEventLayers({
          id: ctx.layer.id,
          board: v.data,
          catalog: catalogOf(ctx),
          scale: ctx.scale,
          now: ctx.now,
          animate: ctx.animate,
          opacity: ctx.style.opacity,
          size: ctx.style.size,
          showClosed: ctx.style.closed,
          pulse: ctx.style.pulse,
          dim: ctx.style.dim,
          memo: ctx.memo,
        });
      },
      legend: (ctx) => {
        const catalog = catalogOf(ctx);
        const categories = catalog?.categories ?? [];
        return {
          type: 'categories',
          title: '城市事件',
          titleEn: 'Events · colour = category, size and outline = level',
          items: [
            ...(categories.length ? categories.map((c) => ({ label: c.name, color: c.colour })) : [{ label: '事件', color: UNKNOWN_CATEGORY_COLOR }]),
            { label: '督办 白圈', color: '#ffffff' },
            { label: '超期 红色脉冲', color: ALARM },
          ],
        };
      },
      tooltip: (object, ctx) => {
        const e = object as CityEvent;
        if (!e || typeof e.id !== 'string' || !e.id.startsWith('EV-') || !Array.isArray(e.position)) return null;
        return describeEvent(e, ctx.memo(catalogIndex, catalogOf(ctx)), districtName(ctx), wallNow());
      },
    }),
    defineLayerKind({
      kind: 'events.alerts',
      title: '预警',
      titleEn: 'Early-warning alerts',
      topic: EVENTS_BOARD_TOPIC,
      animated: true,
      style: z.strictObject({
        opacity: opacity(1, 'Opacity of the beacons'),
        size: size('Beacon size, times the level’s own (red largest)'),
        labels: labels('Name the places of orange and red alerts, with their reading'),
      }),
      build: (ctx) => {
        const v = boardOf(ctx);
        if (!v) return [];
        return buildAlertLayers({
          id: ctx.layer.id,
          board: v.data,
          scale: ctx.scale,
          now: ctx.now,
          animate: ctx.animate,
          opacity: ctx.style.opacity,
          size: ctx.style.size,
          labels: ctx.style.labels,
          memo: ctx.memo,
        });
      },
      legend: () => ({
        type: 'categories',
        title: '预警',
        titleEn: 'Alerts by level · orange and red pulse',
        items: LEVELS.map((l) => ({ label: `${LEVEL_NAMES[l]}预警`, color: LEVEL_COLORS[l] })),
      }),
      tooltip: (object) => {
        const a = object as Alert;
        if (!a || typeof a.id !== 'string' || !a.id.startsWith('AL-') || !a.place?.name) return null;
        return describeAlert(a, wallNow());
      },
    }),
  ],
  panels: [
    {
      kind: 'events.figures',
      title: '今日事件',
      titleEn: 'Events today',
      topics: [EVENTS_BOARD_TOPIC],
      component: FiguresPanel,
      size: PANEL_SIZE.kpis,
    },
    {
      kind: 'events.today',
      title: '城市事件',
      titleEn: 'City events today',
      topics: [EVENTS_BOARD_TOPIC],
      component: TodayPanel,
      size: PANEL_SIZE.list,
    },
    {
      kind: 'events.list',
      title: '待办事件',
      titleEn: 'Open events · most urgent first',
      topics: [EVENTS_BOARD_TOPIC, EVENTS_CATALOG_TOPIC],
      component: EventListPanel,
      size: { min: 300, max: 600 },
    },
    {
      kind: 'events.alerts',
      title: '预警信息',
      titleEn: 'Active alerts · highest level first',
      topics: [EVENTS_BOARD_TOPIC],
      component: AlertsPanel,
      size: { min: 230, max: 380 },
    },
    {
      kind: 'events.handling',
      title: '部门处置用时',
      titleEn: 'By department · today',
      topics: [EVENTS_BOARD_TOPIC, EVENTS_CATALOG_TOPIC],
      component: HandlingPanel,
      size: PANEL_SIZE.ranking,
    },
    {
      kind: 'events.detail',
      title: '事件详情',
      titleEn: 'Event detail',
      topics: [EVENTS_BOARD_TOPIC, EVENTS_CATALOG_TOPIC],
      component: DetailPanel,
      size: { min: 250, max: 320 },
    },
  ],
};
