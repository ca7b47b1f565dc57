/**
 * The designer's side of the preview protocol (src/core/preview-protocol.ts), free of the DOM so it
 * can be tested: only messages from the preview frame itself, of this origin and of the protocol's
 * shape, are heard. The preview gets `init` when it says `ready` (again after it reloads), then the
 * draft at once and on every edit, a renewed token, and camera requests; a camera it sends is
 * applied only in answer to a request.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Camera } from '../hub/contract.ts';
import { FromPreviewSchema, ToPreviewSchema, type ToPreview } from '../core/preview-protocol.ts';

export interface PreviewTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface PreviewLinkState {
  /** The preview has said `ready` and has its init. */
  live: boolean;
  /** Why the preview cannot show the draft (it keeps its last good one), or null. */
  sceneError: string | null;
  /** A capture-camera request waits for its answer. */
  capturing: boolean;
}

export interface PreviewLinkOptions {
  origin: string;
  hubUrl: string;
  token(): string | null;
  scene(): unknown;
  onCamera(camera: Camera): void;
}

export class PreviewLink {
  readonly store: StoreApi<PreviewLinkState> = createStore<PreviewLinkState>(() => ({ live: false, sceneError: null, capturing: false }));
  private target: PreviewTarget | null = null;
  private ready = false;

  constructor(private opts: PreviewLinkOptions) {}

  /** The frame's window (null while none): a new one starts over, waiting for its `ready`. */
  attach(target: PreviewTarget | null) {
    this.target = target;
    this.ready = false;
    this.store.setState({ live: false, capturing: false });
  }

  receive(event: { origin: string; source: unknown; data: unknown }) {
    if (event.origin !== this.opts.origin || !this.target || event.source !== this.target) return;
    const m = FromPreviewSchema.safeParse(event.data);
    if (!m.success) return;
    switch (m.data.type) {
      case 'onescreen:ready':
        this.ready = true;
        return this.init();
      case 'onescreen:scene-error':
        return this.store.setState({ sceneError: m.data.error });
      case 'onescreen:scene-shown':
        return this.store.setState({ sceneError: null });
      case 'onescreen:camera':
        if (!this.store.getState().capturing) return;
        this.store.setState({ capturing: false });
        return this.opts.onCamera(m.data.camera);
    }
  }

  private init() {
    const token = this.opts.token();
    if (!this.ready || !token) return;
    if (!this.post({ type: 'onescreen:init', hubUrl: this.opts.hubUrl, token })) return;
    this.store.setState({ live: true });
    this.sendScene(this.opts.scene());
  }

  /** The draft as it is now: sent at once (the preview follows each keystroke). */
  sendScene(scene: unknown) {
    if (this.store.getState().live) this.post({ type: 'onescreen:scene', scene });
  }

  /** A new token after a sign-in: the first one makes the init that waited for it. */
  sendToken(token: string | null) {
    if (!token) return;
    if (!this.store.getState().live) return this.init();
    this.post({ type: 'onescreen:token', token });
  }

  /** Asks the preview for its camera; false when no preview listens yet. */
  captureCamera(): boolean {
    if (!this.store.getState().live) return false;
    this.store.setState({ capturing: true });
    return this.post({ type: 'onescreen:capture-camera' });
  }

  private post(message: ToPreview): boolean {
    if (!this.target || !ToPreviewSchema.safeParse(message).success) return false;
    this.target.postMessage(message, this.opts.origin);
    return true;
  }
}
