import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { Radar } from '../../../hub/topics/weather.ts';
import { headingName } from '../colors.ts';
import { formatHms } from '../../../core/format.ts';


/** The radar now: how much of the city is raining, how hard, where the rain is heading. */
export function RadarPanel() {
  const radar = useTopic<Radar>('weather.radar')?.data;
  if (!radar) return <PanelWaiting />;
  return (
    <div className="weather-quad" data-testid="weather-radar-summary">
      <div className="weather-quad__cell">
        <div className="weather-quad__title">
          降水面积<span>Rain area</span>
        </div>
        <div className="weather-quad__value">
          {(radar.wetShare * 100).toFixed(1)}
          <small>%</small>
        </div>
        <div className="weather-quad__note">全市 ≥ 0.1 mm/h</div>
      </div>
      <div className="weather-quad__cell">
        <div className="weather-quad__title">
          最大雨强<span>Peak rate</span>
        </div>
        <div className="weather-quad__value">
          {radar.maxRateMmh.toFixed(1)}
          <small>mm/h</small>
        </div>
        <div className="weather-quad__note">雷达估测 Radar estimate</div>
      </div>
      <div className="weather-quad__cell">
        <div className="weather-quad__title">
          雨区移向<span>Motion</span>
        </div>
        <div className="weather-quad__value">
          {radar.motion ? headingName(radar.motion.towardDeg) : '—'}
          <small>{radar.motion ? `${Math.round(radar.motion.speedKmh)} km/h` : '无雨区'}</small>
        </div>
        <div className="weather-quad__note">{radar.motion ? `${Math.round(radar.motion.towardDeg)}° 方向` : 'No rain cells'}</div>
      </div>
      <div className="weather-quad__cell">
        <div className="weather-quad__title">
          雷达时次<span>Frame</span>
        </div>
        <div className="weather-quad__value">
          {formatHms(radar.time)}
        </div>
        <div className="weather-quad__note">
          {radar.grid.cols}×{radar.grid.rows} 格 · 5 km
        </div>
      </div>
    </div>
  );
}
