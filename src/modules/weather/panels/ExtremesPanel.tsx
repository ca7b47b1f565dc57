import { useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import type { StationReading, WeatherStations } from '../../../hub/topics/weather.ts';

interface Extreme {
  title: string;
  titleEn: string;
  value: (s: StationReading) => number;
  unit: string;
  pick: 'max' | 'min';
}

const EXTREMES: Extreme[] = [
  { title: '最高气温', titleEn: 'Max temp', value: (s) => s.temperatureC, unit: '°C', pick: 'max' },
  { title: '最低气温', titleEn: 'Min temp', value: (s) => s.temperatureC, unit: '°C', pick: 'min' },
  { title: '最大小时雨量', titleEn: 'Max 1-h rain', value: (s) => s.rain1hMm, unit: 'mm', pick: 'max' },
  { title: '最大阵风', titleEn: 'Max gust', value: (s) => s.windGustMs, unit: 'm/s', pick: 'max' },
];

/** The city's extremes now, with the stations that hold them (online stations only). */
export function ExtremesPanel() {
  const stations = useTopic<WeatherStations>('weather.stations')?.data;
  const online = stations?.stations.filter((s) => s.online) ?? [];
  if (!online.length) return <PanelWaiting />;
  return (
    <div className="weather-quad" data-testid="weather-extremes">
      {EXTREMES.map((e) => {
        const best = online.reduce((a, b) => ((e.pick === 'max' ? e.value(b) > e.value(a) : e.value(b) < e.value(a)) ? b : a));
        return (
          <div className="weather-quad__cell" key={e.title}>
            <div className="weather-quad__title">
              {e.title}
              <span>{e.titleEn}</span>
            </div>
            <div className="weather-quad__value">
              {e.value(best).toFixed(1)}
              <small>{e.unit}</small>
            </div>
            <div className="weather-quad__station">{best.name}</div>
          </div>
        );
      })}
    </div>
  );
}
