import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import type { AirSummary } from '../../../hub/topics/environment.ts';
import { formatHm } from '../../../core/format.ts';

/** HJ 633's 24-hour PM2.5 breakpoint between 良 and 轻度污染 (GB 3095 grade II limit). */
const LIMIT_75 = 75;

/** City PM2.5 over the last 24 hours (hourly means from the hub), against the 75 μg/m³ limit. */
export function Pm25TrendPanel({ scale }: { scale: number }) {
  const summary = useTopic<AirSummary>('environment.summary')?.data;
  const history = summary?.pm25History;
  const option = useMemo(() => {
    if (!history) return null;
    const top = Math.max(90, Math.ceil(Math.max(...history.map((p) => p[1])) / 10) * 10 + 10);
    return {
      grid: { left: 44, right: 16, top: 24, bottom: 28 },
      xAxis: {
        type: 'time',
        axisLabel: { color: WALL_CHART.muted, fontSize: 14, formatter: (v: number) => formatHm(v), hideOverlap: true },
        axisLine: { lineStyle: { color: WALL_CHART.grid } },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        name: 'μg/m³',
        max: top,
        nameTextStyle: { color: WALL_CHART.muted, fontSize: 14, align: 'left' },
        axisLabel: { color: WALL_CHART.muted, fontSize: 14 },
        splitLine: { lineStyle: { color: WALL_CHART.grid } },
      },
      series: [
        {
          type: 'line',
          data: history,
          showSymbol: false,
          smooth: 0.3,
          lineStyle: { color: WALL_CHART.accent, width: 2.5 },
          areaStyle: { color: WALL_CHART.accentSoft },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#ff9f43', type: 'dashed', width: 1.5 },
            label: { color: '#ff9f43', fontSize: 14, formatter: '75 超标线', position: 'insideEndTop' },
            data: [{ yAxis: LIMIT_75 }],
          },
        },
      ],
    };
  }, [history]);
  if (!summary || !option || !history?.length) return <PanelWaiting />;
  const avg = history.reduce((s, p) => s + p[1], 0) / history.length;
  return (
    <>
      <div className="environment-trend__head">
        <span>
          当前<b>{summary.today.pm25}</b> μg/m³
        </span>
        <span>
          24h 均值<b>{avg.toFixed(0)}</b> μg/m³
        </span>
      </div>
      <EChart option={option} scale={scale} testId="chart-environment-pm25-trend" />
    </>
  );
}
