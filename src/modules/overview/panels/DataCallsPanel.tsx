import { useMemo } from 'react';
import { useOverview } from '../../../core/wall-context.ts';
import { formatCn, formatHm } from '../../../core/format.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';


export function DataCallsPanel({ scale }: { scale: number }) {
  const o = useOverview((s) => s.overview);
  const history = useOverview((s) => s.dataCallsHistory);
  const option = useMemo(
    () => ({
      grid: { left: 56, right: 12, top: 28, bottom: 30 },
      xAxis: {
        type: 'time',
        // A day of minutes in a narrow chart: a few hour ticks, and none drawn over another.
        splitNumber: 4,
        axisLabel: { color: WALL_CHART.muted, fontSize: 14, formatter: (v: number) => formatHm(v), hideOverlap: true },
        axisLine: { lineStyle: { color: WALL_CHART.grid } },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        splitNumber: 2,
        name: '次/分',
        nameTextStyle: { color: WALL_CHART.muted, fontSize: 14, align: 'left' },
        axisLabel: { color: WALL_CHART.muted, fontSize: 14, formatter: (v: number) => (v >= 1e4 ? `${v / 1e4}万` : `${v}`) },
        splitLine: { lineStyle: { color: WALL_CHART.grid } },
      },
      series: [
        {
          type: 'line',
          data: history,
          showSymbol: false,
          smooth: 0.3,
          lineStyle: { color: WALL_CHART.accent, width: 2 },
          areaStyle: { color: WALL_CHART.accentSoft },
        },
      ],
    }),
    [history],
  );
  const total = o ? formatCn(o.dataCallsTotal) : null;
  return (
    <>
      {o && total ? (
        <>
          <div className="kpi-row">
            <KpiTile label="累计调用" labelEn="Total" value={total.value} unit={`${total.unit}次`} testId="kpi-data-calls-total" />
            <KpiTile label="当前每分钟" labelEn="Per minute" value={o.dataCallsPerMinute.toLocaleString('zh-CN')} unit="次" />
          </div>
          <EChart option={option} scale={scale} testId="chart-data-calls" />
        </>
      ) : (
        <PanelWaiting />
      )}
    </>
  );
}
