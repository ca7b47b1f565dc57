import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { formatSince } from '../../../core/format.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { LEVELS, METRICS, type Board } from '../../../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC } from '../../../hub/topics/events.ts';
import { alertCounts, alertsByLevel } from '../board.ts';
import { LEVEL_COLORS, LEVEL_NAMES, LEVEL_SHORT, formatReading } from '../scales.ts';
import { useWallSecond } from '../use-wall-second.ts';

export const ALERT_ROWS = 8;

/** 预警信息: active alerts, the highest level first: level, place, what was measured, since when. */
export function AlertsPanel() {
  const v = useTopic<Board>(EVENTS_BOARD_TOPIC);
  const alerts = v?.data.alerts;
  const rows = useMemo(() => (alerts ? alertsByLevel(alerts) : []), [alerts]);
  const counts = useMemo(() => (alerts ? alertCounts(alerts) : null), [alerts]);
  const now = useWallSecond();
  if (!v || !counts) return <PanelWaiting />;
  return (
    <>
      <ul className="events-levels" data-testid="events-alert-counts">
        {[...LEVELS].reverse().map((l) => (
          <li key={l} style={{ color: LEVEL_COLORS[l], borderColor: LEVEL_COLORS[l] }} className={counts[l] ? '' : 'events-levels--none'}>
            {LEVEL_SHORT[l]} <b>{counts[l]}</b>
          </li>
        ))}
      </ul>
      {rows.length ? (
        <ul className="events-alerts" data-testid="events-alerts">
          {rows.slice(0, ALERT_ROWS).map((a) => (
            <li key={a.id} className="events-alerts__row" data-id={a.id} data-level={a.level}>
              <span className="events-alerts__level" style={{ color: LEVEL_COLORS[a.level], borderColor: LEVEL_COLORS[a.level] }}>
                {LEVEL_NAMES[a.level]}
              </span>
              <span className="events-alerts__place">{a.place.name}</span>
              <span className="events-alerts__reading">
                {METRICS[a.metric].name}
                <b>{formatReading(a.metric, a.value)}</b>
              </span>
              <span className="events-alerts__since">{formatSince(a.openedAt, now)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="events-empty events-empty--ok" data-testid="events-alerts-empty">
          暂无预警<span>No active alerts</span>
        </p>
      )}
    </>
  );
}
