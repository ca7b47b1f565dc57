import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { POLLUTANTS, type AirSummary } from '../../../hub/topics/environment.ts';
import { AQI_STYLE, POLLUTANT_STYLE } from '../colors.ts';

const DARK_CHIPS = new Set(['moderate', 'heavy', 'severe']);

/** The main urban area's AQI this hour, its category and primary pollutant, and the six pollutants. */
export function CityAqiPanel() {
  const summary = useTopic<AirSummary>('environment.summary')?.data;
  if (!summary) return <PanelWaiting />;
  const t = summary.today;
  const style = AQI_STYLE[t.category];
  return (
    <div className="environment-aqi">
      <div className="environment-aqi__main">
        <span className="environment-aqi__label">实时 AQI · 主城</span>
        <span className="environment-aqi__value" data-testid="kpi-city-aqi">
          {t.aqi}
        </span>
        <span className={`environment-chip${DARK_CHIPS.has(t.category) ? ' environment-chip--dark' : ''}`} style={{ background: style.color }}>
          {style.name}
        </span>
        <span className="environment-aqi__primary">
          首要污染物<b>{t.primaryPollutant ? POLLUTANT_STYLE[t.primaryPollutant].name : '无'}</b>
        </span>
      </div>
      <div className="environment-conc">
        {POLLUTANTS.map((p) => (
          <div key={p}>
            <span>{POLLUTANT_STYLE[p].name}</span>
            <b>
              {p === 'co' ? t[p].toFixed(1) : Math.round(t[p])}
              <small>{POLLUTANT_STYLE[p].unit}</small>
            </b>
          </div>
        ))}
      </div>
    </div>
  );
}
