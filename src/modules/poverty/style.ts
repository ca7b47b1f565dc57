/**
 * Colours, names and formatting of the poverty module, shared by its layers and panels.
 */
import { scaleSequentialSqrt } from 'd3-scale';
import { interpolateRgbBasis } from 'd3-interpolate';
import type { VillageIndustry } from '../../hub/topics/poverty.ts';


/** Sequential scale of households lifted: deep teal (few) to near white (most). */
export const HOUSEHOLD_RAMP = ['#0a2f4d', '#1478a8', '#3fd0ff', '#dff8ff'] as const;
export const householdColorScale = (max: number) => scaleSequentialSqrt(interpolateRgbBasis([...HOUSEHOLD_RAMP])).domain([0, Math.max(1, max)]).clamp(true);

/** Paired-assistance arcs run from the helper's colour to the helped county's. */
export const PAIR_COLORS = { from: '#3fd0ff', to: '#b48cff' } as const;

export const SELECTED = '#ffd166';

export const INDUSTRIES: Record<VillageIndustry, { name: string; nameEn: string; color: string }> = {
  citrus: { name: '柑橘', nameEn: 'Citrus', color: '#ffa94d' },
  mustard: { name: '榨菜', nameEn: 'Zhacai', color: '#9be15d' },
  herbs: { name: '中药材', nameEn: 'Herbs', color: '#c084fc' },
  tea: { name: '茶叶', nameEn: 'Tea', color: '#34d399' },
  tourism: { name: '乡村旅游', nameEn: 'Rural tourism', color: '#38bdf8' },
  pigs: { name: '生猪', nameEn: 'Pigs', color: '#f472b6' },
  plum: { name: '脆李', nameEn: 'Plums', color: '#a78bfa' },
  pepper: { name: '花椒', nameEn: 'Sichuan pepper', color: '#ef7d95' },
  vegetables: { name: '蔬菜', nameEn: 'Vegetables', color: '#bef264' },
  silk: { name: '蚕桑', nameEn: 'Sericulture', color: '#fde68a' },
};

/** "62.4 万户" style: 万 from ten thousand up, plain figures below. */
export function formatWan(n: number, unit: string, digits = 1): { value: string; unit: string } {
  if (Math.abs(n) >= 1e4) return { value: (n / 1e4).toFixed(digits), unit: `万${unit}` };
  return { value: Math.round(n).toLocaleString('zh-CN'), unit };
}

/** Funds in 万元, shown as 亿元 from a hundred million up. */
export function formatFunds(wan: number): string {
  return wan >= 1e4 ? `${(wan / 1e4).toFixed(2)} 亿元` : `${Math.round(wan).toLocaleString('zh-CN')} 万元`;
}

export const formatGrowth = (g: number) => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)}%`;

