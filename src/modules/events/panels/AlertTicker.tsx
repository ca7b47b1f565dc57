import { useMemo } from 'react';
import { useTopic, useWallRuntime } from '../../../core/wall-context.ts';
import { formatHm } from '../../../core/format.ts';
import { METRICS, type Alert, type Board } from '../../../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC } from '../../../hub/topics/events.ts';
import { newestAlerts } from '../board.ts';
import { LEVEL_COLORS, LEVEL_NAMES, formatReading } from '../scales.ts';

/** The ticker carries the newest this many alerts. */
export const TICKER_ITEMS = 12;
/** Design px per second: calm enough to read a whole item as it passes, at five metres. */
export const TICKER_SPEED_PX_S = 40;
/** About how wide one item is at the design size (the loop's length, and so its duration, follows it). */
const ITEM_WIDTH_PX = 400;

function Item({ a }: { a: Alert }) {
  return (
    <li className="events-ticker__item" data-id={a.id} data-level={a.level}>
      <span className="events-ticker__level" style={{ background: LEVEL_COLORS[a.level] }}>
        {LEVEL_NAMES[a.level]}
      </span>
      <span className="events-ticker__place">{a.place.name}</span>
      <span className="events-ticker__reading">
        {METRICS[a.metric].name} {formatReading(a.metric, a.value)}
      </span>
      <span className="events-ticker__time">{formatHm(a.openedAt)}</span>
    </li>
  );
}

/**
 * 最新预警: the newest alerts along the bottom of the wall, newest first, in their level's colour,
 * with the place and the reading and its unit. The strip loops slowly (the items twice over, so it
 * never jumps), stands still with ?anim=0, and stands still when everything fits.
 */
export function AlertTicker() {
  const v = useTopic<Board>(EVENTS_BOARD_TOPIC);
  const { flags } = useWallRuntime();
  const alerts = v?.data.alerts;
  const items = useMemo(() => (alerts ? newestAlerts(alerts, TICKER_ITEMS) : []), [alerts]);
  if (!v) return null;
  const moving = flags.anim && items.length > 2;
  const seconds = Math.max(20, Math.round((items.length * ITEM_WIDTH_PX) / TICKER_SPEED_PX_S));
  return (
    <section className="events-ticker" data-testid="events-ticker" aria-label="最新预警 Newest alerts">
      <h2 className="events-ticker__title">
        最新预警<span>Alerts</span>
      </h2>
      <div className="events-ticker__window">
        {items.length ? (
          <ul className={`events-ticker__track${moving ? ' events-ticker__track--moving' : ''}`} style={moving ? { animationDuration: `${seconds}s` } : undefined}>
            {items.map((a) => (
              <Item key={a.id} a={a} />
            ))}
            {moving && items.map((a) => <Item key={`again-${a.id}`} a={a} />)}
          </ul>
        ) : (
          <p className="events-ticker__none">暂无预警 No active alerts</p>
        )}
      </div>
    </section>
  );
}
