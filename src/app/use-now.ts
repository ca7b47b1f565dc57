import { useEffect, useState } from 'react';

/** Re-renders every `periodMs` with the current time: clocks and data ages never look frozen. */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(id);
  }, [periodMs]);
  return now;
}
