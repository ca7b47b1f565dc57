import { useMemo } from 'react';
import { useOverview, useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import { aqiCategoryOf, type AirStations } from '../../../hub/topics/environment.ts';
import { AQI_STYLE } from '../colors.ts';
import { shortName } from '../../district-names.ts';
import { districtAqi } from '../district-aqi.ts';

const TOP = 8;

/** District AQI ranking (mean of the district's sites), worst first, bars in category colours. */
export function AqiRankingPanel({ scale }: { scale: number }) {
  const stations = useTopic<AirStations>('environment.stations')?.data;
  const districts = useOverview((s) => s.districts);
  const rows = useMemo(() => {
    if (!stations || !districts) return [];
    const names = new Map(districts.features.map((f) => [f.properties.code, shortName(f.properties.name)]));
    return districtAqi(stations)
      .filter((d) => names.has(d.code))
      .slice(0, TOP)
      .reverse()
      .map((d) => ({ ...d, name: names.get(d.code)! }));
  }, [stations, districts]);
  const option = useMemo(
    () => ({
      grid: { left: 72, right: 86, top: 4, bottom: 4 },
      xAxis: { type: 'value', show: false, max: (v: { max: number }) => Math.max(100, v.max) },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { color: WALL_CHART.text, fontSize: 15 },
        axisLine: { show: false },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({ value: r.aqi, itemStyle: { color: AQI_STYLE[aqiCategoryOf(r.aqi)].color } })),
          barWidth: '58%',
          itemStyle: { borderRadius: [0, 3, 3, 0] },
          label: {
            show: true,
            position: 'right',
            color: WALL_CHART.text,
            fontSize: 14,
            formatter: (p: { value: number }) => `${p.value} ${AQI_STYLE[aqiCategoryOf(p.value)].short}`,
          },
          showBackground: true,
          backgroundStyle: { color: 'rgba(120,170,230,0.08)' },
        },
      ],
    }),
    [rows],
  );
  if (!rows.length) return <PanelWaiting />;
  return <EChart option={option} scale={scale} testId="chart-environment-aqi-ranking" className="echart echart--tall" />;
}
