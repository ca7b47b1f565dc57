import { useMemo } from 'react';
import { useOverview } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';

const TOP = 6;

export function DistrictRankingPanel({ scale }: { scale: number }) {
  const o = useOverview((s) => s.overview);
  const districts = useOverview((s) => s.districts);
  const rows = useMemo(() => {
    if (!o || !districts) return [];
    const names = new Map(districts.features.map((f) => [f.properties.code, f.properties.name]));
    return o.districts
      .filter((d) => names.has(d.code))
      .sort((a, b) => b.dataCallsToday - a.dataCallsToday)
      .slice(0, TOP)
      .reverse()
      .map((d) => ({ name: names.get(d.code)!, value: Math.round(d.dataCallsToday / 1e4) }));
  }, [o, districts]);
  const option = useMemo(
    () => ({
      grid: { left: 84, right: 64, top: 6, bottom: 6 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { color: WALL_CHART.text, fontSize: 16 },
        axisLine: { show: false },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.value),
          barWidth: '56%',
          itemStyle: { color: WALL_CHART.accent, borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', color: WALL_CHART.text, fontSize: 14, formatter: '{c} 万' },
          showBackground: true,
          backgroundStyle: { color: 'rgba(120,170,230,0.08)' },
        },
      ],
    }),
    [rows],
  );
  return (
    <>
      {rows.length ? <EChart option={option} scale={scale} testId="chart-district-ranking" className="echart echart--tall" /> : <PanelWaiting />}
    </>
  );
}
