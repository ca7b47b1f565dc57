import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useTopic, useWallRuntime } from '../../../core/wall-context.ts';
import { formatHm } from '../../../core/format.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { Board, Catalog } from '../../../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC, EVENTS_CATALOG_TOPIC } from '../../../hub/topics/events.ts';
import { shortName, useDistrictNames } from '../../district-names.ts';
import { catalogIndex, timelineOf, urgentOf } from '../board.ts';
import { chooseDetail, type DetailChoice } from '../describe.ts';
import { LEVEL_COLORS, LEVEL_NAMES, STATUS_NAMES, UNKNOWN_CATEGORY_COLOR } from '../scales.ts';
import { useWallSecond } from '../use-wall-second.ts';
import { slaCell } from './EventListPanel.tsx';

const WHY: Record<DetailChoice['why'], string> = {
  highlight: '控制台标注 · Highlighted',
  district: '所选区县最紧急 · Selected district',
  urgent: '当前最紧急 · Most urgent',
  latest: '最近办理 · Latest',
};

const SOURCES: Record<string, string> = { grid: '网格上报', hotline: '12345热线', sensor: '物联感知', rule: '预警规则', operator: '值班上报' };

/**
 * 事件详情: one event, with its lifecycle as a stepper (上报 → 立案 → 派遣 → 处置 → 反馈 → 核查 →
 * 结案, with the times the event carries; a refused one reads 上报 → 不予立案). Which event: the one
 * the console highlights, else the most urgent of the selected district, else the most urgent,
 * else (nothing open) the last one to change.
 */
export function DetailPanel() {
  const runtime = useWallRuntime();
  const highlight = useStore(runtime.control, (s) => s.state?.highlight ?? null);
  const district = useStore(runtime.selection, (s) => s.district);
  const v = useTopic<Board>(EVENTS_BOARD_TOPIC);
  const catalog = useTopic<Catalog>(EVENTS_CATALOG_TOPIC)?.data;
  const index = useMemo(() => catalogIndex(catalog), [catalog]);
  const names = useDistrictNames();
  const events = v?.data.events;
  const urgent = useMemo(() => (events ? urgentOf(events) : []), [events]);
  const point = highlight && 'point' in highlight ? highlight : null;
  const choice = useMemo(() => (events ? chooseDetail(events, urgent, point, district) : null), [events, urgent, point, district]);
  const now = useWallSecond();
  if (!v) return <PanelWaiting />;
  if (!choice) {
    return (
      <p className="events-empty events-empty--ok" data-testid="events-detail-empty">
        暂无事件<span>No events on the board</span>
      </p>
    );
  }
  const e = choice.event;
  const category = index.categories.get(e.category);
  const colour = category?.colour ?? UNKNOWN_CATEGORY_COLOR;
  const department = e.department ? index.departments.get(e.department)?.name : undefined;
  const sla = slaCell(e, now);
  const place = names.get(e.district);
  return (
    <div className="events-detail" data-testid="events-detail" data-event={e.id} data-status={e.status} data-why={choice.why}>
      <p className="events-detail__why">{WHY[choice.why]}</p>
      <div className="events-detail__head">
        <span className="events-list__category" style={{ color: colour, borderColor: colour }}>
          {category?.name ?? e.category}
        </span>
        <span className="events-detail__level" style={{ color: LEVEL_COLORS[e.level] }}>
          {LEVEL_NAMES[e.level]}
        </span>
        {e.escalated && <em className="events-flag events-flag--escalated">督办</em>}
        {e.overdue && <em className="events-flag events-flag--overdue">超期</em>}
        <span className={`events-detail__sla events-list__sla--${sla.tone}`}>{sla.text}</span>
      </div>
      <h3 className="events-detail__title">{e.title}</h3>
      <p className="events-detail__meta">
        {place ? shortName(place) : e.district}
        {e.address ? ` · ${e.address}` : ''} · {SOURCES[e.source] ?? e.source}
        {department ? ` · 承办 ${department}` : ''}
      </p>
      <ol className="events-stepper" data-testid="events-stepper" aria-label={`${STATUS_NAMES[e.status]} ${e.id}`}>
        {timelineOf(e).map((s) => (
          <li key={s.key} className={`events-stepper__step events-stepper__step--${s.state}${s.key === 'refused' ? ' events-stepper__step--refused' : ''}`}>
            <i />
            <span className="events-stepper__name">{s.name}</span>
            <span className="events-stepper__time">{s.at !== null ? formatHm(s.at) : s.state === 'done' ? '✓' : '—'}</span>
          </li>
        ))}
      </ol>
      <p className="events-detail__id">{e.id}</p>
    </div>
  );
}
