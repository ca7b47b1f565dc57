import { useMemo } from 'react';
import { VisualMapPiecewiseComponent } from 'echarts/components';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART, echarts } from '../../../panels/echarts-setup.ts';
import type { TrafficCongestion } from '../../../hub/topics/traffic.ts';
import { CONGESTION_LEVELS, congestionLevel } from '../scales.ts';
import { formatHm } from '../../../core/format.ts';

// The trend line takes the level colour of each stretch: needs the piecewise visual map.
echarts.use([VisualMapPiecewiseComponent]);

export function cityTrendOption(history: TrafficCongestion['history']) {
  const axisLabel = { color: WALL_CHART.muted, fontSize: 14 };
  return {
    grid: { left: 34, right: 14, top: 12, bottom: 26 },
    xAxis: {
      type: 'time',
      axisLabel: { ...axisLabel, formatter: (v: number) => formatHm(v), hideOverlap: true },
      axisLine: { lineStyle: { color: WALL_CHART.grid } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 10,
      interval: 2,
      axisLabel,
      splitLine: { lineStyle: { color: WALL_CHART.grid } },
    },
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 1,
      pieces: CONGESTION_LEVELS.map((l, i) => ({ gte: i * 2, lt: i === CONGESTION_LEVELS.length - 1 ? 10.01 : l.max, color: l.color })),
    },
    series: [{ type: 'line', data: history, showSymbol: false, smooth: 0.2, lineStyle: { width: 2.5 }, areaStyle: { opacity: 0.12 } }],
  };
}

/** 城市拥堵指数: the figure in its level colour, the level's name, and the last 24 hours. */
export function CityIndexPanel({ scale }: { scale: number }) {
  const v = useTopic<TrafficCongestion>('traffic.congestion');
  const history = v?.data.history;
  const option = useMemo(() => (history ? cityTrendOption(history) : null), [history]);
  if (!v || !option) return <PanelWaiting />;
  const { city } = v.data;
  const level = congestionLevel(city.index);
  return (
    <>
      <div className="traffic-index">
        <div className="traffic-index__figure" style={{ color: level.color }} data-testid="traffic-city-index">
          {city.index.toFixed(1)}
        </div>
        <div className="traffic-index__level">
          <strong style={{ color: level.color, borderColor: level.color }}>{level.name}</strong>
          <span>{level.nameEn} · 0–10</span>
        </div>
        <div className="traffic-index__side">
          <b>{city.speedKmh.toFixed(1)}</b>
          <small>km/h</small>
          <span>平均车速 Mean speed</span>
        </div>
      </div>
      <EChart option={option} scale={scale} testId="chart-traffic-trend" className="echart traffic-trend" />
    </>
  );
}
