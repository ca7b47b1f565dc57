import { useMemo } from 'react';
import { useOverview } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import { ringGaugeOption } from '../../../panels/ring-gauge.ts';

export function SystemsPanel({ scale }: { scale: number }) {
  const o = useOverview((s) => s.overview);
  const connected = o?.systemsConnected ?? 0;
  const planned = o?.systemsPlanned ?? 1;
  const option = useMemo(
    () => ringGaugeOption(connected / planned, `${connected}/${planned}`, '已接入/规划', WALL_CHART.accent),
    [connected, planned],
  );
  return (
    <>
      {o ? (
        <div className="panel-split">
          <EChart option={option} scale={scale} testId="chart-systems" className="echart echart--square" />
          <div className="kpi-stack">
            <KpiTile label="接入部门" labelEn="Departments" value={String(o.departmentsConnected)} unit="个" />
            <KpiTile label="应用场景" labelEn="Scenarios" value={String(o.scenarios)} unit="个" />
          </div>
        </div>
      ) : (
        <PanelWaiting />
      )}
    </>
  );
}
