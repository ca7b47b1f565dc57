import { useEffect, useState } from 'react';
import { createDeskContext, sessionAuth, useConsoleState, type ConsoleRuntime } from '../console-context.ts';
import { Desk } from './desk.ts';
import { EventsClient } from './events-client.ts';

/** The desk of one signed-in session: its REST client carries that session's token. */
export function createDesk(hubUrl: string, runtime: ConsoleRuntime): Desk {
  return new Desk(new EventsClient(hubUrl, sessionAuth(runtime)));
}

export const {
  Provider: DeskProvider,
  useValue: useDesk,
  useSlice: useDeskState,
} = createDeskContext<Desk>('useDesk outside the events desk');

/** Hub time, ticking: SLA clocks count against the hub's clock, not the tablet's. */
export function useHubNow(periodMs = 1_000): number {
  const offset = useConsoleState((s) => s.hubOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(t);
  }, [periodMs]);
  return now + offset;
}
