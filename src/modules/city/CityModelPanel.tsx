import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useWallRuntime } from '../../core/wall-context.ts';
import { EChart } from '../../panels/EChart.tsx';
import { KpiTile } from '../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../panels/Panel.tsx';
import { WALL_CHART } from '../../panels/echarts-setup.ts';
import type { PanelProps } from '../../core/module-api.ts';

/** What the city model holds: buildings, the tallest, and how they spread over the districts. */
export function CityModelPanel({ scale }: PanelProps) {
  const { city, districts: districtStore } = useWallRuntime();
  const buildings = useStore(city, (s) => s.buildings);
  const districts = useStore(districtStore, (s) => s.districts);
  const summary = useMemo(() => {
    if (!buildings) return null;
    const byDistrict = new Map<number, number>();
    let tallest = 0;
    for (let i = 0; i < buildings.count; i++) {
      byDistrict.set(buildings.district[i], (byDistrict.get(buildings.district[i]) ?? 0) + 1);
      tallest = Math.max(tallest, buildings.height[i]);
    }
    const names = new Map(districts?.features.map((f) => [Number(f.properties.code), f.properties.name]) ?? []);
    const rows = [...byDistrict]
      .sort((a, b) => a[1] - b[1])
      .slice(-6)
      .map(([code, n]) => ({ name: names.get(code) ?? String(code), value: n }));
    return { count: buildings.count, tallest, rows };
  }, [buildings, districts]);
  const option = useMemo(
    () => ({
      grid: { left: 72, right: 56, top: 4, bottom: 4 },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', data: summary?.rows.map((r) => r.name) ?? [], axisLabel: { color: WALL_CHART.text, fontSize: 15 }, axisLine: { show: false }, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          data: summary?.rows.map((r) => r.value) ?? [],
          barWidth: '56%',
          itemStyle: { color: WALL_CHART.accent },
          label: { show: true, position: 'right', color: WALL_CHART.text, fontSize: 14, formatter: '{c} 栋' },
        },
      ],
    }),
    [summary],
  );
  if (!summary) return <PanelWaiting />;
  return (
    <>
      <div className="kpi-row">
        <KpiTile label="建筑" labelEn="Buildings" value={(summary.count / 1e4).toFixed(1)} unit="万栋" testId="kpi-city-buildings" />
        <KpiTile label="最高" labelEn="Tallest" value={Math.round(summary.tallest).toString()} unit="m" />
      </div>
      <EChart option={option} scale={scale} testId="chart-city-districts" />
    </>
  );
}
