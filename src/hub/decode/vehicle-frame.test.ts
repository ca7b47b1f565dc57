import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPEED_LUT } from '../../modules/traffic/scales.ts';
import { TRAFFIC_LIMITS } from '../topics/traffic.ts';
import { decodeVehicleFrame, encodeVehicleFrame, transferablesOf } from './vehicle-frame.ts';

const lonLat = fc.tuple(fc.float({ min: -180, max: 180, noNaN: true }), fc.float({ min: -90, max: 90, noNaN: true }));
const fleet = fc.array(fc.record({ at: lonLat, speed: fc.integer({ min: 0, max: 255 }) }), { maxLength: 300 });

function columns(vs: { at: [number, number]; speed: number }[]) {
  const positions = new Float32Array(vs.flatMap((v) => v.at));
  const speeds = Uint8Array.from(vs.map((v) => v.speed));
  return { positions, speeds };
}

describe('decodeVehicleFrame', () => {
  it('round-trips any fleet: positions, speeds and colours from the lookup table', () => {
    fc.assert(
      fc.property(fleet, fc.nat(), (vs, seq) => {
        const { positions, speeds } = columns(vs);
        const r = decodeVehicleFrame(encodeVehicleFrame(seq, 1_700_000_000_000, positions, speeds), SPEED_LUT);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.frame.seq).toBe(seq);
        expect(r.frame.count).toBe(vs.length);
        expect([...r.frame.positions]).toEqual([...positions]);
        expect([...r.frame.speeds]).toEqual([...speeds]);
        for (let i = 0; i < vs.length; i++) {
          expect([...r.frame.colors.subarray(i * 4, i * 4 + 4)]).toEqual([...SPEED_LUT.subarray(speeds[i] * 4, speeds[i] * 4 + 4)]);
        }
      }),
    );
  });

  it('reads unaligned Node Buffers (socket.io in Node hands out pooled slices)', () => {
    const positions = new Float32Array([106.5, 29.5, 106.6, 29.6]);
    const pool = Buffer.alloc(64);
    const unaligned = pool.subarray(3, 3 + 16);
    unaligned.set(new Uint8Array(positions.buffer));
    const frame = { ...encodeVehicleFrame(1, 1, positions, Uint8Array.of(10, 20)) };
    frame.data = { ...frame.data, positions: unaligned as unknown as ArrayBuffer };
    const r = decodeVehicleFrame(frame, SPEED_LUT);
    expect(r.ok && [...r.frame.positions]).toEqual([...positions]);
  });

  it('rejects truncated and oversized columns with a message naming the field', () => {
    fc.assert(
      fc.property(fleet, fc.integer({ min: -16, max: 16 }).filter((d) => d !== 0), fc.boolean(), (vs, delta, cutPositions) => {
        const { positions, speeds } = columns(vs);
        const frame = encodeVehicleFrame(1, 1, positions, speeds);
        const col = cutPositions ? new Uint8Array(frame.data.positions) : new Uint8Array(frame.data.speeds);
        const size = col.length + delta;
        fc.pre(size >= 0);
        const resized = new Uint8Array(size);
        resized.set(col.subarray(0, Math.min(size, col.length)));
        if (cutPositions) frame.data.positions = resized.buffer;
        else frame.data.speeds = resized.buffer;
        const r = decodeVehicleFrame(frame, SPEED_LUT);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error).toMatch(new RegExp(`^data\\.${cutPositions ? 'positions' : 'speeds'}: ${delta < 0 ? 'truncated' : 'oversized'}: ${size} bytes for ${vs.length} vehicles`));
      }),
    );
  });

  it('rejects a count above the designed fleet before reading the columns', () => {
    const frame = encodeVehicleFrame(1, 1, new Float32Array(0), new Uint8Array(0));
    frame.data.count = TRAFFIC_LIMITS.maxVehicles + 1;
    const r = decodeVehicleFrame(frame, SPEED_LUT);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^data\.count: /) });
  });

  it('rejects non-finite and out-of-range coordinates, naming the vehicle', () => {
    for (const bad of [NaN, Infinity, 200]) {
      const r = decodeVehicleFrame(encodeVehicleFrame(1, 1, new Float32Array([106, 29, bad, 29]), Uint8Array.of(1, 2)), SPEED_LUT);
      expect(r).toEqual({ ok: false, error: expect.stringContaining('data.positions: vehicle 1 ') });
    }
  });

  it('rejects a wrong contract version, topic, or JSON in place of binary', () => {
    const good = encodeVehicleFrame(1, 1, new Float32Array([106, 29]), Uint8Array.of(1));
    expect(decodeVehicleFrame({ ...good, v: 1 }, SPEED_LUT)).toEqual({ ok: false, error: expect.stringMatching(/^v: /) }); // the previous contract
    expect(decodeVehicleFrame({ ...good, topic: 'traffic.roads' }, SPEED_LUT)).toEqual({ ok: false, error: expect.stringMatching(/^topic: /) });
    expect(decodeVehicleFrame({ ...good, data: { ...good.data, positions: [106, 29] } }, SPEED_LUT)).toEqual({
      ok: false,
      error: 'data.positions: expected binary data (ArrayBuffer)',
    });
    expect(decodeVehicleFrame(null, SPEED_LUT).ok).toBe(false);
  });

  it('requires the hub run (epoch) in the header and hands it back with the frame', () => {
    const good = encodeVehicleFrame(3, 5, new Float32Array([106, 29]), Uint8Array.of(1), 'hub-2');
    const r = decodeVehicleFrame(good, SPEED_LUT);
    expect(r.ok && { epoch: r.frame.epoch, seq: r.frame.seq, time: r.frame.time }).toEqual({ epoch: 'hub-2', seq: 3, time: 5 });
    expect(encodeVehicleFrame(1, 1, new Float32Array(0), new Uint8Array(0)).epoch).toBe('e1');
    const { epoch: _epoch, ...withoutEpoch } = good;
    expect(decodeVehicleFrame(withoutEpoch, SPEED_LUT)).toEqual({ ok: false, error: expect.stringMatching(/^epoch: /) });
    expect(decodeVehicleFrame({ ...good, epoch: '' }, SPEED_LUT)).toEqual({ ok: false, error: expect.stringMatching(/^epoch: /) });
    expect(decodeVehicleFrame({ ...good, epoch: 'a b' }, SPEED_LUT)).toEqual({ ok: false, error: expect.stringMatching(/^epoch: /) });
  });

  it('lists each owned buffer once for transfer', () => {
    const r = decodeVehicleFrame(encodeVehicleFrame(1, 1, new Float32Array([106, 29]), Uint8Array.of(1)), SPEED_LUT);
    expect(r.ok && transferablesOf(r.frame).length).toBe(3);
  });
});
