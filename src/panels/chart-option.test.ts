import { describe, expect, it, vi } from 'vitest';
import { throttleLatest, withLineSampling } from './chart-option.ts';

describe('withLineSampling', () => {
  it('adds LTTB sampling to line series only, keeping a series’ own choice', () => {
    const out = withLineSampling({ series: [{ type: 'line' }, { type: 'bar' }, { type: 'line', sampling: 'average' }] });
    expect(out.series).toEqual([{ type: 'line', sampling: 'lttb' }, { type: 'bar' }, { type: 'line', sampling: 'average' }]);
    const single = { series: { type: 'line' } };
    expect(withLineSampling(single)).toBe(single);
  });
});

describe('throttleLatest', () => {
  it('applies the first value at once, then at most once an interval with the latest value', () => {
    vi.useFakeTimers();
    try {
      let t = 0;
      const seen: number[] = [];
      const th = throttleLatest((v: number) => seen.push(v), 500, () => t);
      th.push(1);
      expect(seen).toEqual([1]);
      for (const v of [2, 3, 4]) th.push(v);
      expect(seen).toEqual([1]);
      t = 500;
      vi.advanceTimersByTime(500);
      expect(seen).toEqual([1, 4]);
      th.push(5);
      th.cancel();
      t = 2000;
      vi.advanceTimersByTime(2000);
      expect(seen).toEqual([1, 4]);
    } finally {
      vi.useRealTimers();
    }
  });
});
