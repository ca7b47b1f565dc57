import { describe, expect, it } from 'vitest';
import { RadarSchema, type Radar } from '../../../hub/topics/weather.ts';
import type { TopicValue } from '../../../store/topic-store.ts';
import { RadarFrames } from './rain.ts';

const T = Date.UTC(2026, 10, 21, 12, 0);
const grid = { bbox: [105.2, 28.1, 110.3, 32.3] as [number, number, number, number], cols: 4, rows: 4 };
const radar = (time: number): Radar =>
  RadarSchema.parse({ time, grid, encoding: 'sqrt25-u8', cells: Buffer.alloc(16).toString('base64'), maxRateMmh: 0, wetShare: 0, motion: null });
/** A radar frame as the hub publishes it: stamped with the hub's time. */
const published = (time: number, seq: number): TopicValue<Radar> => ({ seq, time: time + 200, data: radar(time) });

describe('radar loop in lock-step', () => {
  it('two displays that received a frame at different moments show the same blend at one wall moment', () => {
    const left = new RadarFrames();
    const right = new RadarFrames();
    left.update(published(T, 1), T + 250, true);
    right.update(published(T, 1), T + 900, true);
    const next = published(T + 5000, 2);
    // The left display hears of the next frame 40 ms after publication, the right one 1.3 s after.
    left.update(next, T + 5240, true);
    right.update(next, T + 6500, true);
    for (const at of [T + 6600, T + 7000, T + 8000, T + 9500, T + 11_000]) {
      expect(left.update(next, at, true).t).toBe(right.update(next, at, true).t);
    }
    expect(left.update(next, T + 7700, true).t).toBeGreaterThan(0);
    expect(left.update(next, T + 7700, true).t).toBeLessThan(1);
  });
});
