import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { Board, Catalog, CityEvent } from '../../../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC, EVENTS_CATALOG_TOPIC } from '../../../hub/topics/events.ts';
import { shortName, useDistrictNames } from '../../district-names.ts';
import { catalogIndex, dueAt, urgentOf, type CatalogIndex } from '../board.ts';
import { LEVEL_COLORS, LEVEL_SHORT, STATUS_NAMES, UNKNOWN_CATEGORY_COLOR, formatCountdown } from '../scales.ts';
import { useWallSecond } from '../use-wall-second.ts';

/** Rows rendered; the list shows as many whole rows as its height holds (the rest wrap out of sight). */
export const LIST_ROWS = 14;

/** The SLA cell of a row: the countdown to accept-by or the deadline, or why the clock has stopped. */
export function slaCell(e: CityEvent, now: number): { text: string; label: string; tone: 'alarm' | 'warning' | 'normal' | 'muted' } {
  const due = dueAt(e);
  if (due === null) return { text: STATUS_NAMES[e.status], label: '待核查', tone: 'muted' };
  const c = formatCountdown(due, now);
  const label = e.status === 'reported' ? '立案时限' : '处置时限';
  return { text: c.text, label, tone: c.overdue ? 'alarm' : c.urgent ? 'warning' : 'normal' };
}

function Row({ e, now, index, names }: { e: CityEvent; now: number; index: CatalogIndex; names: Map<string, string> }) {
  const category = index.categories.get(e.category);
  const colour = category?.colour ?? UNKNOWN_CATEGORY_COLOR;
  const sla = slaCell(e, now);
  const district = names.get(e.district);
  return (
    <li className="events-list__row" style={{ borderLeftColor: LEVEL_COLORS[e.level] }} data-id={e.id} data-level={e.level} data-status={e.status}>
      <span className="events-list__category" style={{ color: colour, borderColor: colour }}>
        {category?.name ?? e.category}
      </span>
      <span className="events-list__title">{e.title}</span>
      <span className={`events-list__sla events-list__sla--${sla.tone}`}>{sla.text}</span>
      <span className="events-list__meta">
        <b style={{ color: LEVEL_COLORS[e.level] }}>{LEVEL_SHORT[e.level]}</b>
        {district ? shortName(district) : e.district} · {STATUS_NAMES[e.status]}
        {e.escalated && <em className="events-flag events-flag--escalated">督办</em>}
        {e.overdue && <em className="events-flag events-flag--overdue">超期</em>}
      </span>
      <span className="events-list__sla-label">{sla.tone === 'muted' ? '' : sla.label}</span>
    </li>
  );
}

/**
 * 待办事件: open events, most urgent first (red, escalated and overdue first, then by the moment
 * their clock runs out), each with its SLA countdown ticking on the wall clock; overdue ones read
 * 超期 +h:mm. The order is computed once per board change; each second only the clocks move.
 */
export function EventListPanel() {
  const v = useTopic<Board>(EVENTS_BOARD_TOPIC);
  const catalog = useTopic<Catalog>(EVENTS_CATALOG_TOPIC)?.data;
  const index = useMemo(() => catalogIndex(catalog), [catalog]);
  const names = useDistrictNames();
  const events = v?.data.events;
  const urgent = useMemo(() => (events ? urgentOf(events) : []), [events]);
  const counts = useMemo(() => ({ overdue: urgent.filter((e) => e.overdue).length, escalated: urgent.filter((e) => e.escalated).length }), [urgent]);
  const now = useWallSecond();
  if (!v) return <PanelWaiting />;
  if (!urgent.length) {
    return (
      <p className="events-empty" data-testid="events-list-empty">
        暂无待办事件<span>No open events</span>
      </p>
    );
  }
  return (
    <>
      <p className="events-caption">
        在办 <b>{urgent.length.toLocaleString('zh-CN')}</b> 件 · 超期 <b className={counts.overdue ? 'events-caption--alarm' : ''}>{counts.overdue}</b> · 督办{' '}
        <b className={counts.escalated ? 'events-caption--warning' : ''}>{counts.escalated}</b>
      </p>
      <ul className="events-list" data-testid="events-list">
        {urgent.slice(0, LIST_ROWS).map((e) => (
          <Row key={e.id} e={e} now={now} index={index} names={names} />
        ))}
      </ul>
    </>
  );
}
