import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendBucketed } from './series.ts';
import type { SeriesPoint } from '../hub/contract.ts';

const B = 300_000;

describe('appendBucketed', () => {
  it('puts points into bucket starts, replacing the value within a bucket', () => {
    let s: SeriesPoint[] = [];
    s = appendBucketed(s, [600_010, 5], B, 10);
    expect(s).toEqual([[600_000, 5]]);
    s = appendBucketed(s, [899_999, 7], B, 10);
    expect(s).toEqual([[600_000, 7]]);
    s = appendBucketed(s, [900_000, 9], B, 10);
    expect(s).toEqual([
      [600_000, 7],
      [900_000, 9],
    ]);
  });

  it('drops a late point (older bucket) and returns the series unchanged', () => {
    const s: SeriesPoint[] = [
      [600_000, 1],
      [900_000, 2],
    ];
    const out = appendBucketed(s, [899_999, 100], B, 10);
    expect(out).toBe(s);
    expect(out).toEqual([
      [600_000, 1],
      [900_000, 2],
    ]);
  });

  it('does not mutate its input', () => {
    const s: SeriesPoint[] = [[600_000, 1]];
    appendBucketed(s, [600_001, 2], B, 10);
    appendBucketed(s, [900_001, 3], B, 10);
    expect(s).toEqual([[600_000, 1]]);
  });

  it('drops the oldest when over the cap', () => {
    let s: SeriesPoint[] = [];
    for (let i = 1; i <= 5; i++) s = appendBucketed(s, [i * B, i], B, 3);
    expect(s).toEqual([
      [3 * B, 3],
      [4 * B, 4],
      [5 * B, 5],
    ]);
    // An over-long input (e.g. from a larger snapshot) is trimmed too.
    const long: SeriesPoint[] = Array.from({ length: 10 }, (_, i) => [(i + 1) * B, i] as SeriesPoint);
    expect(appendBucketed(long, [11 * B, 99], B, 4)).toEqual([
      [8 * B, 7],
      [9 * B, 8],
      [10 * B, 9],
      [11 * B, 99],
    ]);
  });

  it('property: length never exceeds max, timestamps are strictly increasing bucket starts, and it matches a model', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: 0, max: 1_000_000 })), {
          maxLength: 200,
        }),
        fc.constantFrom(1, 1000, 60_000, B),
        fc.integer({ min: 1, max: 40 }),
        (points, bucketMs, max) => {
          let s: SeriesPoint[] = [];
          // Model: the last value seen in each bucket, for points not older than the newest bucket so far.
          const model = new Map<number, number>();
          let newest = -Infinity;
          for (const [t, v] of points) {
            s = appendBucketed(s, [t, v], bucketMs, max);
            const bucket = Math.floor(t / bucketMs) * bucketMs;
            if (bucket >= newest) {
              newest = bucket;
              model.set(bucket, v);
            }
            expect(s.length).toBeLessThanOrEqual(max);
            for (let i = 0; i < s.length; i++) {
              expect(s[i][0] % bucketMs).toBe(0);
              if (i > 0) expect(s[i][0]).toBeGreaterThan(s[i - 1][0]);
            }
          }
          const expected = [...model.entries()].sort((a, b) => a[0] - b[0]).slice(-max);
          expect(s).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
