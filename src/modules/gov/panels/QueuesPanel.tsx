import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { GovServices } from '../../../hub/topics/gov.ts';
import { waitBand } from '../scales.ts';

const ROWS = 6;

/** 大厅排队: the halls with the longest expected wait; outside office hours, the busiest of the day. */
export function QueuesPanel() {
  const v = useTopic<GovServices>('gov.services');
  if (!v) return <PanelWaiting />;
  const halls = v.data.halls;
  const open = halls.filter((h) => h.open);
  const waiting = halls.reduce((s, h) => s + h.queue, 0);
  const rows = open.length
    ? [...open].sort((a, b) => b.waitMin - a.waitMin || b.queue - a.queue || b.servedToday - a.servedToday).slice(0, ROWS)
    : [...halls].sort((a, b) => b.servedToday - a.servedToday).slice(0, ROWS);
  return (
    <>
      <p className="gov-caption">
        {open.length ? (
          <>
            开放大厅 <b>{open.length}</b> 个 · 排队 <b>{waiting.toLocaleString('zh-CN')}</b> 人
          </>
        ) : (
          <>非办公时间 · 今日办结最多 Closed · busiest today</>
        )}
      </p>
      <ol className="gov-queues" data-testid="gov-queues">
        {rows.map((h) => {
          const band = waitBand(h.waitMin);
          return (
            <li key={h.id}>
              <span className="gov-queues__name">{h.name.replace(/政务服务中心$/, '')}</span>
              {open.length ? (
                <>
                  <span className="gov-queues__queue">
                    {h.queue}
                    <small>人</small>
                  </span>
                  <b className="gov-queues__wait" style={{ color: band.color }}>
                    {h.waitMin}
                    <small>分钟</small>
                  </b>
                </>
              ) : (
                <b className="gov-queues__wait">
                  {h.servedToday.toLocaleString('zh-CN')}
                  <small>件</small>
                </b>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
