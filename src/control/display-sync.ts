import type { Socket } from 'socket.io-client';
import { describeIssue } from '../hub/contract.ts';
import { CONTROL_EVENTS, WallDeltaSchema, WallSnapshotSchema, type WallAck, type WallDelta, type WallState } from '../hub/control.ts';
import { classifyDelta, controlActions, type ControlStore, type TourView, type WallChange } from '../store/control-store.ts';
import { syncWallClock } from '../core/wall-clock.ts';
import { applyCommand } from '../hub/wall-state.ts';

export interface DisplaySyncDeps {
  wall: string;
  display: string;
  store: ControlStore;
  /** Puts a state on this display (scene, layers…): returns why it could not, or null. */
  apply: (next: WallState, change: WallChange) => string | null;
  /** Asks the hub for a snapshot (`wall:join`); resolves with the raw answer. */
  join: () => Promise<unknown>;
  ack: (ack: WallAck) => void;
  /** Reloads the page, after the ack has had time to leave. */
  reload: () => void;
  /** A payload from the hub that failed validation: counted in diagnostics. */
  rejected: (source: string, message: string) => void;
  /** Whether a join may be retried now (the socket is connected). */
  connected: () => boolean;
  /** The tour step a state shows now (src/control/tour-driver.ts); stored with the state itself. */
  tourView?: (state: WallState) => TourView | null;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

/** Deltas held while a snapshot is on its way; more than this and the snapshot is asked again. */
export const MAX_BUFFERED_DELTAS = 64;
const JOIN_RETRY_MS = 2_000;

/**
 * The display's side of the wall state: a snapshot after every connect, then deltas strictly in
 * rev order. A delta at or below the held rev is a replay (socket.io's recovery, a duplicate) and is
 * ignored; one beyond the next rev means something was missed, and only a fresh snapshot can say
 * what the wall looks like now. So a command is applied once, in order, or not at all.
 */
export class DisplaySync {
  private held: WallState | null = null;
  /** Bumped by every join and disconnect: a late answer to an older join is dropped. */
  private joinSeq = 0;
  private joining = false;
  private buffer: WallDelta[] = [];
  private actions;
  private now;
  private setTimer;

  constructor(private deps: DisplaySyncDeps) {
    this.actions = controlActions(deps.store);
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  }

  get rev(): number | null {
    return this.held?.rev ?? null;
  }

  onConnect() {
    this.requestSnapshot();
  }

  onDisconnect() {
    this.joinSeq++;
    // Until the next snapshot every delta waits: socket.io's connection recovery hands the missed
    // events to the client before 'connect' fires, so they arrive before any join has been asked.
    this.joining = true;
    this.buffer = [];
    this.actions.unsynced();
  }

  private requestSnapshot() {
    const seq = ++this.joinSeq;
    this.joining = true;
    this.actions.unsynced();
    const sentAt = this.now();
    this.deps.join().then(
      (raw) => {
        if (seq === this.joinSeq) this.onSnapshot(raw, sentAt, this.now());
      },
      (err: Error) => {
        if (seq !== this.joinSeq) return;
        this.actions.error(`wall:join: ${err.message}`);
        this.retryJoin(seq);
      },
    );
  }

  private retryJoin(seq: number) {
    this.setTimer(() => {
      if (seq === this.joinSeq && this.deps.connected()) this.requestSnapshot();
    }, JOIN_RETRY_MS);
  }

  /** Public for tests: the answer to `wall:join`. */
  onSnapshot(raw: unknown, sentAt: number, receivedAt: number) {
    const parsed = WallSnapshotSchema.safeParse(raw);
    const seq = this.joinSeq;
    if (!parsed.success || parsed.data.state.wall !== this.deps.wall) {
      const why = parsed.success ? `snapshot of wall "${parsed.data.state.wall}"` : describeIssue(parsed.error);
      this.deps.rejected('wall:join', why);
      this.actions.error(`wall:join: ${why}`);
      this.retryJoin(seq);
      return;
    }
    syncWallClock(parsed.data.hubTime, sentAt, receivedAt);
    const state = parsed.data.state;
    const prev = this.held;
    this.held = state;
    this.joining = false;
    const error = this.deps.apply(state, { kind: 'snapshot', rev: state.rev, prev });
    if (error) this.actions.error(error);
    this.actions.snapshot(state, this.tourView(state));
    // Deltas that came while the snapshot was on its way: the ones it already holds are dropped.
    const pending = this.buffer.sort((a, b) => a.rev - b.rev);
    this.buffer = [];
    for (const delta of pending) {
      // After a gap has asked for another snapshot, the rest waits for it like any other delta.
      if (this.joining) this.buffer.push(delta);
      else this.take(delta);
    }
  }

  /** Public for tests: the edge where a `wall:delta` event enters the display. */
  onDelta(raw: unknown) {
    const parsed = WallDeltaSchema.safeParse(raw);
    if (!parsed.success) {
      this.deps.rejected('wall:delta', describeIssue(parsed.error));
      return;
    }
    if (parsed.data.wall !== this.deps.wall) return;
    if (this.joining || !this.held) {
      if (this.buffer.length >= MAX_BUFFERED_DELTAS) this.buffer.shift();
      this.buffer.push(parsed.data);
      return;
    }
    this.take(parsed.data);
  }

  /** A tour that cannot be shown must not stop the wall from following its state. */
  private tourView(state: WallState): TourView | null {
    try {
      return this.deps.tourView?.(state) ?? null;
    } catch (err) {
      this.actions.error(`tour: ${(err as Error).message}`);
      return null;
    }
  }

  private take(delta: WallDelta) {
    const kind = classifyDelta(this.held?.rev ?? null, delta.rev);
    if (kind === 'replay') return this.actions.replay();
    if (kind === 'gap') {
      this.actions.gap();
      this.requestSnapshot();
      this.buffer.push(delta);
      return;
    }
    const prev = this.held!;
    const next = applyCommand(prev, delta.command, delta.issuedAt);
    this.held = next;
    const change: WallChange = { kind: 'delta', rev: next.rev, prev, command: delta.command, commandId: delta.commandId, issuedAt: delta.issuedAt };
    let error: string | null;
    try {
      error = this.deps.apply(next, change);
    } catch (err) {
      error = `could not apply: ${(err as Error).message}`;
    }
    this.actions.delta(next, change, this.tourView(next));
    this.deps.ack({ rev: next.rev, commandId: delta.commandId, ok: error === null, ...(error ? { error: error.slice(0, 300) } : {}) });
    const { command } = delta;
    if (command.type === 'reload' && (command.display === undefined || command.display === this.deps.display)) this.deps.reload();
  }
}

const JOIN_TIMEOUT_MS = 8_000;

/** Wires a DisplaySync to the display's live socket (its handlers survive reconnects). */
export function bindDisplaySync(socket: Socket, make: (io: Pick<DisplaySyncDeps, 'join' | 'ack' | 'connected'>) => DisplaySync) {
  const sync = make({
    join: () => socket.timeout(JOIN_TIMEOUT_MS).emitWithAck(CONTROL_EVENTS.join),
    ack: (ack) => void socket.emit(CONTROL_EVENTS.ack, ack),
    connected: () => socket.connected,
  });
  socket.on('connect', () => sync.onConnect());
  socket.on('disconnect', () => sync.onDisconnect());
  socket.on(CONTROL_EVENTS.delta, (payload: unknown) => sync.onDelta(payload));
  return sync;
}
