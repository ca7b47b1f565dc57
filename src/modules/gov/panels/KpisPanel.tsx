import { useTopic } from '../../../core/wall-context.ts';
import { formatCn } from '../../../core/format.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { GovServices } from '../../../hub/topics/gov.ts';
import { formatPct } from '../scales.ts';

/** 渝快办 today: users, new users, matters handled, share handled fully online. */
export function KpisPanel() {
  const v = useTopic<GovServices>('gov.services');
  if (!v) return <PanelWaiting />;
  const g = v.data;
  const users = formatCn(g.usersTotal);
  return (
    <div className="kpi-grid gov-kpis">
      <KpiTile label="注册用户" labelEn="Registered users" value={users.value} unit={`${users.unit}人`} testId="gov-users" />
      <KpiTile label="今日新增" labelEn="New today" value={g.usersNewToday.toLocaleString('zh-CN')} unit="人" />
      <KpiTile label="今日办件" labelEn="Matters today" value={g.mattersToday.toLocaleString('zh-CN')} unit="件" testId="gov-matters" />
      <KpiTile label="网办率" labelEn="Handled online" value={formatPct(g.onlineShare)} testId="gov-online-share" />
    </div>
  );
}
