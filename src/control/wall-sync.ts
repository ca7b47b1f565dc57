import type { Socket } from 'socket.io-client';
import type { ControlStore } from '../store/control-store.ts';
import { diagnosticsActions, type DiagnosticsStore } from '../store/diagnostics-store.ts';
import type { DistrictStore } from '../store/district-store.ts';
import type { SceneStore } from '../store/scene-store.ts';
import type { TopicStore } from '../store/topic-store.ts';
import { wallNow } from '../core/wall-clock.ts';
import { createWallApplier } from './apply-to-wall.ts';
import { bindDisplaySync, DisplaySync } from './display-sync.ts';
import { createTourDriver } from './tour-driver.ts';

/** Long enough for the ack to leave through the socket before the page goes away. */
const RELOAD_AFTER_ACK_MS = 300;

/**
 * A wall display obeying the hub: display sync on the live socket, applying to this display's
 * stores, acks back, and the held rev on <html data-wall-rev> for tests and field checks.
 */
export function bindWallControl(
  socket: Socket,
  deps: { wall: string; display: string; control: ControlStore; scenes: SceneStore; districts: DistrictStore; diagnostics: DiagnosticsStore; topics?: TopicStore },
) {
  const apply = createWallApplier({ display: deps.display, scenes: deps.scenes, districts: deps.districts, now: wallNow });
  // The wall's guided tour: which step shows now, its scene at each step's end (tour-driver.ts).
  const tours = createTourDriver({ control: deps.control, scenes: deps.scenes, topics: deps.topics, now: wallNow });
  const diag = diagnosticsActions(deps.diagnostics);
  deps.control.subscribe((s, prev) => {
    if (s.state?.rev !== prev.state?.rev) document.documentElement.dataset.wallRev = String(s.state?.rev ?? '');
    if (s.synced !== prev.synced) document.documentElement.dataset.wallSynced = s.synced ? '1' : '0';
  });
  exposeLinkHooks(socket);
  return bindDisplaySync(
    socket,
    (io) =>
      new DisplaySync({
        wall: deps.wall,
        display: deps.display,
        store: deps.control,
        apply,
        tourView: tours.view,
        ...io,
        reload: () => void setTimeout(() => location.reload(), RELOAD_AFTER_ACK_MS),
        rejected: (source, message) => diag.rejected(source, message),
      }),
  );
}

declare global {
  interface Window {
    /** Network-fault hooks for tests and field checks: the socket's transport drops as in a blip. */
    __onescreenControl?: { dropConnection: () => void; restoreConnection: () => void };
  }
}

/**
 * A dropped transport (not a polite disconnect) is what a network blip looks like: socket.io keeps
 * the session for recovery and replays missed packets on reconnect — the case display sync must
 * not turn into late commands. Reconnection is held off until restoreConnection.
 */
function exposeLinkHooks(socket: Socket) {
  window.__onescreenControl = {
    dropConnection: () => {
      socket.io.reconnection(false);
      socket.io.engine?.close();
    },
    restoreConnection: () => {
      socket.io.reconnection(true);
      socket.connect();
    },
  };
}
