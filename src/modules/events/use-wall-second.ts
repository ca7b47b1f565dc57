import { useEffect, useState } from 'react';
import { wallNow } from '../../core/wall-clock.ts';

/**
 * The wall clock, re-read at each whole second: SLA countdowns tick together on every display of
 * a wall (hub time, not this browser's), and a panel that shows none does not pay for it.
 */
export function useWallSecond(): number {
  const [now, setNow] = useState(wallNow);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = wallNow();
      setNow(t);
      timer = setTimeout(tick, 1000 - (t % 1000) + 5);
    };
    timer = setTimeout(tick, 1000 - (wallNow() % 1000) + 5);
    return () => clearTimeout(timer);
  }, []);
  return now;
}
