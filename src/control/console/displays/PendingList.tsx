import { useHubNow } from '../events/desk-context.ts';
import { useDisplays, useDisplaysState } from './displays-context.ts';
import { describeSlot, formatAgo, formatCode, formatLeft, normaliseCode, sortPending } from './displays-model.ts';

/** Screens waiting with a pairing code, oldest first: pick one to fill the approve form, or refuse it. */
export function PendingList() {
  const desk = useDisplays();
  const pending = useDisplaysState((s) => s.data?.pending ?? null);
  const picked = useDisplaysState((s) => normaliseCode(s.draft.code));
  const refusing = useDisplaysState((s) => s.refusing);
  const now = useHubNow();
  return (
    <div className="pending" data-testid="pending">
      <div className="card-head">
        <h2>待批准 Waiting for approval</h2>
        {pending && <span className="card-head__meta" data-testid="pending-count">{pending.length}</span>}
      </div>
      {!pending ? (
        <p className="console-empty">加载中 Loading…</p>
      ) : !pending.length ? (
        <p className="console-empty" data-testid="pending-empty">
          没有等待批准的显示屏。新显示屏会全屏显示 6 位配对码。
          <br />
          No display is waiting. A new screen shows a 6-digit pairing code full screen.
        </p>
      ) : (
        <ul className="pending-list" data-testid="pending-list">
          {sortPending(pending).map((p) => {
            const left = formatLeft(p.expiresAt - now);
            return (
              <li
                key={p.code}
                className={`pending-row${picked === p.code ? ' pending-row--picked' : ''}${left ? '' : ' pending-row--expired'}`}
                data-testid={`pending-row-${p.code}`}
                data-code={p.code}
              >
                <button type="button" className="pending-row__pick" aria-pressed={picked === p.code} data-testid={`pending-pick-${p.code}`} onClick={() => desk.pick(p.code)}>
                  <span className="pairing-code" data-testid={`pending-code-${p.code}`}>
                    {formatCode(p.code)}
                  </span>
                  <span className="pending-row__facts">
                    <span>
                      请求位置 Asks for: <strong>{describeSlot(p.hint)}</strong>
                    </span>
                    <span>来自 From: {p.address}</span>
                    <span>
                      {formatAgo(now - p.requestedAt)} · {left ? `剩余 ${left} left` : '已过期 expired'}
                    </span>
                  </span>
                </button>
                <button
                  type="button"
                  className="btn btn--warn"
                  data-testid={`pending-refuse-${p.code}`}
                  disabled={refusing !== null}
                  onClick={() => void desk.refuse(p.code)}
                >
                  {refusing === p.code ? '拒绝中 Refusing…' : '拒绝 Refuse'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
