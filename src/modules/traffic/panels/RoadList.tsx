import type { RoadRef } from '../../../hub/topics/traffic.ts';
import { congestionLevel, shortDistrict } from '../scales.ts';
import { useDistrictNames } from '../../district-names.ts';

/** Ranked roads: name, district, a bar to 10, the index in its level colour, the speed. */
export function RoadList({ rows, testId, showDistrict = true }: { rows: RoadRef[]; testId: string; showDistrict?: boolean }) {
  const names = useDistrictNames();
  return (
    <ol className="traffic-roads" data-testid={testId}>
      {rows.map((r, i) => {
        const level = congestionLevel(r.index);
        return (
          <li key={r.roadId} className="traffic-roads__row">
            <span className="traffic-roads__rank">{i + 1}</span>
            <span className="traffic-roads__name">
              {r.name}
              {showDistrict && <small>{shortDistrict(names.get(r.district))}</small>}
            </span>
            <span className="traffic-roads__bar">
              <i style={{ width: `${Math.min(100, r.index * 10)}%`, background: level.color }} />
            </span>
            <b className="traffic-roads__index" style={{ color: level.color }}>
              {r.index.toFixed(1)}
            </b>
            <span className="traffic-roads__speed">
              {r.speedKmh}
              <small>km/h</small>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
