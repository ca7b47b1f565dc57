import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import type { GovServices } from '../../../hub/topics/gov.ts';

export const ONLINE_COLOR = WALL_CHART.accent;
export const HALL_COLOR = '#b48cff';

export function hourlyOption(hourly: GovServices['hourly']) {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const byHour = new Map(hourly.map((x) => [x.hour, x]));
  const axisLabel = { color: WALL_CHART.muted, fontSize: 14 };
  return {
    grid: { left: 46, right: 8, top: 14, bottom: 24 },
    xAxis: {
      type: 'category',
      data: hours.map((h) => `${h}`),
      axisLabel: { ...axisLabel, interval: 3, formatter: (v: string) => `${v}时` },
      axisLine: { lineStyle: { color: WALL_CHART.grid } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      axisLabel: { ...axisLabel, formatter: (v: number) => (v >= 1e4 ? `${v / 1e4}万` : `${v}`) },
      splitNumber: 3,
      splitLine: { lineStyle: { color: WALL_CHART.grid } },
    },
    series: [
      { type: 'bar', stack: 'm', data: hours.map((h) => byHour.get(h)?.online ?? null), itemStyle: { color: ONLINE_COLOR }, barWidth: '62%' },
      { type: 'bar', stack: 'm', data: hours.map((h) => byHour.get(h)?.hall ?? null), itemStyle: { color: HALL_COLOR, borderRadius: [2, 2, 0, 0] } },
    ],
  };
}

/** Today's matters by hour: online around the clock, halls in office hours. */
export function HourlyPanel({ scale }: { scale: number }) {
  const v = useTopic<GovServices>('gov.services');
  const hourly = v?.data.hourly;
  const option = useMemo(() => (hourly ? hourlyOption(hourly) : null), [hourly]);
  if (!v || !option) return <PanelWaiting />;
  const online = v.data.mattersOnlineToday;
  const hall = v.data.mattersToday - online;
  return (
    <>
      <div className="gov-legend">
        <span>
          <i style={{ background: ONLINE_COLOR }} />
          网上办 <b>{online.toLocaleString('zh-CN')}</b> 件
        </span>
        <span>
          <i style={{ background: HALL_COLOR }} />
          大厅办 <b>{hall.toLocaleString('zh-CN')}</b> 件
        </span>
      </div>
      <EChart option={option} scale={scale} testId="chart-gov-hourly" />
    </>
  );
}
