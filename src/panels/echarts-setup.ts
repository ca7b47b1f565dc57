import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the panels draw: keeps echarts' share of the bundle small.
echarts.use([BarChart, GaugeChart, LineChart, PieChart, GridComponent, MarkLineComponent, TitleComponent, CanvasRenderer]);

export { echarts };

/** Shared look: panels read at five metres, so axes are ≥14 px and colours stay restrained. */
export const WALL_CHART = {
  text: '#c8d8ee',
  muted: '#7d93b2',
  grid: 'rgba(120, 170, 230, 0.14)',
  accent: '#3fd0ff',
  accentSoft: 'rgba(63, 208, 255, 0.22)',
  highlight: '#ffd166',
  font: '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif',
} as const;
