import { createDeskContext, sessionAuth, type ConsoleRuntime } from '../console-context.ts';
import { DisplaysClient } from './displays-client.ts';
import { DisplaysDesk } from './displays-desk.ts';

/** The Displays view of one signed-in session: its REST client carries that session's token. */
export function createDisplaysDesk(hubUrl: string, runtime: ConsoleRuntime): DisplaysDesk {
  const displays = new DisplaysClient(hubUrl, {
    ...sessionAuth(runtime),
    // Counted with the console's other dropped payloads (ConsoleState.rejected).
    onRejected: (what, why) => runtime.store.setState((s) => ({ rejected: s.rejected + 1, lastRejection: `${what}: ${why}` })),
  });
  return new DisplaysDesk(displays);
}

export const {
  Provider: DisplaysProvider,
  useValue: useDisplays,
  useSlice: useDisplaysState,
} = createDeskContext<DisplaysDesk>('useDisplays outside the Displays view');
