import { useMemo } from 'react';
import { useOverview } from '../../../app/wall-runtime.ts';

/** District names by code, from the wall's district geometry (empty until it has loaded). */
export function useDistrictNames(): Map<string, string> {
  const districts = useOverview((s) => s.districts);
  return useMemo(() => new Map((districts?.features ?? []).map((f) => [f.properties.code, f.properties.name])), [districts]);
}
