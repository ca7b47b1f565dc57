import { useTopic } from '../../../core/wall-context.ts';
import { formatCn, formatPercent } from '../../../core/format.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WARNING_LEVELS, type WeatherForecast, type WeatherStations, type WeatherWarnings } from '../../../hub/topics/weather.ts';
import { WARNING_LEVEL_STYLE } from '../colors.ts';

/** The "four-day" system at a glance: detection, forecast, service, disaster prevention. */
export function FourDayPanel() {
  const stations = useTopic<WeatherStations>('weather.stations')?.data;
  const forecast = useTopic<WeatherForecast>('weather.forecast')?.data;
  const warnings = useTopic<WeatherWarnings>('weather.warnings')?.data;
  if (!stations || !forecast || !warnings) return <PanelWaiting />;
  const online = stations.stations.filter((s) => s.online).length;
  const reach = formatCn(forecast.service.reachToday);
  const byLevel = Object.fromEntries(WARNING_LEVELS.map((l) => [l, warnings.active.filter((w) => w.level === l).length]));
  return (
    <div className="weather-quad" data-testid="weather-four-day">
      <div className="weather-quad__cell">
        <div className="weather-quad__title">
          智能监测<span>Detection</span>
        </div>
        <div className="weather-quad__value" data-testid="kpi-stations-online">
          {online}
          <small>/{stations.stations.length} 站在线</small>
        </div>
        <div className="weather-quad__note">自动气象站 · 雷达每 5 秒</div>
      </div>
      <div className="weather-quad__cell">
        <div className="weather-quad__title">
          精准预报<span>Forecast</span>
        </div>
        <div className="weather-quad__value">
          {forecast.service.productsToday.toLocaleString('zh-CN')}
          <small>期 今日</small>
        </div>
        <div className="weather-quad__note">24h 气温准确率 {formatPercent(forecast.service.accuracy30d)}</div>
      </div>
      <div className="weather-quad__cell">
        <div className="weather-quad__title">
          普惠服务<span>Service</span>
        </div>
        <div className="weather-quad__value">
          {reach.value}
          <small>{reach.unit}人次</small>
        </div>
        <div className="weather-quad__note">今日服务覆盖 Reach today</div>
      </div>
      <div className="weather-quad__cell">
        <div className="weather-quad__title">
          防灾减灾<span>Prevention</span>
        </div>
        <div className="weather-quad__value" data-testid="kpi-active-warnings">
          {warnings.active.length}
          <small>条生效预警</small>
        </div>
        <div className="weather-levels">
          {WARNING_LEVELS.map((l) => (
            <span key={l} title={`${WARNING_LEVEL_STYLE[l].name}预警`}>
              <i style={{ background: WARNING_LEVEL_STYLE[l].color }} />
              {byLevel[l]}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
