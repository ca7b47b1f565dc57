import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ConsoleRuntime } from '../console-context.ts';
import { DisplaysClient } from './displays-client.ts';
import { DisplaysDesk, type DisplaysState } from './displays-desk.ts';

/** The Displays view of one signed-in session: its REST client carries that session's token. */
export function createDisplaysDesk(hubUrl: string, { store, client }: ConsoleRuntime): DisplaysDesk {
  const displays = new DisplaysClient(hubUrl, {
    token: () => store.getState().session?.token ?? null,
    // The hub no longer takes the token (expired, revoked): back to sign-in, saying why — the same
    // path as the events desk (createDesk).
    onUnauthorised: () => {
      if (!store.getState().session) return;
      void client.signOut();
      store.setState({ signInMessage: '登录已失效，请重新登录 Session no longer valid: sign in again' });
    },
    // Counted with the console's other dropped payloads (ConsoleState.rejected).
    onRejected: (what, why) => store.setState((s) => ({ rejected: s.rejected + 1, lastRejection: `${what}: ${why}` })),
  });
  return new DisplaysDesk(displays);
}

export const DisplaysContext = createContext<DisplaysDesk | null>(null);

export function useDisplays(): DisplaysDesk {
  const d = useContext(DisplaysContext);
  if (!d) throw new Error('useDisplays outside the Displays view');
  return d;
}
export function useDisplaysState<T>(selector: (s: DisplaysState) => T): T {
  return useStore(useDisplays().store, selector);
}
