import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { POLLUTANTS, type AirSummary } from '../../../hub/topics/environment.ts';
import { POLLUTANT_STYLE } from '../colors.ts';

/** What made the year's days above AQI 50: the days each pollutant was the primary one. */
export function PollutantsPanel({ scale }: { scale: number }) {
  const summary = useTopic<AirSummary>('environment.summary')?.data;
  const days = summary?.primaryDays;
  const rows = useMemo(() => (days ? POLLUTANTS.filter((p) => days[p] > 0).sort((a, b) => days[b] - days[a]) : []), [days]);
  const total = rows.reduce((s, p) => s + days![p], 0);
  const option = useMemo(
    () => ({
      series: [
        {
          type: 'pie',
          radius: ['52%', '88%'],
          startAngle: 90,
          label: { show: false },
          itemStyle: { borderColor: 'rgba(10,16,32,0.9)', borderWidth: 2 },
          data: rows.map((p) => ({ name: POLLUTANT_STYLE[p].name, value: days![p], itemStyle: { color: POLLUTANT_STYLE[p].color } })),
        },
      ],
    }),
    [rows, days],
  );
  if (!summary || !total) return <PanelWaiting />;
  return (
    <div className="panel-split">
      <EChart option={option} scale={scale} testId="chart-environment-pollutants" className="echart echart--square" />
      <ul className="environment-shares" data-testid="environment-pollutant-shares">
        {rows.map((p) => (
          <li key={p}>
            <i style={{ background: POLLUTANT_STYLE[p].color }} />
            <span>{POLLUTANT_STYLE[p].name}</span>
            <b>{summary.primaryDays[p]}</b>
            <small>天 {Math.round((100 * summary.primaryDays[p]) / total)}%</small>
          </li>
        ))}
        <li className="environment-shares__note">AQI &gt; 50 的 {total} 天 · days above 50</li>
      </ul>
    </div>
  );
}
