import { useStore } from 'zustand';
import { useWallRuntime } from './wall-runtime.ts';

/**
 * Black over the whole display while the presenter has blanked the wall (a clicker's `b`): the
 * room looks at the speaker. Everything underneath keeps running, so unblanking shows the wall as
 * it is now, not as it was.
 */
export function WallBlank() {
  const blank = useStore(useWallRuntime().control, (s) => s.state?.blank === true);
  return blank ? <div className="wall-blank" data-testid="wall-blank" aria-label="黑屏 Blank" /> : null;
}
