import { formatMoment } from '../../../core/format.ts';
import { METRICS } from '../../../hub/contract.ts';
import { useConsoleState } from '../console-context.ts';
import { districtName } from '../console-model.ts';
import { useDesk, useDeskState, useHubNow } from './desk-context.ts';
import { LEVEL_STYLE, formatDuration, formatReading, metricName } from './events-model.ts';
import { ShowOnWall } from './WallLink.tsx';

/** Early-warning alerts: what a rule saw, where, how far over its threshold, and who has seen it. */
export function AlertList() {
  const desk = useDesk();
  const alerts = useDeskState((s) => s.alerts);
  const scope = useDeskState((s) => s.alertsScope);
  const acking = useDeskState((s) => s.acking);
  const districts = useConsoleState((s) => s.districts);
  const now = useHubNow(5_000);

  return (
    <section className="console-card alerts" aria-label="预警 Alerts">
      <div className="card-head">
        <h2>预警 Alerts</h2>
        <div className="chips" role="group" aria-label="范围 Scope">
          <button type="button" className="chip" aria-pressed={scope === 'active'} data-testid="alerts-active" onClick={() => desk.setAlertsScope('active')}>
            当前 Active
          </button>
          <button type="button" className="chip" aria-pressed={scope === 'all'} data-testid="alerts-all" onClick={() => desk.setAlertsScope('all')}>
            全部 All
          </button>
        </div>
      </div>
      {!alerts && <p className="console-empty">加载中 Loading…</p>}
      {alerts && !alerts.length && <p className="console-empty">当前无预警 No alert</p>}
      <ol className="alert-list" data-testid="alert-list">
        {alerts?.map((a) => (
          <li
            key={a.id}
            className={`alert-row alert-row--${a.status}`}
            style={{ borderLeftColor: LEVEL_STYLE[a.level].colour }}
            data-testid="alert-row"
            data-id={a.id}
            data-level={a.level}
            data-status={a.status}
            data-acked={a.acknowledgedBy !== undefined}
          >
            <div className="alert-row__head">
              <span className="tag" style={{ borderColor: LEVEL_STYLE[a.level].colour, color: LEVEL_STYLE[a.level].colour }}>
                {LEVEL_STYLE[a.level].label}
              </span>
              <strong className="alert-row__metric">{metricName(a.metric)}</strong>
              {a.status === 'cleared' && <span className="tag">已解除 Cleared</span>}
              <span className="alert-row__id">{a.id}</span>
            </div>
            <div className="alert-row__place">
              {a.place.name}
              <small>
                {' '}
                · {a.place.kind === 'site' ? '站点 Site' : '区县 District'} · {districtName(a.place.district, { districts })}
              </small>
            </div>
            <div className="alert-row__value">
              <span className="alert-row__reading" data-testid="alert-value">
                {formatReading(a.metric, a.value)}
              </span>
              <span className="alert-row__threshold">阈值 Threshold ≥ {formatReading(a.metric, a.threshold)}</span>
            </div>
            <dl className="alert-row__times">
              <div>
                <dt>发生 Opened</dt>
                <dd>
                  {formatMoment(a.openedAt)} <small>({formatDuration(now - a.openedAt)} 前 ago)</small>
                </dd>
              </div>
              <div>
                <dt>更新 Updated</dt>
                <dd>{formatMoment(a.updatedAt)}</dd>
              </div>
              <div>
                <dt>确认 Acknowledged</dt>
                <dd data-testid="alert-acked-by">{a.acknowledgedBy ? `${a.acknowledgedBy} · ${a.acknowledgedAt ? formatMoment(a.acknowledgedAt) : ''}` : '未确认 Not yet'}</dd>
              </div>
            </dl>
            <div className="alert-row__actions">
              <button
                type="button"
                className="btn"
                disabled={a.acknowledgedBy !== undefined || acking !== null}
                data-testid="alert-ack"
                onClick={() => void desk.ack(a.id)}
              >
                {acking === a.id ? '确认中… Sending' : a.acknowledgedBy ? '已确认 Acknowledged' : '确认 Acknowledge'}
              </button>
              {a.eventId && (
                <button type="button" className="btn" data-testid="alert-event" onClick={() => desk.openEvent(a.eventId!)}>
                  事件 Event {a.eventId}
                </button>
              )}
              <ShowOnWall position={a.place.position} label={`${a.place.name} ${METRICS[a.metric].name}`} testId="alert-show-on-wall" />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
