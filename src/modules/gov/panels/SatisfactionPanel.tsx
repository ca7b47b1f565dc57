import { useTopic } from '../../../core/wall-context.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { GovServices } from '../../../hub/topics/gov.ts';
import { formatPct } from '../scales.ts';

/** 好差评: today's reviews, the good-review rate, bad reviews and how many are already rectified. */
export function SatisfactionPanel() {
  const v = useTopic<GovServices>('gov.services');
  if (!v) return <PanelWaiting />;
  const r = v.data.reviews;
  const lowest = [...v.data.halls].filter((h) => h.servedToday >= 20).sort((a, b) => a.goodRate - b.goodRate)[0];
  return (
    <>
      <div className="gov-satisfaction">
        <div className="gov-satisfaction__rate" data-testid="gov-good-rate">
          {formatPct(r.goodRate, 2)}
          <span>好评率 Good reviews</span>
        </div>
        <KpiTile label="今日评价" labelEn="Reviews today" value={r.today.toLocaleString('zh-CN')} unit="条" />
      </div>
      <ul className="gov-facts">
        <li>
          差评 Bad <b className={r.bad ? 'gov-caption--alarm' : ''}>{r.bad}</b> 条 · 已整改 Rectified <b>{r.rectified}</b> 条
          {r.bad > 0 && <small>（{formatPct(r.rectified / r.bad, 0)}）</small>}
        </li>
        {lowest && (
          <li>
            好评率最低 <b>{lowest.name.replace(/政务服务中心$/, '')}</b> {formatPct(lowest.goodRate, 2)}
          </li>
        )}
      </ul>
    </>
  );
}
