import { useStore } from 'zustand';
import { formatMoment } from '../core/format.ts';
import { useWallRuntime } from '../core/wall-context.ts';
import './playback-badge.css';

/** Shown while the console has set the wall to a past moment: nobody should take it for live. */
export function PlaybackBadge() {
  const time = useStore(useWallRuntime().control, (s) => s.state?.time);
  if (time?.mode !== 'playback') return null;
  return (
    <div className="playback-badge" data-testid="playback-badge" data-at={time.at} role="status">
      <strong>回放</strong>
      <span>Playback</span>
      <time dateTime={new Date(time.at).toISOString()}>{formatMoment(time.at)}</time>
    </div>
  );
}
