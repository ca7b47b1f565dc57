import { createContext, useContext, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ConsoleRuntime } from '../console-context.ts';
import { useConsoleState } from '../console-context.ts';
import { Desk, type DeskState } from './desk.ts';
import { EventsClient } from './events-client.ts';

/** The desk of one signed-in session: its REST client carries that session's token. */
export function createDesk(hubUrl: string, { store, client }: ConsoleRuntime): Desk {
  const events = new EventsClient(hubUrl, {
    token: () => store.getState().session?.token ?? null,
    // The hub no longer takes the token (expired, revoked): back to sign-in, saying why.
    onUnauthorised: () => {
      if (!store.getState().session) return;
      void client.signOut();
      store.setState({ signInMessage: '登录已失效，请重新登录 Session no longer valid: sign in again' });
    },
  });
  return new Desk(events);
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const d = useContext(DeskContext);
  if (!d) throw new Error('useDesk outside the events desk');
  return d;
}
export function useDeskState<T>(selector: (s: DeskState) => T): T {
  return useStore(useDesk().store, selector);
}

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
