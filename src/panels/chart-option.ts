import type { EChartsCoreOption } from 'echarts/core';

/**
 * Line series of any length draw with echarts' built-in LTTB downsampling: a 24-hour series at
 * one point a minute keeps its peaks and troughs but draws about one point per pixel column.
 * A series that chose its own `sampling` keeps it.
 */
export function withLineSampling(option: EChartsCoreOption): EChartsCoreOption {
  const series = option.series;
  if (!Array.isArray(series)) return option;
  return {
    ...option,
    series: series.map((s: Record<string, unknown>) => (s && s.type === 'line' && s.sampling === undefined ? { ...s, sampling: 'lttb' } : s)),
  };
}

/**
 * Calls `apply` at most once every `intervalMs`, always with the latest value (trailing): a chart
 * fed by a fast topic redraws at a readable pace and never falls behind.
 */
export function throttleLatest<T>(apply: (value: T) => void, intervalMs: number, now = () => performance.now()) {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    last = now();
    apply(value);
  };
  return {
    push(value: T) {
      pending = { value };
      const wait = last + intervalMs - now();
      if (wait <= 0 && !timer) flush();
      else timer ??= setTimeout(flush, Math.max(0, wait));
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
