import { useStore } from 'zustand';
import { useWallRuntime } from '../app/wall-runtime.ts';
import './playback-badge.css';

const playbackFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** Shown while the console has set the wall to a past moment: nobody should take it for live. */
export function PlaybackBadge() {
  const time = useStore(useWallRuntime().control, (s) => s.state?.time);
  if (time?.mode !== 'playback') return null;
  return (
    <div className="playback-badge" data-testid="playback-badge" data-at={time.at} role="status">
      <strong>回放</strong>
      <span>Playback</span>
      <time dateTime={new Date(time.at).toISOString()}>{playbackFormat.format(time.at)}</time>
    </div>
  );
}
