/**
 * Between the socket and the decoder: at most one frame is being decoded and at most one waits.
 * A frame arriving while another waits replaces it (the older one is dropped and counted): a
 * wall behind on a 1 Hz position feed must show the newest positions, never a growing queue.
 */
import type { DecodeAnswer, DecodeJob, FrameDecoder } from './codecs.ts';

export type { FrameDecoder };

export interface BridgeStats {
  submitted: number;
  decoded: number;
  dropped: number;
}

export class DecodeBridge {
  private busy = false;
  private waiting: DecodeJob | undefined = undefined;
  private hasWaiting = false;
  private disposed = false;
  readonly stats: BridgeStats = { submitted: 0, decoded: 0, dropped: 0 };

  constructor(
    private decoder: FrameDecoder,
    private onResult: (result: DecodeAnswer) => void,
    private onDrop: () => void = () => {},
  ) {}

  submit(payload: DecodeJob) {
    if (this.disposed) return;
    this.stats.submitted += 1;
    if (!this.busy) return this.start(payload);
    if (this.hasWaiting) {
      this.stats.dropped += 1;
      this.onDrop();
    }
    this.waiting = payload;
    this.hasWaiting = true;
  }

  /** Whether a frame is being decoded (for tests). */
  get pending() {
    return this.busy;
  }

  dispose() {
    this.disposed = true;
    this.waiting = undefined;
    this.hasWaiting = false;
    this.decoder.dispose?.();
  }

  private start(payload: DecodeJob) {
    this.busy = true;
    this.decoder.decode(payload, (result) => {
      if (this.disposed) return;
      this.stats.decoded += 1;
      this.busy = false;
      this.onResult(result);
      if (this.hasWaiting) {
        const next = this.waiting!;
        this.waiting = undefined;
        this.hasWaiting = false;
        this.start(next);
      }
    });
  }
}
