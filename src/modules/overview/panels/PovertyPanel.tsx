import { useOverview } from '../../../app/wall-runtime.ts';
import { formatCn } from '../../../app/format.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';

export function PovertyPanel() {
  const o = useOverview((s) => s.overview);
  if (!o) {
    return (
      <>
        <PanelWaiting />
      </>
    );
  }
  const users = formatCn(o.povertyPlatformUsers);
  const uses = formatCn(o.povertyPlatformUses);
  const dau = formatCn(o.povertyDailyActive);
  return (
    <>
      <div className="kpi-grid">
        <KpiTile label="平台用户" labelEn="Users" value={users.value} unit={`${users.unit}人`} />
        <KpiTile label="累计使用" labelEn="Uses" value={uses.value} unit={`${uses.unit}次`} />
        <KpiTile label="今日活跃" labelEn="Active today" value={dau.value} unit={`${dau.unit}人`} />
      </div>
    </>
  );
}
