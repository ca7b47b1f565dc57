import { useTopic } from '../../../core/wall-context.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { POVERTY_TOPICS, type PovertyDistricts } from '../../../hub/topics/poverty.ts';
import { formatWan } from '../style.ts';

/** The poverty-alleviation platform: users, uses since launch, and today's activity. */
export function PlatformPanel() {
  const v = useTopic<PovertyDistricts>(POVERTY_TOPICS.districts);
  if (!v) return <PanelWaiting />;
  const p = v.data.platform;
  const users = formatWan(p.users, '人');
  const uses = formatWan(p.usesTotal, '次');
  const active = formatWan(p.dailyActive, '人', 2);
  const today = formatWan(p.usesToday, '次', 2);
  return (
    <div className="kpi-grid">
      <KpiTile label="平台用户" labelEn="Users" value={users.value} unit={users.unit} testId="kpi-poverty-users" />
      <KpiTile label="累计使用" labelEn="Uses since launch" value={uses.value} unit={uses.unit} testId="kpi-poverty-uses" />
      <KpiTile label="今日活跃" labelEn="Active today" value={active.value} unit={active.unit} />
      <KpiTile label="今日使用" labelEn="Uses today" value={today.value} unit={today.unit} />
    </div>
  );
}
