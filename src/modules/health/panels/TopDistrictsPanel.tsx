import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import { HEALTH_TOPICS, type HealthDistrict, type HealthDistricts } from '../../../hub/topics/health.ts';
import { shortName } from '../../district-names.ts';
import { LEVEL_COLORS } from '../scales.ts';
import { useDistrictNames } from '../../district-names.ts';

export const TOP_DISTRICTS = 7;

export interface RankRow {
  code: string;
  name: string;
  /** Non-green share in per cent. */
  value: number;
  color: string;
}

/** The districts with the highest non-green share, highest first; alert districts in their level colour. */
export function topDistrictRows(districts: HealthDistrict[], names: Map<string, string>, n = TOP_DISTRICTS): RankRow[] {
  return districts
    .filter((d) => names.has(d.code))
    .sort((a, b) => b.nonGreenShare - a.nonGreenShare)
    .slice(0, n)
    .map((d) => ({
      code: d.code,
      name: shortName(names.get(d.code)!),
      value: Math.round(d.nonGreenShare * 1e4) / 100,
      color: d.alert ? LEVEL_COLORS[d.alert.level] : WALL_CHART.accent,
    }));
}

export function topDistrictsOption(rows: RankRow[]) {
  const shown = [...rows].reverse();
  return {
    grid: { left: 8, right: 70, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false, max: (v: { max: number }) => Math.max(0.5, v.max * 1.05) },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.name),
      axisLabel: { color: WALL_CHART.text, fontSize: 16 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: shown.map((r) => ({ value: r.value, itemStyle: { color: r.color } })),
        barWidth: '58%',
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: WALL_CHART.text, fontSize: 15, formatter: (p: { value: number }) => `${p.value.toFixed(2)}%` },
        showBackground: true,
        backgroundStyle: { color: 'rgba(120,170,230,0.08)' },
      },
    ],
  };
}

export function TopDistrictsPanel({ scale }: { scale: number }) {
  const v = useTopic<HealthDistricts>(HEALTH_TOPICS.districts);
  const names = useDistrictNames();
  const rows = useMemo(() => (v ? topDistrictRows(v.data.districts, names) : []), [v, names]);
  const option = useMemo(() => topDistrictsOption(rows), [rows]);
  if (!rows.length) return <PanelWaiting />;
  return <EChart option={option} scale={scale} testId="chart-health-top-districts" className="echart echart--tall" />;
}
