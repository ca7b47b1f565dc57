import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import type { Board, Catalog, EventStats } from '../../../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC, EVENTS_CATALOG_TOPIC } from '../../../hub/topics/events.ts';

/** Bars shown: the slowest departments (a ranking reads in one glance; the rest are counted). */
export const HANDLING_BARS = 8;

export interface HandlingRow {
  name: string;
  meanMin: number;
  closed: number;
}

/** Departments by mean handling time, the slowest first, named from the catalogue. */
export function handlingRows(stats: EventStats, catalog: Catalog | undefined): HandlingRow[] {
  const names = new Map((catalog?.departments ?? []).map((d) => [d.id, d.name]));
  return stats.handlingByDepartment
    .filter((d) => d.closed > 0)
    .map((d) => ({ name: names.get(d.department) ?? d.department, meanMin: d.meanMin, closed: d.closed }))
    .sort((a, b) => b.meanMin - a.meanMin);
}

/** One unit for the whole chart: hours once the slowest takes two, minutes below. */
export function handlingUnit(rows: readonly HandlingRow[]): { unit: '小时' | '分钟'; per: number } {
  return Math.max(0, ...rows.map((r) => r.meanMin)) >= 120 ? { unit: '小时', per: 60 } : { unit: '分钟', per: 1 };
}

export function handlingOption(rows: HandlingRow[]) {
  const shown = rows.slice(0, HANDLING_BARS).reverse(); // echarts draws the first category at the bottom
  const { unit, per } = handlingUnit(rows);
  const max = Math.max(1, ...shown.map((r) => r.meanMin));
  return {
    grid: { left: 118, right: 128, top: 2, bottom: 2 },
    xAxis: { type: 'value', min: 0, max, show: false },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.name),
      axisLabel: { color: WALL_CHART.text, fontSize: 15, width: 110, overflow: 'truncate' },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: shown.map((r) => ({ value: r.meanMin, itemStyle: { color: r.meanMin === max ? WALL_CHART.highlight : WALL_CHART.accent } })),
        barWidth: '58%',
        showBackground: true,
        backgroundStyle: { color: 'rgba(120,170,230,0.12)', borderRadius: 3 },
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          distance: 6,
          color: WALL_CHART.text,
          fontSize: 15,
          // Plain text built from numbers and catalogue names: echarts draws it on canvas, never as HTML.
          formatter: (p: { dataIndex: number }) => {
            const r = shown[p.dataIndex];
            const value = r.meanMin / per;
            return `${per === 1 && value < 1 ? '<1' : value.toFixed(per === 1 ? 0 : 1)}${unit} · ${r.closed}件`;
          },
        },
      },
    ],
  };
}

/** 部门处置用时: mean minutes from dispatch to handled, of events closed today, per department. */
export function HandlingPanel({ scale }: { scale: number }) {
  const v = useTopic<Board>(EVENTS_BOARD_TOPIC);
  const catalog = useTopic<Catalog>(EVENTS_CATALOG_TOPIC)?.data;
  const stats = v?.data.stats;
  const rows = useMemo(() => (stats ? handlingRows(stats, catalog) : []), [stats, catalog]);
  const option = useMemo(() => handlingOption(rows), [rows]);
  if (!stats) return <PanelWaiting />;
  if (!rows.length) {
    return (
      <p className="events-empty" data-testid="events-handling-empty">
        今日暂无结案<span>Nothing closed yet today</span>
      </p>
    );
  }
  const closed = rows.reduce((s, r) => s + r.closed, 0);
  return (
    <>
      <p className="events-caption">
        今日结案 <b>{closed}</b> 件 · 派遣至反馈平均用时
      </p>
      <EChart option={option} scale={scale} testId="chart-events-handling" />
    </>
  );
}
