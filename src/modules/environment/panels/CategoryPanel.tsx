import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { AQI_CATEGORIES, type AirStations } from '../../../hub/topics/environment.ts';
import { AQI_STYLE } from '../colors.ts';

/** How many sites are in each AQI category this hour. */
export function CategoryPanel() {
  const stations = useTopic<AirStations>('environment.stations')?.data;
  if (!stations?.stations.length) return <PanelWaiting />;
  const counts = Object.fromEntries(AQI_CATEGORIES.map((c) => [c, stations.stations.filter((s) => s.category === c).length]));
  const total = stations.stations.length;
  return (
    <>
      <div className="environment-catbar" aria-hidden>
        {AQI_CATEGORIES.map((c) => (counts[c] ? <span key={c} style={{ flex: counts[c], background: AQI_STYLE[c].color }} /> : null))}
      </div>
      <ul className="environment-cats" data-testid="environment-categories">
        {AQI_CATEGORIES.map((c) => (
          <li key={c} data-count={counts[c]}>
            <i style={{ background: AQI_STYLE[c].color }} />
            <span>{AQI_STYLE[c].name}</span>
            <span>
              <b>{counts[c]}</b>
              <small>/{total} 站</small>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
