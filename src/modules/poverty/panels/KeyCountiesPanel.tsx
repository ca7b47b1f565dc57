import { useMemo } from 'react';
import { useOverview, useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import { POVERTY_TOPICS, type PovertyDistrict, type PovertyDistricts } from '../../../hub/topics/poverty.ts';
import { shortName } from '../../district-names.ts';

export const KEY_ROWS = 7;

/** Key counties by people lifted (万人), most first. */
export function keyCountyRows(districts: PovertyDistrict[], names: Map<string, string>, n = KEY_ROWS) {
  return districts
    .filter((d) => d.keyCounty && names.has(d.code))
    .sort((a, b) => b.people - a.people)
    .slice(0, n)
    .map((d) => ({ code: d.code, name: shortName(names.get(d.code)!), value: Math.round(d.people / 100) / 100 }));
}

export function keyCountiesOption(rows: ReturnType<typeof keyCountyRows>) {
  const shown = [...rows].reverse();
  return {
    grid: { left: 8, right: 78, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
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
        data: shown.map((r) => r.value),
        barWidth: '58%',
        itemStyle: { color: WALL_CHART.accent, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: WALL_CHART.text, fontSize: 15, formatter: (p: { value: number }) => `${p.value.toFixed(1)} 万人` },
        showBackground: true,
        backgroundStyle: { color: 'rgba(120,170,230,0.08)' },
      },
    ],
  };
}

export function KeyCountiesPanel({ scale }: { scale: number }) {
  const v = useTopic<PovertyDistricts>(POVERTY_TOPICS.districts);
  const districts = useOverview((s) => s.districts);
  const names = useMemo(() => new Map((districts?.features ?? []).map((f) => [f.properties.code, f.properties.name])), [districts]);
  const rows = useMemo(() => (v ? keyCountyRows(v.data.districts, names) : []), [v, names]);
  const option = useMemo(() => keyCountiesOption(rows), [rows]);
  if (!rows.length) return <PanelWaiting />;
  return <EChart option={option} scale={scale} testId="chart-poverty-key-counties" className="echart echart--tall" />;
}
