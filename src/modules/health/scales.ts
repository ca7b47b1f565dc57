/**
 * Colours, classes and wording of the health module, shared by its layers and panels so the map
 * and the panels say the same thing in the same colour.
 */
import { scaleSequentialSqrt } from 'd3-scale';
import { interpolateRgbBasis } from 'd3-interpolate';
import type { CheckpointKind, HealthAlertLevel } from '../../hub/topics/health.ts';

/** Sequential scale of the non-green share of a district: deep navy (none) to near white (high). */
export const SHARE_RAMP = ['#0c2440', '#174f7a', '#2a8fc4', '#7fd8f5', '#eefbff'] as const;
/** Top of the choropleth scale: shares above it take the last colour. */
export const SHARE_MAX = 0.02;
/** Square-root scale: the everyday 0.1–0.5 % spread stays visible below outbreak levels. */
export const shareColor = scaleSequentialSqrt(interpolateRgbBasis([...SHARE_RAMP])).domain([0, SHARE_MAX]).clamp(true);
/** Ticks at the start, the middle and the end of the ramp (the middle of a sqrt scale is a quarter). */
export const SHARE_TICKS = ['0', `${((SHARE_MAX / 4) * 100).toFixed(1)}%`, `≥${(SHARE_MAX * 100).toFixed(0)}%`];

/** China's warning levels, in their own colours and names. */
export const LEVEL_COLORS: Record<HealthAlertLevel, string> = {
  blue: '#3d8bff',
  yellow: '#ffd23f',
  orange: '#ff8c1a',
  red: '#ff3b30',
};
export const LEVEL_NAMES: Record<HealthAlertLevel, string> = {
  blue: '蓝色预警',
  yellow: '黄色预警',
  orange: '橙色预警',
  red: '红色预警',
};
export const LEVEL_NAMES_EN: Record<HealthAlertLevel, string> = { blue: 'Blue', yellow: 'Yellow', orange: 'Orange', red: 'Red' };

/** Code colours as the app shows them: green, yellow, red codes. */
export const CODE_COLORS = { green: '#3ddc84', yellow: '#ffd166', red: '#ff4d5e' } as const;

/**
 * Status of a checkpoint by the share of non-green scans: normal, attention, warning, alarm, in the
 * wall's status colours. The bounds are the upper edges of the first three classes.
 */
export const CHECKPOINT_BOUNDS = [0.01, 0.02, 0.04] as const;
export const STATUS = [
  { key: 'normal', color: '#3ddc84', label: '正常', labelEn: 'normal' },
  { key: 'attention', color: '#ffd166', label: '关注', labelEn: 'attention' },
  { key: 'warning', color: '#ff9f43', label: '警示', labelEn: 'warning' },
  { key: 'alarm', color: '#ff4d5e', label: '报警', labelEn: 'alarm' },
] as const;

export function checkpointStatus(share: number): number {
  let i = 0;
  while (i < CHECKPOINT_BOUNDS.length && share >= CHECKPOINT_BOUNDS[i]) i++;
  return i;
}

export const KIND_NAMES: Record<CheckpointKind, string> = {
  transport: '交通枢纽',
  hospital: '医院',
  mall: '商场市场',
  residential: '小区',
};

export const percent = (share: number, digits = 2) => `${(share * 100).toFixed(digits)}%`;

/** A count of people: "3271.5 万人" or "132 人". */
export function formatPeople(n: number): { value: string; unit: string } {
  if (Math.abs(n) >= 1e4) return { value: (n / 1e4).toFixed(1), unit: '万人' };
  return { value: Math.round(n).toLocaleString('zh-CN'), unit: '人' };
}
