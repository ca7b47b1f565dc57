import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { GovServices } from '../../../hub/topics/gov.ts';

/** The twelve electronic-licence categories, issued to date (万), largest first. */
export function LicencesPanel() {
  const v = useTopic<GovServices>('gov.services');
  if (!v) return <PanelWaiting />;
  const rows = [...v.data.licences].sort((a, b) => b.issued - a.issued);
  const max = Math.max(1, ...rows.map((r) => r.issued));
  const total = rows.reduce((s, r) => s + r.issued, 0);
  return (
    <>
      <p className="gov-caption">
        {rows.length} 类证照 · 累计 <b>{(total / 1e8).toFixed(2)}</b> 亿张 · 今日 <b>{rows.reduce((s, r) => s + r.issuedToday, 0).toLocaleString('zh-CN')}</b> 张
      </p>
      <ul className="gov-licences" data-testid="gov-licences">
        {rows.map((r) => (
          <li key={r.id}>
            <span className="gov-licences__name">{r.name}</span>
            <b className="gov-licences__value">
              {(r.issued / 1e4).toFixed(0)}
              <small>万</small>
            </b>
            <span className="gov-licences__bar">
              <i style={{ width: `${(r.issued / max) * 100}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
