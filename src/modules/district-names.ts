import { useMemo } from 'react';
import { useOverview } from '../core/wall-context.ts';

/**
 * Map labels use the everyday short form of autonomous counties (石柱土家族自治县 → 石柱县):
 * the full name is too long to read at distance and stays in tooltips and cards.
 */
export function shortName(name: string): string {
  return name.replace(/^(.{2})(?:[\u4e00-\u9fa5]{2,8}族)+自治县$/, '$1县');
}

/** District names by code, from the wall's district geometry (empty until it has loaded). */
export function useDistrictNames(): Map<string, string> {
  const districts = useOverview((s) => s.districts);
  return useMemo(() => new Map((districts?.features ?? []).map((f) => [f.properties.code, f.properties.name])), [districts]);
}
