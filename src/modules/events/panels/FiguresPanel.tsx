import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { formatPercent } from '../../../core/format.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { Board } from '../../../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC } from '../../../hub/topics/events.ts';
import { liveCounts } from '../board.ts';

const n = (v: number) => v.toLocaleString('zh-CN');

/**
 * 今日事件: today's figures. Reported, closed and the closure rate are the hub's count of the day
 * (the board's `stats`); open, overdue and active alerts are counted on the board itself, so they
 * agree with the list, the alerts and the map beside them. Any scene may place it (the overview's
 * world shows the center's work beside the city's figures).
 */
export function FiguresPanel() {
  const v = useTopic<Board>(EVENTS_BOARD_TOPIC);
  const board = v?.data;
  const live = useMemo(() => (board ? liveCounts(board) : null), [board]);
  if (!board || !live) return <PanelWaiting />;
  const s = board.stats;
  return (
    <div className="kpi-grid events-kpis" data-testid="events-figures">
      <KpiTile label="今日上报" labelEn="Reported" value={s ? n(s.reported) : '—'} unit="件" testId="events-reported" />
      <KpiTile label="今日结案" labelEn="Closed" value={s ? n(s.closed) : '—'} unit="件" testId="events-closed" />
      <KpiTile label="在办" labelEn="Open" value={n(live.open)} unit="件" testId="events-open" />
      <div className={live.overdue > 0 ? 'events-kpi--alarm' : 'events-kpi--ok'}>
        <KpiTile label="超期" labelEn="Overdue" value={n(live.overdue)} unit="件" testId="events-overdue" />
      </div>
      <KpiTile label="结案率" labelEn="Closure rate" value={s ? formatPercent(s.closureRate) : '—'} testId="events-closure-rate" />
      <div className={live.activeAlerts > 0 ? 'events-kpi--warning' : 'events-kpi--ok'}>
        <KpiTile label="活跃预警" labelEn="Active alerts" value={n(live.activeAlerts)} unit="条" testId="events-active-alerts" />
      </div>
    </div>
  );
}

/**
 * 事件概况: the same day in four figures (reported, closed, overdue, closure rate), for a scene whose
 * slots are short: the overview places it beside the city's figures.
 */
export function TodayPanel() {
  const v = useTopic<Board>(EVENTS_BOARD_TOPIC);
  const board = v?.data;
  const live = useMemo(() => (board ? liveCounts(board) : null), [board]);
  if (!board || !live) return <PanelWaiting />;
  const s = board.stats;
  return (
    <div className="kpi-grid events-kpis" data-testid="events-today">
      <KpiTile label="今日上报" labelEn="Reported" value={s ? n(s.reported) : '—'} unit="件" testId="events-today-reported" />
      <KpiTile label="今日结案" labelEn="Closed" value={s ? n(s.closed) : '—'} unit="件" testId="events-today-closed" />
      <div className={live.overdue > 0 ? 'events-kpi--alarm' : 'events-kpi--ok'}>
        <KpiTile label="超期" labelEn="Overdue" value={n(live.overdue)} unit="件" testId="events-today-overdue" />
      </div>
      <KpiTile label="结案率" labelEn="Closure rate" value={s ? formatPercent(s.closureRate) : '—'} testId="events-today-closure-rate" />
    </div>
  );
}
