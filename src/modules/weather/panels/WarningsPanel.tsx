import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { WeatherWarnings } from '../../../hub/topics/weather.ts';
import { WARNING_LEVEL_STYLE, warningTitle } from '../colors.ts';
import { useDistrictNames } from '../../district-names.ts';
import { formatHm } from '../../../core/format.ts';

/** Rows the panel shows; the rest are counted beneath. */
export const WARNING_ROWS = 5;

/** Warnings in force, newest first: level chip, district, type, time of issue. */
export function WarningsPanel() {
  const warnings = useTopic<WeatherWarnings>('weather.warnings')?.data;
  const names = useDistrictNames();
  if (!warnings) return <PanelWaiting />;
  const rows = warnings.active.slice(0, WARNING_ROWS);
  return (
    <>
      <div className="weather-warnings__head">
        <span>
          生效<b>{warnings.active.length}</b>
        </span>
        <span>
          今日发布<b>{warnings.issuedToday}</b>
        </span>
        <span>
          解除<b>{warnings.liftedToday}</b>
        </span>
      </div>
      {rows.length ? (
        <ul className="weather-warnings__list" data-testid="weather-warning-list">
          {rows.map((w) => (
            <li className="weather-warnings__item" key={w.id} data-level={w.level}>
              <span className="weather-warnings__chip" style={{ background: WARNING_LEVEL_STYLE[w.level].color }}>
                {WARNING_LEVEL_STYLE[w.level].short}
              </span>
              <span className="weather-warnings__what">
                {names.get(w.districtCode) ?? w.districtCode}
                <small>{warningTitle(w.type, w.level)}</small>
              </span>
              <span className="weather-warnings__time">{formatHm(w.issuedAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="weather-empty" data-testid="weather-no-warnings">
          当前无生效预警
          <small>No weather warning in force</small>
        </p>
      )}
      {warnings.active.length > rows.length && <div className="weather-warnings__more">另有 {warnings.active.length - rows.length} 条 · more</div>}
    </>
  );
}
