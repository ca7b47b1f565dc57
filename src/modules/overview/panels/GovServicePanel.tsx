import { useOverview } from '../../../core/wall-context.ts';
import { formatCn } from '../../../core/format.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';

export function GovServicePanel() {
  const o = useOverview((s) => s.overview);
  const users = o ? formatCn(o.govServiceUsers, 0) : null;
  return (
    <>
      {o && users ? (
        <div className="kpi-grid">
          <KpiTile label="注册用户" labelEn="Users" value={users.value} unit={`${users.unit}人`} testId="kpi-gov-users" />
          <KpiTile label="今日办件" labelEn="Matters today" value={o.govMattersToday.toLocaleString('zh-CN')} unit="件" />
          <KpiTile label="电子证照" labelEn="Licence categories" value={String(o.licenceCategories)} unit="类" />
        </div>
      ) : (
        <PanelWaiting />
      )}
    </>
  );
}
