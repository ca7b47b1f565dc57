import { describe, expect, it } from 'vitest';
import { DecodeBridge, type FrameDecoder } from './decode-bridge.ts';
import type { DecodeAnswer, DecodeJob } from './codecs.ts';
import { syncDecoder, columnBuffers } from './decoders.ts';
import { encodeVehicleFrame } from './vehicle-frame.ts';

/** A job for frame `n` (the manual decoder never reads it, only names it). */
const job = (n: number): DecodeJob => ({ codec: 'vehicle-frame', options: {}, payload: n });

/** A decoder that answers only when the test says so, like a busy worker. */
function manualDecoder() {
  const queue: { job: DecodeJob; done: (r: DecodeAnswer) => void }[] = [];
  const decoder: FrameDecoder = { decode: (j, done) => void queue.push({ job: j, done }) };
  const finish = () => {
    const next = queue.shift()!;
    next.done({ ok: false, error: `decoded ${String(next.job.payload)}` });
  };
  return { decoder, queue, finish };
}

describe('DecodeBridge', () => {
  it('keeps one frame in flight and only the newest waiting; older waiting frames are dropped and counted', () => {
    const { decoder, queue, finish } = manualDecoder();
    const results: string[] = [];
    let drops = 0;
    const bridge = new DecodeBridge(decoder, (r) => results.push(r.ok ? 'ok' : r.error), () => drops++);
    for (const n of [1, 2, 3, 4]) bridge.submit(job(n));
    expect(queue.map((j) => j.job.payload)).toEqual([1]);
    expect(drops).toBe(2); // 2 and 3 were replaced while 1 was decoding
    finish();
    expect(queue.map((j) => j.job.payload)).toEqual([4]);
    finish();
    expect(results).toEqual(['decoded 1', 'decoded 4']);
    expect(bridge.stats).toEqual({ submitted: 4, decoded: 2, dropped: 2 });
    expect(bridge.pending).toBe(false);
  });

  it('drops nothing when the decoder keeps up, and hands the codec its options', () => {
    let drops = 0;
    const results: DecodeAnswer[] = [];
    const bridge = new DecodeBridge(syncDecoder(), (r) => results.push(r), () => drops++);
    const lut = new Uint8Array(256 * 4);
    for (let i = 0; i < 256; i++) lut.set([i, 0, 0, 255], i * 4);
    for (let seq = 1; seq <= 5; seq++) {
      bridge.submit({ codec: 'vehicle-frame', options: { colourLut: lut }, payload: encodeVehicleFrame(seq, 1, new Float32Array([106, 29]), Uint8Array.of(30), 'run-7') });
    }
    expect(drops).toBe(0);
    expect(results.map((r) => r.ok && r.event.seq)).toEqual([1, 2, 3, 4, 5]);
    const last = results[4];
    expect(last.ok && { epoch: last.event.epoch, time: last.event.time }).toEqual({ epoch: 'run-7', time: 1 });
    expect(last.ok && [...(last.event.data as { colors: Uint8Array }).colors]).toEqual([30, 0, 0, 255]);
  });

  it('passes a codec refusal on as an answer, and an unknown codec is refused', () => {
    const results: DecodeAnswer[] = [];
    const bridge = new DecodeBridge(syncDecoder(), (r) => results.push(r));
    bridge.submit({ codec: 'vehicle-frame', options: {}, payload: { v: 2, topic: 'traffic.vehicles', seq: 1, time: 1, data: { count: 0 } } });
    bridge.submit({ codec: 'no-such-codec' as DecodeJob['codec'], options: {}, payload: {} });
    expect(results).toEqual([
      { ok: false, error: expect.stringMatching(/^epoch: /) },
      { ok: false, error: 'unknown codec "no-such-codec"' },
    ]);
  });

  it('ignores answers after dispose', () => {
    const { decoder, finish } = manualDecoder();
    const results: unknown[] = [];
    const bridge = new DecodeBridge(decoder, (r) => results.push(r));
    bridge.submit(job(1));
    bridge.dispose();
    finish();
    bridge.submit(job(2));
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
