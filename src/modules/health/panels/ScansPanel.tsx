import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { formatCn } from '../../../core/format.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { HEALTH_TOPICS, type HealthCheckpoints, type HealthDistricts } from '../../../hub/topics/health.ts';
import { percent } from '../scales.ts';

/** City scans today, and what the checkpoints saw in the last hour. */
export function ScansPanel() {
  const districts = useTopic<HealthDistricts>(HEALTH_TOPICS.districts);
  const checkpoints = useTopic<HealthCheckpoints>(HEALTH_TOPICS.checkpoints);
  const hour = useMemo(() => {
    if (!checkpoints) return null;
    let scans = 0;
    let nonGreen = 0;
    for (const c of checkpoints.data.checkpoints) {
      scans += c.scansLastHour;
      nonGreen += c.scansLastHour * c.nonGreenShare;
    }
    return { scans, share: scans ? nonGreen / scans : 0, count: checkpoints.data.checkpoints.length };
  }, [checkpoints]);
  if (!districts) return <PanelWaiting />;
  const t = districts.data.totals;
  const scans = formatCn(t.scansToday, 0);
  const people = formatCn(t.scannedToday, 0);
  const hourScans = hour ? formatCn(hour.scans, 1) : null;
  return (
    <div className="kpi-grid">
      <KpiTile label="今日扫码" labelEn="Scans today" value={scans.value} unit={`${scans.unit}次`} testId="kpi-health-scans" />
      <KpiTile label="今日受检人数" labelEn="People today" value={people.value} unit={`${people.unit}人`} />
      <KpiTile label="点位近1小时" labelEn="Checkpoints, last hour" value={hourScans?.value ?? '—'} unit={hourScans ? `${hourScans.unit}次` : ''} />
      <KpiTile label="点位非绿码" labelEn={`of ${hour?.count ?? 0} checkpoints`} value={hour ? percent(hour.share) : '—'} />
    </div>
  );
}
