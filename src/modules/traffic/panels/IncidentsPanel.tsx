import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { TrafficCongestion } from '../../../hub/topics/traffic.ts';
import { INCIDENT_STYLE } from '../scales.ts';
import { formatHm } from '../../../core/format.ts';

const ROWS = 5;

/** 交通事件: incidents under way, newest first, with how long each has lasted. */
export function IncidentsPanel() {
  const v = useTopic<TrafficCongestion>('traffic.congestion');
  if (!v) return <PanelWaiting />;
  const { incidents } = v.data;
  const counts = { accident: 0, breakdown: 0, works: 0 };
  for (const x of incidents) counts[x.kind]++;
  return (
    <>
      <p className="traffic-caption">
        进行中 <b>{incidents.length}</b> 起 · 事故 {counts.accident} · 故障 {counts.breakdown} · 施工 {counts.works}
        <span>Under way</span>
      </p>
      {incidents.length ? (
        <ul className="traffic-incidents" data-testid="traffic-incidents">
          {incidents.slice(0, ROWS).map((x) => {
            const style = INCIDENT_STYLE[x.kind];
            return (
              <li key={x.id} className="traffic-incidents__row">
                <span className="traffic-incidents__kind" style={{ color: style.color, borderColor: style.color }}>
                  {style.name}
                </span>
                <span className="traffic-incidents__road">{x.roadName}</span>
                <span className="traffic-incidents__time">
                  {formatHm(x.since)} · {Math.max(0, Math.round((v.time - x.since) / 60_000))} 分钟
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="traffic-incidents__empty">
          暂无交通事件<span>No incidents</span>
        </p>
      )}
    </>
  );
}
