/**
 * The console's side of its miniature of a wall (the wall's own screen, `/wall?preview=1` in a
 * same-origin iframe, in the preview protocol's `mirror` mode: src/core/preview-protocol.ts). Free
 * of the DOM so it can be tested: only the frame itself, of this origin, is heard, and it says
 * nothing but `ready`; the console answers with `init` (the operator's token: the hub lets it open
 * the topics-only preview handshake) and then every state the hub reports for the shown wall.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { WallStatus } from '../../../hub/control.ts';
import { FromPreviewSchema, MAX_HUB_OFFSET_MS, ToPreviewSchema, type MirrorState, type ToPreview } from '../../../core/preview-protocol.ts';

export interface MirrorTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface MirrorLinkOptions {
  origin: string;
  hubUrl: string;
  token(): string | null;
}

/** The message that puts a wall's state on the mirror; the newest log entry is its cause when it made this rev. */
export function mirrorMessage(wall: WallStatus, hubOffsetMs: number): MirrorState {
  const last = wall.log[0];
  const cause = last && last.rev === wall.state.rev && last.rev > 0 ? { rev: last.rev, commandId: last.id, command: last.command, issuedAt: last.issuedAt } : undefined;
  const offset = Math.max(-MAX_HUB_OFFSET_MS, Math.min(MAX_HUB_OFFSET_MS, Number.isFinite(hubOffsetMs) ? hubOffsetMs : 0));
  return { type: 'onescreen:wall-state', state: wall.state, hubOffsetMs: offset, ...(cause ? { cause } : {}) };
}

/** The wall's grid of displays, as its displays said in their handshakes (the widest they report; 1 × 1 without). */
export function wallGrid(wall: Pick<WallStatus, 'displays'> | null): { cols: number; rows: number } {
  let cols = 1;
  let rows = 1;
  for (const d of wall?.displays ?? []) {
    if (!d.grid) continue;
    cols = Math.max(cols, d.grid.cols);
    rows = Math.max(rows, d.grid.rows);
  }
  return { cols, rows };
}

/** The presenter's choice to hide the miniature (a slow tablet), kept on this tablet. */
export const MIRROR_HIDDEN_KEY = 'onescreen.console.mirror-hidden';
type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;
export function readMirrorHidden(storage: Storage | null | undefined): boolean {
  try {
    return storage?.getItem(MIRROR_HIDDEN_KEY) === '1';
  } catch {
    return false; // storage refused (private mode): shown
  }
}
export function writeMirrorHidden(storage: Storage | null | undefined, hidden: boolean) {
  try {
    storage?.setItem(MIRROR_HIDDEN_KEY, hidden ? '1' : '0');
  } catch {
    // Not remembered; the choice still holds for this page.
  }
}

export class MirrorLink {
  /** live: the mirror said `ready` and has its init. */
  readonly store: StoreApi<{ live: boolean }> = createStore(() => ({ live: false }));
  private target: MirrorTarget | null = null;
  private ready = false;
  private wall: WallStatus | null = null;
  private offset = 0;

  constructor(private opts: MirrorLinkOptions) {}

  /** The frame's window (null while none): a new one starts over, waiting for its `ready`. */
  attach(target: MirrorTarget | null) {
    this.target = target;
    this.ready = false;
    this.store.setState({ live: false });
  }

  receive(event: { origin: string; source: unknown; data: unknown }) {
    if (event.origin !== this.opts.origin || !this.target || event.source !== this.target) return;
    const m = FromPreviewSchema.safeParse(event.data);
    if (!m.success || m.data.type !== 'onescreen:ready') return;
    this.ready = true;
    this.init();
  }

  private init() {
    const token = this.opts.token();
    if (!this.ready || !token) return;
    if (!this.post({ type: 'onescreen:init', hubUrl: this.opts.hubUrl, token, mode: 'mirror' })) return;
    this.store.setState({ live: true });
    if (this.wall) this.post(mirrorMessage(this.wall, this.offset));
  }

  /** The wall as the hub reported it last: sent at once when the mirror listens, kept for its init otherwise. */
  sendWall(wall: WallStatus | null, hubOffsetMs: number) {
    this.wall = wall;
    this.offset = hubOffsetMs;
    if (wall && this.store.getState().live) this.post(mirrorMessage(wall, hubOffsetMs));
  }

  /** A renewed token; the first one makes the init that waited for it. */
  sendToken(token: string | null) {
    if (!token) return;
    if (!this.store.getState().live) return this.init();
    this.post({ type: 'onescreen:token', token });
  }

  private post(message: ToPreview): boolean {
    if (!this.target || !ToPreviewSchema.safeParse(message).success) return false;
    this.target.postMessage(message, this.opts.origin);
    return true;
  }
}
