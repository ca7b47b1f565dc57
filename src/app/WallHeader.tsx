import { useStore } from 'zustand';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { WallBoundary } from './ErrorBoundary.tsx';
import { safeClock, safeIso, safeTime } from './time-text.ts';
import { formatMoment } from '../core/format.ts';
import { wallNow } from '../core/wall-clock.ts';
import { caughtUp, replayedAt } from '../hub/replay-clock.ts';
import { useNow } from './use-now.ts';
import { useWallRuntime } from './wall-runtime.ts';
import '../control/playback-badge.css';

/**
 * Shown while the console has set the wall to a past moment: nobody should take it for live. A
 * moment a date cannot show reads "—" and the badge still says 回放 Playback, which matters more
 * than the time.
 */
function PlaybackBadge({ at, rate, paused, present }: { at: number; rate: number; paused: boolean; present: boolean }) {
  return (
    <div className="playback-badge" data-testid="playback-badge" data-at={at} data-rate={rate} data-paused={paused} data-caught-up={present} role="status">
      <strong>回放</strong>
      <span>Playback</span>
      <time dateTime={safeIso(at)}>{safeTime(at, momentWithSeconds)}</time>
      <span data-testid="playback-rate">{paused ? '暂停 Paused' : present ? '已到当前 At the present' : `${rate}×`}</span>
    </div>
  );
}

/** The replayed moment to the second (Chongqing time): at 60× it moves a minute each second. */
const momentWithSeconds = (ms: number) => `${formatMoment(ms)}:${String(new Date(ms).getUTCSeconds()).padStart(2, '0')}`;

/** If even the time cannot be drawn, the wall must still say it is not live. */
function PlaybackBadgeBare() {
  return (
    <div className="playback-badge" data-testid="playback-badge" role="status">
      <strong>回放</strong>
      <span>Playback</span>
    </div>
  );
}

function Clock({ now }: { now: number }) {
  const clock = safeClock(now);
  return (
    <div className="clock" data-testid="clock">
      <strong>{clock.time}</strong>
      <span>{clock.date}</span>
    </div>
  );
}

/**
 * The header band. Each of its live parts has a boundary of its own, tried again each second
 * (with the clock), so one bad value costs that part, not the title, the clock or the link state.
 */
export function WallHeader({ sceneTitle, sceneTitleEn }: { sceneTitle: string; sceneTitleEn: string }) {
  const now = useNow();
  const time = useStore(useWallRuntime().control, (s) => s.state?.time);
  // The replayed clock (hub/replay-clock.ts), read again with each tick of `now`.
  const playback = time?.mode === 'playback' ? time : null;
  const playbackAt = playback ? replayedAt(playback, wallNow()) : null;
  return (
    <header className="wall-header">
      <div className="wall-header__title">
        <h1>城市运行管理中心</h1>
        <span>City Operations Center · 重庆 Chongqing</span>
      </div>
      <div className="wall-header__scene" data-testid="scene-title">
        <WallBoundary part="header scene title" resetKeys={[sceneTitle, sceneTitleEn]}>
          <strong>{sceneTitle}</strong>
          <span>{sceneTitleEn}</span>
        </WallBoundary>
      </div>
      <div className="wall-header__status">
        {playbackAt !== null && (
          <WallBoundary part="header playback badge" resetKeys={[playbackAt]} fallback={<PlaybackBadgeBare />}>
            <PlaybackBadge at={playbackAt} rate={playback?.rate ?? 1} paused={playback?.paused ?? false} present={playback !== null && caughtUp(playback, wallNow())} />
          </WallBoundary>
        )}
        <WallBoundary part="header clock" resetKeys={[now]} className="clock">
          <Clock now={now} />
        </WallBoundary>
        <WallBoundary part="header connection badge" resetKeys={[now]} className="badge">
          <ConnectionBadge />
        </WallBoundary>
      </div>
    </header>
  );
}
