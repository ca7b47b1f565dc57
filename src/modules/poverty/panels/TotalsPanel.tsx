import { useTopic } from '../../../core/wall-context.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { POVERTY_TOPICS, type PovertyDistricts } from '../../../hub/topics/poverty.ts';
import { formatWan } from '../style.ts';

export function TotalsPanel() {
  const v = useTopic<PovertyDistricts>(POVERTY_TOPICS.districts);
  if (!v) return <PanelWaiting />;
  const t = v.data.totals;
  const households = formatWan(t.households, '户');
  const people = formatWan(t.people, '人');
  return (
    <div className="kpi-grid">
      <KpiTile label="脱贫户" labelEn="Households lifted" value={households.value} unit={households.unit} testId="kpi-poverty-households" />
      <KpiTile label="脱贫人口" labelEn="People lifted" value={people.value} unit={people.unit} testId="kpi-poverty-people" />
      <KpiTile label="脱贫村" labelEn="Villages lifted" value={t.villages.toLocaleString('zh-CN')} unit="个" testId="kpi-poverty-villages" />
      <KpiTile label="重点区县" labelEn="Key counties" value={String(t.keyCounties)} unit="个" />
    </div>
  );
}
