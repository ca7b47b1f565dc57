import { useStore } from 'zustand';
import { formatAge } from '../core/format.ts';
import { useNow } from './use-now.ts';
import { useWallRuntime } from './wall-runtime.ts';

/** How long the badge says 限流 Shedding after the feed last let events go unread. */
const SHEDDING_SHOWN_MS = 5_000;

const LABELS = {
  connecting: { cn: '连接中', en: 'Connecting' },
  live: { cn: '实时', en: 'Live' },
  reconnecting: { cn: '重连中', en: 'Reconnecting' },
  offline: { cn: '离线', en: 'Offline' },
} as const;
/** Connected while the wall replays the past: "live" beside the playback badge would contradict it. */
const ONLINE = { cn: '在线', en: 'Online' } as const;

export function ConnectionBadge() {
  const { connection, diagnostics, control } = useWallRuntime();
  const replaying = useStore(control, (s) => s.state?.time.mode === 'playback');
  const status = useStore(connection, (s) => s.status);
  const dataTime = useStore(connection, (s) => s.dataTime);
  const simulated = useStore(connection, (s) => s.simulated);
  const shedAt = useStore(diagnostics, (s) => s.shedAt);
  const now = useNow();
  // A flood from the hub: the wall reads only the newest event of each topic and says so.
  const shedding = shedAt !== null && now - shedAt < SHEDDING_SHOWN_MS;
  // A status this badge does not know reads as the worst one, not as a crash.
  const label = status === 'live' && replaying ? ONLINE : (LABELS[status] ?? LABELS.offline);
  return (
    <div className={`badge badge--${status}`} data-testid="connection-badge" data-status={status} role="status">
      <span className="badge__dot" aria-hidden />
      <span className="badge__text">
        {label.cn}
        <small>{label.en}</small>
      </span>
      <span className="badge__age" data-testid="data-age">
        数据 {dataTime === null ? '—' : formatAge(now - dataTime)}
        {simulated && <small>模拟数据 Simulated</small>}
        {shedding && (
          <small className="badge__shedding" data-testid="shedding">
            限流 Shedding
          </small>
        )}
      </span>
    </div>
  );
}
