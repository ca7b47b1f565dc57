import { formatHms } from '../../core/format.ts';
import type { WallStatus } from '../../hub/control.ts';
import { useConsoleState } from './console-context.ts';
import { STATUS_LABELS, describeCommand, logRows } from './console-model.ts';

const MARKS = { ok: '✓', failed: '✗', timeout: '⏱', waiting: '…' } as const;

export function CommandLog({ wall }: { wall: WallStatus }) {
  const sent = useConsoleState((s) => s.sent);
  const scenes = useConsoleState((s) => s.scenes);
  const districts = useConsoleState((s) => s.districts);
  const rows = logRows(wall, sent);
  if (!rows.length) return <p className="console-empty">暂无指令 No command yet</p>;
  return (
    <ol className="command-log" data-testid="command-log">
      {rows.map((r) => (
        <li key={r.id} className={`log-row log-row--${r.status}`} data-testid="log-row" data-status={r.status} data-rev={r.rev ?? ''}>
          <div className="log-row__head">
            <time>{formatHms(r.at)}</time>
            <span className="log-row__what">{describeCommand(r.command, { scenes, districts })}</span>
            <span className="log-row__status">{STATUS_LABELS[r.status]}</span>
          </div>
          <div className="log-row__meta">
            {r.rev !== null && <span>rev {r.rev}</span>}
            {r.by && <span>by {r.by}</span>}
            {r.displays.map((d) => (
              <span key={d.display} className={`ack ack--${d.state}`} data-testid={`ack-${d.display}`} data-state={d.state} title={d.error}>
                {MARKS[d.state]} {d.display}
                {d.state === 'timeout' && ' 超时 timed out'}
                {d.error && ` ${d.error}`}
              </span>
            ))}
            {r.message && <span className="log-row__message">{r.message}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}
