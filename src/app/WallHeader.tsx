import { ConnectionBadge } from './ConnectionBadge.tsx';
import { PlaybackBadge } from '../control/PlaybackBadge.tsx';
import { formatClock } from '../core/format.ts';
import { useNow } from './use-now.ts';

export function WallHeader({ sceneTitle, sceneTitleEn }: { sceneTitle: string; sceneTitleEn: string }) {
  const now = useNow();
  const clock = formatClock(now);
  return (
    <header className="wall-header">
      <div className="wall-header__title">
        <h1>城市运行管理中心</h1>
        <span>City Operations Center · 重庆 Chongqing</span>
      </div>
      <div className="wall-header__scene" data-testid="scene-title">
        <strong>{sceneTitle}</strong>
        <span>{sceneTitleEn}</span>
      </div>
      <div className="wall-header__status">
        <PlaybackBadge />
        <div className="clock" data-testid="clock">
          <strong>{clock.time}</strong>
          <span>{clock.date}</span>
        </div>
        <ConnectionBadge />
      </div>
    </header>
  );
}
