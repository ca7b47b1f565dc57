import type { EChartsCoreOption } from 'echarts/core';
import { WALL_CHART } from './echarts-setup.ts';

/** A progress ring with the figure in its middle: "how much of the plan is done" at a glance (panel kit). */
export function ringGaugeOption(ratio: number, figure: string, caption: string, color: string): EChartsCoreOption {
  return {
    series: [
      {
        type: 'gauge',
        startAngle: 90,
        endAngle: -270,
        min: 0,
        max: 1,
        radius: '92%',
        pointer: { show: false },
        progress: { show: true, roundCap: true, width: 14, itemStyle: { color } },
        axisLine: { lineStyle: { width: 14, color: [[1, 'rgba(120,170,230,0.15)']] } },
        splitLine: { show: false },
        axisTick: { show: false },
        axisLabel: { show: false },
        title: { offsetCenter: [0, '32%'], fontSize: 14, color: WALL_CHART.muted },
        detail: {
          offsetCenter: [0, '-6%'],
          fontSize: 30,
          fontWeight: 600,
          color: WALL_CHART.text,
          formatter: () => figure,
        },
        data: [{ value: Math.max(0, Math.min(1, ratio)), name: caption }],
      },
    ],
  };
}
