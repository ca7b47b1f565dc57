import { useMemo } from 'react';
import { useOverview } from '../../../app/wall-runtime.ts';

/** District code → name, from the geometry the wall already holds. */
export function useDistrictNames(): Map<string, string> {
  const districts = useOverview((s) => s.districts);
  return useMemo(() => new Map((districts?.features ?? []).map((f) => [f.properties.code, f.properties.name])), [districts]);
}
