import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { formatPercent } from '../../../core/format.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { AirSummary } from '../../../hub/topics/environment.ts';
import { ringGaugeOption as ringOption } from '../../../panels/ring-gauge.ts';

const GOOD_GREEN = '#3ddc84';

/** Good-air days this year (daily AQI ≤ 100) against the days elapsed. */
export function GoodDaysPanel({ scale }: { scale: number }) {
  const summary = useTopic<AirSummary>('environment.summary')?.data;
  const rate = summary?.goodRate ?? 0;
  const option = useMemo(() => ringOption(rate, formatPercent(rate), '优良率', GOOD_GREEN), [rate]);
  if (!summary) return <PanelWaiting />;
  return (
    <div className="panel-split">
      <EChart option={option} scale={scale} testId="chart-environment-good-days" className="echart echart--square" />
      <div className="kpi-stack">
        <KpiTile label="优良天数" labelEn={`of ${summary.daysElapsed} days`} value={String(summary.goodDays)} unit="天" testId="kpi-good-days" />
        <KpiTile label="其中优" labelEn="Excellent" value={String(summary.excellentDays)} unit="天" />
      </div>
    </div>
  );
}
