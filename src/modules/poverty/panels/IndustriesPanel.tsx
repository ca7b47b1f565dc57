import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useOverview, useTopic, useWallRuntime } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import { POVERTY_TOPICS, type PovertyVillages } from '../../../hub/topics/poverty.ts';
import { shortName } from '../../district-names.ts';
import { industriesOf, villagesByDistrict, villagesOf } from '../layers/villages.ts';
import { INDUSTRIES } from '../style.ts';

export const INDUSTRY_ROWS = 6;

export function industriesOption(rows: ReturnType<typeof industriesOf>) {
  const shown = rows.slice(0, INDUSTRY_ROWS).reverse();
  return {
    grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map((r) => INDUSTRIES[r.industry].name),
      axisLabel: { color: WALL_CHART.text, fontSize: 16 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: shown.map((r) => ({ value: r.count, itemStyle: { color: INDUSTRIES[r.industry].color } })),
        barWidth: '58%',
        barMaxWidth: 22,
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: WALL_CHART.text, fontSize: 15, formatter: '{c} 个' },
        showBackground: true,
        backgroundStyle: { color: 'rgba(120,170,230,0.08)' },
      },
    ],
  };
}

/** Industries of the listed villages: the city's, or the tapped district's. */
export function IndustriesPanel({ scale }: { scale: number }) {
  const runtime = useWallRuntime();
  const selected = useStore(runtime.selection, (s) => s.district);
  const v = useTopic<PovertyVillages>(POVERTY_TOPICS.villages);
  const districts = useOverview((s) => s.districts);
  const data = v?.data;
  const byDistrict = useMemo(() => (data ? villagesByDistrict(data) : null), [data]);
  const { rows, scoped } = useMemo(() => {
    if (!data || !byDistrict) return { rows: [], scoped: false };
    const own = villagesOf(byDistrict, selected);
    return own.length ? { rows: industriesOf(own), scoped: true } : { rows: industriesOf(data.villages), scoped: false };
  }, [data, byDistrict, selected]);
  const option = useMemo(() => industriesOption(rows), [rows]);
  const name = scoped ? districts?.features.find((f) => f.properties.code === selected)?.properties.name : undefined;
  if (!rows.length) return <PanelWaiting />;
  return (
    <>
      <p className="poverty-industries__scope">{name ? `${shortName(name)} · 脱贫村特色产业` : '全市 · 脱贫村特色产业'} <span>villages by industry</span></p>
      <EChart option={option} scale={scale} testId="chart-poverty-industries" />
    </>
  );
}
