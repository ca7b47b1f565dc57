import { useStore } from 'zustand';
import { formatAge } from './format.ts';
import { useNow } from './use-now.ts';
import { useWallRuntime } from './wall-runtime.ts';

const LABELS = {
  connecting: { cn: '连接中', en: 'Connecting' },
  live: { cn: '实时', en: 'Live' },
  reconnecting: { cn: '重连中', en: 'Reconnecting' },
  offline: { cn: '离线', en: 'Offline' },
} as const;

export function ConnectionBadge() {
  const { connection } = useWallRuntime();
  const status = useStore(connection, (s) => s.status);
  const dataTime = useStore(connection, (s) => s.dataTime);
  const simulated = useStore(connection, (s) => s.simulated);
  const now = useNow();
  const label = LABELS[status];
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
      </span>
    </div>
  );
}
