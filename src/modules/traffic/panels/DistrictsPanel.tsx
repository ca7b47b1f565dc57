import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import type { TrafficCongestion } from '../../../hub/topics/traffic.ts';
import { congestionLevel, shortDistrict } from '../scales.ts';
import { useDistrictNames } from '../../district-names.ts';

export function districtOption(rows: { name: string; index: number; speedKmh: number }[]) {
  const sorted = [...rows].sort((a, b) => a.index - b.index);
  return {
    grid: { left: 60, right: 96, top: 4, bottom: 4 },
    xAxis: { type: 'value', min: 0, max: 10, show: false },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => r.name),
      axisLabel: { color: WALL_CHART.text, fontSize: 16 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: sorted.map((r) => ({ value: r.index, itemStyle: { color: congestionLevel(r.index).color } })),
        barWidth: '58%',
        showBackground: true,
        backgroundStyle: { color: 'rgba(120,170,230,0.08)' },
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: WALL_CHART.text,
          fontSize: 15,
          formatter: (p: { dataIndex: number }) => `${sorted[p.dataIndex].index.toFixed(1)} · ${sorted[p.dataIndex].speedKmh} km/h`,
        },
      },
    ],
  };
}

/** Congestion by urban district: index bars in level colours, with each district's mean speed. */
export function DistrictsPanel({ scale }: { scale: number }) {
  const v = useTopic<TrafficCongestion>('traffic.congestion');
  const names = useDistrictNames();
  const districts = v?.data.districts;
  const option = useMemo(
    () => (districts && names.size ? districtOption(districts.map((d) => ({ name: shortDistrict(names.get(d.code)) || d.code, index: d.index, speedKmh: d.speedKmh }))) : null),
    [districts, names],
  );
  if (!option) return <PanelWaiting />;
  return <EChart option={option} scale={scale} testId="chart-traffic-districts" />;
}
