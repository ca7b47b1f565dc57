import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts, WALL_CHART } from './echarts-setup.ts';
import { throttleLatest, withLineSampling } from './chart-option.ts';

/** Charts redraw at most this often, however fast their topic updates (the first draw is at once). */
const CHART_UPDATE_MS = 500;

interface Props {
  option: EChartsCoreOption;
  /** The wall's DOM scale: the chart's canvas renders at that many device pixels per design pixel. */
  scale?: number;
  className?: string;
  testId?: string;
}

/**
 * An echarts instance driven imperatively: created once, `setOption` on change (no re-init),
 * disposed on unmount. Tooltips stay off: hub text never becomes HTML.
 */
export function EChart({ option, scale = 1, className, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const updates = useRef<ReturnType<typeof throttleLatest<EChartsCoreOption>> | null>(null);

  useEffect(() => {
    const instance = echarts.init(el.current!, undefined, {
      renderer: 'canvas',
      devicePixelRatio: Math.max(1, scale * devicePixelRatio),
    });
    chart.current = instance;
    // Imperative and merged (notMerge false), rendered on the next frame (lazyUpdate), throttled.
    updates.current = throttleLatest(
      (next: EChartsCoreOption) =>
        instance.setOption(
          { textStyle: { fontFamily: WALL_CHART.font, color: WALL_CHART.text }, animationDuration: 600, ...withLineSampling(next) },
          { lazyUpdate: true },
        ),
      CHART_UPDATE_MS,
    );
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current!);
    return () => {
      observer.disconnect();
      updates.current?.cancel();
      updates.current = null;
      instance.dispose();
      chart.current = null;
    };
  }, [scale]);

  useEffect(() => {
    updates.current?.push(option);
  }, [option, scale]);

  return <div ref={el} className={className ?? 'echart'} data-testid={testId} />;
}
