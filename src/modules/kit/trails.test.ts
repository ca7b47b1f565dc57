import { describe, expect, it } from 'vitest';
import { createLayerMemo } from '../../core/module-api.ts';
import { JUMP_DEG, TrailRing, createTrailRing, pushFrame } from './trails.ts';

/** Entity i at (i, 0) moved `f` small steps east. */
function frame(count: number, f: number): Float32Array {
  const p = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    p[2 * i] = 106 + i * 0.01 + f * 1e-4;
    p[2 * i + 1] = 29.5;
  }
  return p;
}

describe('TrailRing', () => {
  it('stays the same size over many frames, and so do its snapshots', () => {
    const ring = new TrailRing(8, 500);
    const bytes = ring.byteLength;
    expect(bytes).toBe(8 * 500 * 2 * 4 + 8 * 8 + 500 * 8);
    let last = ring.snapshot();
    for (let f = 0; f < 2000; f++) {
      ring.push(1000 * f, frame(800, f), 800);
      last = ring.snapshot();
      expect(ring.byteLength).toBe(bytes);
      expect(ring.held).toBeLessThanOrEqual(8);
      expect(last.length).toBeLessThanOrEqual(500);
      expect(last.attributes.getPath.value.length).toBeLessThanOrEqual(8 * 500 * 2);
    }
    expect(last.length).toBe(500);
    expect(last.attributes.getTimestamps.value.length).toBe(8 * 500);
    expect(last.span).toBe(7);
    expect(last.currentTime).toBe(7);
  });

  it('keeps each trail oldest first, with its times', () => {
    const ring = new TrailRing(3, 2);
    for (let f = 0; f < 5; f++) ring.push(10_000 + 1000 * f, frame(2, f), 2);
    const s = ring.snapshot();
    expect(Array.from(s.startIndices)).toEqual([0, 3]);
    expect(Array.from(s.attributes.getTimestamps.value)).toEqual([0, 1, 2, 0, 1, 2]);
    const lon = Array.from(s.attributes.getPath.value.filter((_, i) => i % 2 === 0));
    expect(lon.slice(0, 3).map((x) => Math.round((x - 106) * 1e4))).toEqual([2, 3, 4]);
  });

  it('one frame is not a trail; the same frame twice counts once', () => {
    const ring = new TrailRing(4, 10);
    ring.push(1000, frame(10, 0), 10);
    expect(ring.snapshot().length).toBe(0);
    ring.push(1000, frame(10, 1), 10);
    expect(ring.held).toBe(1);
    ring.push(2000, frame(10, 1), 10);
    expect(ring.snapshot().length).toBe(10);
  });

  it('a jump (a respawn) restarts that trail only; time going back starts over', () => {
    const ring = new TrailRing(4, 3);
    ring.push(0, frame(3, 0), 3);
    const jumped = frame(3, 1);
    jumped[2] += JUMP_DEG * 3;
    ring.push(1000, jumped, 3);
    expect(ring.snapshot().length).toBe(2);
    ring.push(2000, frame(3, 2).map((v, i) => (i === 2 ? jumped[2] : v)), 3);
    expect(ring.snapshot().length).toBe(3);
    ring.push(500, frame(3, 3), 3);
    expect(ring.held).toBe(1);
    expect(ring.snapshot().length).toBe(0);
  });

  it('follows a fleet that shrinks and grows, never past its entity limit', () => {
    const ring = new TrailRing(4, 5);
    ring.push(0, frame(8, 0), 8);
    ring.push(1000, frame(2, 1), 2);
    expect(ring.snapshot().length).toBe(2);
    ring.push(2000, frame(8, 2), 8);
    // Entities 2–4 came back: their trails start again.
    expect(ring.snapshot().length).toBe(2);
    ring.push(3000, frame(8, 3), 8);
    expect(ring.snapshot().length).toBe(5);
  });

  it('through a layer memo: one push per topic value however often the wall redraws', () => {
    const memo = createLayerMemo();
    const ring = memo(createTrailRing, 6, 100);
    expect(memo(createTrailRing, 6, 100)).toBe(ring);
    const a = frame(100, 0);
    const b = frame(100, 1);
    memo(pushFrame, ring, a, 100, 0);
    memo(pushFrame, ring, a, 100, 0);
    const s = memo(pushFrame, ring, b, 100, 1000);
    expect(memo(pushFrame, ring, b, 100, 1000)).toBe(s);
    expect(ring.held).toBe(2);
    expect(s.length).toBe(100);
  });
});
