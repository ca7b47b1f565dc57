import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import type { WeatherWarnings } from '../../../hub/topics/weather.ts';
import { shortName, useDistrictNames } from '../../district-names.ts';

const TOP = 7;

/** The wettest districts today: rain since local midnight at each district's wettest cell, mm. */
export function RainRankingPanel({ scale }: { scale: number }) {
  const warnings = useTopic<WeatherWarnings>('weather.warnings')?.data;
  const names = useDistrictNames();
  const rows = useMemo(
    () =>
      (warnings?.districts ?? [])
        .filter((d) => names.has(d.code))
        .sort((a, b) => b.rainTodayMm - a.rainTodayMm || a.code.localeCompare(b.code))
        .slice(0, TOP)
        .reverse(),
    [warnings, names],
  );
  const option = useMemo(
    () => ({
      grid: { left: 72, right: 70, top: 4, bottom: 4 },
      xAxis: { type: 'value', show: false, max: (v: { max: number }) => Math.max(1, v.max) },
      yAxis: {
        type: 'category',
        data: rows.map((r) => shortName(names.get(r.code)!)),
        axisLabel: { color: WALL_CHART.text, fontSize: 15 },
        axisLine: { show: false },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.rainTodayMm),
          barWidth: '58%',
          itemStyle: { color: WALL_CHART.accent, borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', color: WALL_CHART.text, fontSize: 14, formatter: '{c} mm' },
          showBackground: true,
          backgroundStyle: { color: 'rgba(120,170,230,0.08)' },
        },
      ],
    }),
    [rows, names],
  );
  if (!warnings || !rows.length) return <PanelWaiting />;
  if (rows.every((r) => r.rainTodayMm < 0.1)) {
    return (
      <p className="weather-empty">
        今日全市无明显降水
        <small>No measurable rain today</small>
      </p>
    );
  }
  return <EChart option={option} scale={scale} testId="chart-weather-rain-ranking" className="echart echart--tall" />;
}
