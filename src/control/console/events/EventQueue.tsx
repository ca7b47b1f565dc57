import { useEffect, useState } from 'react';
import { EVENT_STATUSES } from '../../../hub/contract.ts';
import { useConsoleState } from '../console-context.ts';
import { districtName } from '../console-model.ts';
import { useDesk, useDeskState, useHubNow } from './desk-context.ts';
import { DEFAULT_FILTER, LEVEL_STYLE, MAX_TEXT, QUEUE_PAGE, STATUS_LABELS, categoryName, slaOf } from './events-model.ts';

function QueueFilters() {
  const desk = useDesk();
  const filter = useDeskState((s) => s.filter);
  const catalog = useDeskState((s) => s.catalog);
  const districts = useConsoleState((s) => s.districts);
  const [q, setQ] = useState(filter.q);
  // Search as the operator types, once they pause.
  useEffect(() => {
    if (q === desk.store.getState().filter.q) return;
    const t = setTimeout(() => desk.setFilter({ q }), 400);
    return () => clearTimeout(t);
  }, [q, desk]);
  useEffect(() => setQ(filter.q), [filter.q]);

  const toggleStatus = (s: (typeof EVENT_STATUSES)[number]) =>
    desk.setFilter({ statuses: filter.statuses.includes(s) ? filter.statuses.filter((x) => x !== s) : [...filter.statuses, s] });

  return (
    <div className="queue-filters">
      <div className="row">
        <input
          type="search"
          className="grow"
          placeholder="搜索标题、描述、地址 Search"
          value={q}
          maxLength={MAX_TEXT.q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="filter-q"
          aria-label="搜索 Search"
        />
        <select value={filter.category} onChange={(e) => desk.setFilter({ category: e.target.value })} data-testid="filter-category" aria-label="类别 Category">
          <option value="">全部类别 All</option>
          {catalog?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} {c.nameEn}
            </option>
          ))}
        </select>
        <select value={filter.district} onChange={(e) => desk.setFilter({ district: e.target.value })} data-testid="filter-district" aria-label="区县 District">
          <option value="">全部区县 All</option>
          {districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name} {d.nameEn}
            </option>
          ))}
        </select>
      </div>
      <div className="chips" role="group" aria-label="状态 Status">
        <button
          type="button"
          className="chip"
          aria-pressed={filter.open && !filter.statuses.length}
          disabled={filter.statuses.length > 0}
          data-testid="filter-open"
          onClick={() => desk.setFilter({ open: !filter.open })}
        >
          未结 Open
        </button>
        <button type="button" className="chip chip--alarm" aria-pressed={filter.overdue} data-testid="filter-overdue" onClick={() => desk.setFilter({ overdue: !filter.overdue })}>
          超期 Overdue
        </button>
        <details className="status-filter">
          <summary className="chip" data-testid="filter-status" aria-pressed={filter.statuses.length > 0}>
            状态 Status{filter.statuses.length ? `: ${filter.statuses.map((s) => STATUS_LABELS[s].split(' ')[0]).join('、')}` : ''}
          </summary>
          <div className="chips">
            {EVENT_STATUSES.map((s) => (
              <button key={s} type="button" className="chip" aria-pressed={filter.statuses.includes(s)} data-testid={`filter-status-${s}`} onClick={() => toggleStatus(s)}>
                {STATUS_LABELS[s]}
              </button>
            ))}
          </div>
        </details>
        <button type="button" className="chip chip--plain" data-testid="filter-reset" onClick={() => desk.setFilter(DEFAULT_FILTER)}>
          重置 Reset
        </button>
      </div>
    </div>
  );
}

/** The queue: one page of events, most urgent first, each with its SLA clock. */
export function EventQueue() {
  const desk = useDesk();
  const queue = useDeskState((s) => s.queue);
  const loading = useDeskState((s) => s.queueLoading);
  const page = useDeskState((s) => s.page);
  const selectedId = useDeskState((s) => s.selectedId);
  const catalog = useDeskState((s) => s.catalog);
  const districts = useConsoleState((s) => s.districts);
  const now = useHubNow();
  const pages = queue ? Math.max(1, Math.ceil(queue.total / QUEUE_PAGE)) : 1;

  return (
    <section className="console-card queue" aria-label="事件队列 Event queue">
      <div className="card-head">
        <h2>事件队列 Event queue</h2>
        <span className="card-head__meta" data-testid="queue-total" data-total={queue?.total ?? ''}>
          {queue ? `共 ${queue.total} 件 events` : '加载中 Loading…'}
          {loading && queue ? ' · 刷新中 refreshing' : ''}
        </span>
      </div>
      <QueueFilters />
      {queue && !queue.events.length && <p className="console-empty">无符合条件的事件 No event matches</p>}
      <ol className="queue-list" data-testid="event-queue">
        {queue?.events.map((e) => {
          const sla = slaOf(e, now);
          return (
            <li key={e.id}>
              <button
                type="button"
                className="queue-row"
                aria-pressed={e.id === selectedId}
                data-testid="event-row"
                data-id={e.id}
                data-status={e.status}
                data-level={e.level}
                data-overdue={e.overdue}
                data-escalated={e.escalated}
                onClick={() => desk.select(e.id)}
              >
                <span className="level-bar" style={{ background: LEVEL_STYLE[e.level].colour }} aria-label={LEVEL_STYLE[e.level].label} />
                <span className="queue-row__main">
                  <span className="queue-row__title">{e.title}</span>
                  <span className="queue-row__meta">
                    {categoryName(catalog, e.category)} · {districtName(e.district, { districts })}
                  </span>
                  <span className="queue-row__id">{e.id}</span>
                </span>
                <span className="queue-row__side">
                  <span className="queue-row__tags">
                    {e.overdue && <span className="tag tag--alarm">超期 Overdue</span>}
                    {e.escalated && <span className="tag tag--warning">督办 Escalated</span>}
                    <span className={`tag tag--status tag--${e.status}`}>{STATUS_LABELS[e.status]}</span>
                  </span>
                  <span className={`sla sla--${sla.tone}`} data-testid="event-sla" data-remaining={sla.remainingMs ?? ''}>
                    {sla.text}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {pages > 1 && (
        <div className="queue-pager">
          <button type="button" className="btn btn--small" disabled={page === 0} data-testid="queue-prev" onClick={() => desk.setPage(page - 1)}>
            ‹ 上一页 Prev
          </button>
          <span data-testid="queue-page">
            第 {page + 1} / {pages} 页 Page
          </span>
          <button type="button" className="btn btn--small" disabled={page + 1 >= pages} data-testid="queue-next" onClick={() => desk.setPage(page + 1)}>
            下一页 Next ›
          </button>
        </div>
      )}
    </section>
  );
}
