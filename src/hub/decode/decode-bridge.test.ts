import { describe, expect, it } from 'vitest';
import { DecodeBridge, type FrameDecoder } from './decode-bridge.ts';
import { syncDecoder, columnBuffers } from './decoders.ts';
import type { DecodeResult } from './vehicle-frame.ts';
import { encodeVehicleFrame } from './vehicle-frame.ts';

/** A decoder that answers only when the test says so, like a busy worker. */
function manualDecoder() {
  const queue: { payload: unknown; done: (r: DecodeResult) => void }[] = [];
  const decoder: FrameDecoder = { decode: (payload, done) => void queue.push({ payload, done }) };
  const finish = () => {
    const job = queue.shift()!;
    job.done({ ok: false, error: `decoded ${String(job.payload)}` });
  };
  return { decoder, queue, finish };
}

describe('DecodeBridge', () => {
  it('keeps one frame in flight and only the newest waiting; older waiting frames are dropped and counted', () => {
    const { decoder, queue, finish } = manualDecoder();
    const results: string[] = [];
    let drops = 0;
    const bridge = new DecodeBridge(decoder, (r) => results.push(r.ok ? 'ok' : r.error), () => drops++);
    for (const n of [1, 2, 3, 4]) bridge.submit(n);
    expect(queue.map((j) => j.payload)).toEqual([1]);
    expect(drops).toBe(2); // 2 and 3 were replaced while 1 was decoding
    finish();
    expect(queue.map((j) => j.payload)).toEqual([4]);
    finish();
    expect(results).toEqual(['decoded 1', 'decoded 4']);
    expect(bridge.stats).toEqual({ submitted: 4, decoded: 2, dropped: 2 });
    expect(bridge.pending).toBe(false);
  });

  it('drops nothing when the decoder keeps up', () => {
    let drops = 0;
    const results: DecodeResult[] = [];
    const bridge = new DecodeBridge(syncDecoder(), (r) => results.push(r), () => drops++);
    for (let seq = 1; seq <= 5; seq++) bridge.submit(encodeVehicleFrame(seq, 1, new Float32Array([106, 29]), Uint8Array.of(30)));
    expect(drops).toBe(0);
    expect(results.map((r) => r.ok && r.frame.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores answers after dispose', () => {
    const { decoder, finish } = manualDecoder();
    const results: unknown[] = [];
    const bridge = new DecodeBridge(decoder, (r) => results.push(r));
    bridge.submit(1);
    bridge.dispose();
    finish();
    bridge.submit(2);
    expect(results).toEqual([]);
  });
});

describe('columnBuffers', () => {
  it('transfers whole ArrayBuffers only, never a view into someone else’s buffer', () => {
    const frame = encodeVehicleFrame(1, 1, new Float32Array([106, 29]), Uint8Array.of(1));
    expect(columnBuffers(frame)).toEqual([frame.data.positions, frame.data.speeds]);
    expect(columnBuffers({ data: { positions: new Uint8Array(8) } })).toEqual([]);
    expect(columnBuffers('junk')).toEqual([]);
  });
});
