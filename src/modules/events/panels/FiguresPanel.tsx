import { Fragment, useMemo, type ReactNode } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { formatPercent } from '../../../core/format.ts';
import { KpiTile } from '../../../panels/KpiTile.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { Board } from '../../../hub/events/schemas.ts';
import { EVENTS_BOARD_TOPIC } from '../../../hub/topics/events.ts';
import { liveCounts } from '../board.ts';

const n = (v: number) => v.toLocaleString('zh-CN');

type Figure = 'reported' | 'closed' | 'open' | 'overdue' | 'closure-rate' | 'active-alerts';

/**
 * Today's figures as KPI tiles. Reported, closed and the closure rate are the hub's count of the
 * day (the board's `stats`); open, overdue and active alerts are counted on the board itself, so
 * they agree with the list, the alerts and the map beside them.
 */
function Figures({ show, id, tileId }: { show: readonly Figure[]; id: string; tileId: string }) {
  const v = useTopic<Board>(EVENTS_BOARD_TOPIC);
  const board = v?.data;
  const live = useMemo(() => (board ? liveCounts(board) : null), [board]);
  if (!board || !live) return <PanelWaiting />;
  const s = board.stats;
  const tiles: Record<Figure, ReactNode> = {
    reported: <KpiTile label="今日上报" labelEn="Reported" value={s ? n(s.reported) : '—'} unit="件" testId={`${tileId}-reported`} />,
    closed: <KpiTile label="今日结案" labelEn="Closed" value={s ? n(s.closed) : '—'} unit="件" testId={`${tileId}-closed`} />,
    open: <KpiTile label="在办" labelEn="Open" value={n(live.open)} unit="件" testId={`${tileId}-open`} />,
    overdue: (
      <div className={live.overdue > 0 ? 'events-kpi--alarm' : 'events-kpi--ok'}>
        <KpiTile label="超期" labelEn="Overdue" value={n(live.overdue)} unit="件" testId={`${tileId}-overdue`} />
      </div>
    ),
    'closure-rate': <KpiTile label="结案率" labelEn="Closure rate" value={s ? formatPercent(s.closureRate) : '—'} testId={`${tileId}-closure-rate`} />,
    'active-alerts': (
      <div className={live.activeAlerts > 0 ? 'events-kpi--warning' : 'events-kpi--ok'}>
        <KpiTile label="活跃预警" labelEn="Active alerts" value={n(live.activeAlerts)} unit="条" testId={`${tileId}-active-alerts`} />
      </div>
    ),
  };
  return (
    <div className="kpi-grid events-kpis" data-testid={id}>
      {show.map((f) => (
        <Fragment key={f}>{tiles[f]}</Fragment>
      ))}
    </div>
  );
}

/** 今日事件: today's figures, six tiles. Any scene may place it. */
export function FiguresPanel() {
  return <Figures show={['reported', 'closed', 'open', 'overdue', 'closure-rate', 'active-alerts']} id="events-figures" tileId="events" />;
}

/** 城市事件: the same day in four figures, for a scene whose slots are short (the overview). */
export function TodayPanel() {
  return <Figures show={['reported', 'closed', 'overdue', 'closure-rate']} id="events-today" tileId="events-today" />;
}
