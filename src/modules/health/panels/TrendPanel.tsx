import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import { HEALTH_TOPICS, type HealthTrend } from '../../../hub/topics/health.ts';
import { CODE_COLORS } from '../scales.ts';
import { formatHm } from '../../../core/format.ts';

/** Yellow codes (万人, left axis) and red codes (人, right axis) over the last 24 hours. */
export function trendOption(trend: HealthTrend) {
  const yellow = trend.points.map((p) => [p.time, Math.round(p.yellow / 100) / 100]);
  const red = trend.points.map((p) => [p.time, p.red]);
  const axisLabel = { color: WALL_CHART.muted, fontSize: 14 };
  return {
    grid: { left: 46, right: 46, top: 30, bottom: 26 },
    xAxis: {
      type: 'time',
      axisLabel: { ...axisLabel, formatter: (v: number) => formatHm(v), hideOverlap: true },
      axisLine: { lineStyle: { color: WALL_CHART.grid } },
      splitLine: { show: false },
    },
    yAxis: [
      {
        type: 'value',
        name: '黄码 万人',
        scale: true,
        nameTextStyle: { color: CODE_COLORS.yellow, fontSize: 14, align: 'left', padding: [0, 0, 0, -40] },
        axisLabel,
        splitNumber: 3,
        splitLine: { lineStyle: { color: WALL_CHART.grid } },
      },
      {
        type: 'value',
        name: '红码 人',
        scale: true,
        nameTextStyle: { color: CODE_COLORS.red, fontSize: 14, align: 'right', padding: [0, -40, 0, 0] },
        axisLabel,
        splitNumber: 3,
        splitLine: { show: false },
      },
    ],
    series: [
      { type: 'line', yAxisIndex: 0, data: yellow, showSymbol: false, smooth: 0.3, lineStyle: { color: CODE_COLORS.yellow, width: 2.5 }, itemStyle: { color: CODE_COLORS.yellow } },
      { type: 'line', yAxisIndex: 1, data: red, showSymbol: false, smooth: 0.3, lineStyle: { color: CODE_COLORS.red, width: 2.5 }, itemStyle: { color: CODE_COLORS.red } },
    ],
  };
}

export function TrendPanel({ scale }: { scale: number }) {
  const v = useTopic<HealthTrend>(HEALTH_TOPICS.trend);
  const option = useMemo(() => (v ? trendOption(v.data) : null), [v]);
  if (!v || !option || !v.data.points.length) return <PanelWaiting />;
  return <EChart option={option} scale={scale} testId="chart-health-trend" />;
}
