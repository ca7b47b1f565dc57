import { useMemo } from 'react';
import { useOverview } from '../../../core/wall-context.ts';
import { formatPercent } from '../../../core/format.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { ringGaugeOption } from '../../../panels/ring-gauge.ts';

const CLOUD_GREEN = '#4cd9a0';

export function CloudPanel({ scale }: { scale: number }) {
  const o = useOverview((s) => s.overview);
  const rate = o?.cloudRate ?? 0;
  const option = useMemo(() => ringGaugeOption(rate, formatPercent(rate), '上云率', CLOUD_GREEN), [rate]);
  return (
    <>
      {o ? (
        <div className="panel-split">
          <EChart option={option} scale={scale} testId="chart-cloud" className="echart echart--square" />
          <div className="kpi-stack">
            <KpiTile label="已上云系统" labelEn="Systems on cloud" value={o.cloudSystems.toLocaleString('zh-CN')} unit="个" />
            <KpiTile label="5G 基站" labelEn="5G base stations" value={o.basestations5g.toLocaleString('zh-CN')} unit="座" />
          </div>
        </div>
      ) : (
        <PanelWaiting />
      )}
    </>
  );
}
