import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import type { GovServices, MatterCategory } from '../../../hub/topics/gov.ts';

const ALARM = '#ff4d5e';
const ATTENTION = '#ffd166';

/** Share of the legal limit a category's mean time uses: over half is worth a look. */
export const limitShare = (c: MatterCategory) => c.avgDays / c.limitDays;

export function timelinessOption(categories: MatterCategory[]) {
  const rows = [...categories].sort((a, b) => limitShare(a) - limitShare(b));
  return {
    grid: { left: 82, right: 116, top: 2, bottom: 2 },
    xAxis: { type: 'value', min: 0, max: 1, show: false },
    yAxis: {
      type: 'category',
      data: rows.map((c) => c.name),
      axisLabel: { color: WALL_CHART.text, fontSize: 15 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        // The legal limit is the full track; the bar is the mean handling time against it.
        type: 'bar',
        data: rows.map((c) => ({
          value: Math.min(1, limitShare(c)),
          itemStyle: { color: c.overdue > 0 ? ALARM : limitShare(c) > 0.5 ? ATTENTION : WALL_CHART.accent },
        })),
        barWidth: '56%',
        showBackground: true,
        backgroundStyle: { color: 'rgba(120,170,230,0.12)', borderRadius: 3 },
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          distance: 6,
          color: WALL_CHART.text,
          fontSize: 14,
          formatter: (p: { dataIndex: number }) => {
            const c = rows[p.dataIndex];
            return `${c.avgDays.toFixed(1)}/${c.limitDays}天${c.overdue ? ` 超期${c.overdue}` : ''}`;
          },
        },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: 'rgba(255,255,255,0.55)', type: 'solid', width: 1.5 },
          data: [{ xAxis: 1 }],
        },
      },
    ],
  };
}

/** 办理时效: mean handling time per category against its legal limit (the track's end). */
export function TimelinessPanel({ scale }: { scale: number }) {
  const v = useTopic<GovServices>('gov.services');
  const categories = v?.data.categories;
  const option = useMemo(() => (categories ? timelinessOption(categories) : null), [categories]);
  if (!v || !option) return <PanelWaiting />;
  const overdue = v.data.categories.reduce((s, c) => s + c.overdue, 0);
  return (
    <>
      <p className="gov-caption">
        平均用时 / 法定时限（工作日） · 超期 <b className={overdue ? 'gov-caption--alarm' : 'gov-caption--ok'}>{overdue}</b> 件
      </p>
      <EChart option={option} scale={scale} testId="chart-gov-timeliness" />
    </>
  );
}
