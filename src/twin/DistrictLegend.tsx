import { useMemo } from 'react';
import { useOverview } from '../app/wall-runtime.ts';
import { DISTRICT_RAMP } from './layers/district-layers.ts';

/** Every coloured layer has a legend with units: colour and column height both mean data calls. */
export function DistrictLegend() {
  const overview = useOverview((s) => s.overview);
  const max = useMemo(() => Math.max(1, ...(overview?.districts.map((d) => d.dataCallsToday) ?? [1])), [overview]);
  return (
    <div className="legend" data-testid="legend-districts">
      <div className="legend__title">
        区县今日数据调用 <span>Data calls today · 柱高与颜色</span>
      </div>
      <div className="legend__ramp" style={{ background: `linear-gradient(90deg, ${DISTRICT_RAMP.join(', ')})` }} />
      <div className="legend__ticks">
        <span>0</span>
        <span>{(max / 4e4).toFixed(0)}</span>
        <span>{(max / 1e4).toFixed(0)} 万次</span>
      </div>
    </div>
  );
}
