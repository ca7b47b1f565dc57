import { useConsoleState } from '../console-context.ts';
import { AlertList } from './AlertList.tsx';
import { AuditLog } from './AuditLog.tsx';
import { DeskProvider, useDesk, useDeskState } from './desk-context.ts';
import type { Desk, DeskView } from './desk.ts';
import { EventDetailPane } from './EventDetail.tsx';
import { EventQueue } from './EventQueue.tsx';
import { AttentionControl } from './WallLink.tsx';
import './events.css';

const VIEWS: { id: DeskView; label: string }[] = [
  { id: 'events', label: '事件 Events' },
  { id: 'alerts', label: '预警 Alerts' },
  { id: 'audit', label: '审计 Audit' },
];

/** The events desk: the queue and the selected event, alerts, the audit log. Polls while mounted. */
export function EventDesk({ desk }: { desk: Desk }) {
  return (
    <DeskProvider desk={desk}>
      <DeskBody />
    </DeskProvider>
  );
}

function DeskBody() {
  const desk = useDesk();
  const view = useDeskState((s) => s.view);
  const error = useDeskState((s) => s.error);
  const unacked = useDeskState((s) => s.alerts?.filter((a) => a.status === 'active' && !a.acknowledgedBy).length ?? 0);
  const notice = useConsoleState((s) => s.notice);
  return (
    <div className="desk" data-testid="events-desk" data-view={view}>
      <div className="desk-bar">
        <nav className="desk-tabs" aria-label="调度台 Desk">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" className="desk-tab" aria-pressed={view === v.id} data-testid={`desk-tab-${v.id}`} onClick={() => desk.setView(v.id)}>
              {v.label}
              {v.id === 'alerts' && unacked > 0 && (
                <span className="badge" data-testid="alerts-unacked" aria-label={`${unacked} 条未确认 unacknowledged`}>
                  {unacked}
                </span>
              )}
            </button>
          ))}
        </nav>
        <AttentionControl />
      </div>
      {error && (
        <div className="console-notice console-notice--error desk-error" role="alert" data-testid="events-error" data-source={error.source}>
          <span>{error.text}</span>
          <button type="button" className="btn btn--small" data-testid="events-error-dismiss" onClick={() => desk.dismissError()} aria-label="关闭 Dismiss">
            ✕
          </button>
        </div>
      )}
      {notice && (
        <p className={`console-notice console-notice--${notice.tone}`} role="alert" data-testid="console-notice">
          {notice.text}
        </p>
      )}
      {view === 'events' && (
        <div className="desk-events">
          <EventQueue />
          <EventDetailPane />
        </div>
      )}
      {view === 'alerts' && <AlertList />}
      {view === 'audit' && <AuditLog />}
    </div>
  );
}
