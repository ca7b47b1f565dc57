import { describe, expect, it } from 'vitest';
import type { StationReading, WeatherStations } from '../../../hub/topics/weather.ts';
import { LABEL_ZOOM, TOP_RAIN_LABELS, buildStationLayers, deriveStations, describeStation } from './stations.ts';
import { createLayerMemo } from '../../../core/module-api.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

const T = Date.UTC(2024, 6, 15, 7, 0);
const station = (i: number, patch: Partial<StationReading> = {}): StationReading => ({
  id: `CQ${String(10600 + i)}`,
  name: `站${i}`,
  nameEn: `Station ${i}`,
  districtCode: '500106',
  position: [106 + i * 0.1, 29.5],
  elevationM: 300,
  online: true,
  observedAt: T,
  temperatureC: 20 + i,
  rain1hMm: i % 2 ? i : 0,
  windSpeedMs: 2,
  windGustMs: 3.5,
  windFromDeg: 45,
  humidityPct: 80,
  visibilityKm: 8,
  ...patch,
});
const STATIONS: WeatherStations = { time: T, stations: Array.from({ length: 12 }, (_, i) => station(i)) };

describe('weather station layers', () => {
  it('derive a colour domain at least 10 °C wide and the rainiest stations, once per value', () => {
    const d = memo(deriveStations, STATIONS);
    expect(d.domain).toEqual([20, 31]);
    // Stations 0.1° apart on one parallel: labels would overlap, so every sixth one is labelled.
    expect(d.topRain.map((s) => s.rain1hMm)).toEqual([11, 5]);
    expect(d.topRain.length).toBeLessThanOrEqual(TOP_RAIN_LABELS);
    // Crowded stations give way to the wettest neighbour.
    const crowded = deriveStations({
      time: T,
      stations: [station(1, { rain1hMm: 8 }), station(3, { rain1hMm: 9, position: [106.31, 29.51] }), station(5, { position: [106.2, 29.9] })],
    });
    expect(crowded.topRain.map((s) => s.rain1hMm)).toEqual([9, 5]);
    expect(d.others).toHaveLength(12 - d.topRain.length);
    expect(memo(deriveStations, STATIONS)).toBe(d);
    const narrow = deriveStations({ time: T, stations: [station(0, { temperatureC: 12 }), station(1, { temperatureC: 13 })] });
    expect(narrow.domain[1] - narrow.domain[0]).toBe(10);
    // Warmer is lighter: the ramp is sequential.
    const lum = (c: number[]) => 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2];
    expect(lum(d.color(31))).toBeGreaterThan(lum(d.color(20)));
  });

  it('build points and one placed label layer with stable ids and updateTriggers by seq', () => {
    const layers = buildStationLayers({ id: 'stations', stations: STATIONS, version: 4, scale: 1, labels: true, memo });
    expect(layers.map((l) => l.id)).toEqual(['stations-points', 'stations-labels']);
    const points = layers[0].props as unknown as { updateTriggers: Record<string, unknown>; getFillColor: (s: StationReading) => number[] };
    expect(points.updateTriggers.getFillColor).toBe(4);
    expect(points.getFillColor(station(0, { online: false }))).toEqual([125, 147, 178, 150]);
    const labels = layers[1].props as unknown as { getMinZoom: (s: StationReading) => number; getPriority: (s: StationReading) => number; data: StationReading[] };
    const d = memo(deriveStations, STATIONS);
    // Rain figures at any zoom and first; temperatures close in only.
    expect(labels.getMinZoom(d.topRain[0])).toBe(0);
    expect(labels.getMinZoom(d.others[0])).toBe(LABEL_ZOOM);
    expect(labels.getPriority(d.topRain[0])).toBeGreaterThan(labels.getPriority(d.others[0]));
    expect(labels.data).toHaveLength(STATIONS.stations.length);
    // The same value again: the same label data (deck compares data by reference).
    const again = buildStationLayers({ id: 'stations', stations: STATIONS, version: 5, scale: 1, labels: true, memo });
    expect((again[1].props as unknown as { data: unknown }).data).toBe(labels.data);
    expect(buildStationLayers({ id: 'stations', stations: STATIONS, version: 5, scale: 1, labels: false, memo }).map((l) => l.id)).toEqual(['stations-points']);
  });

  it('tooltip has every reading with units, as text', () => {
    const lines = describeStation(station(3, { visibilityKm: 0.35, windFromDeg: 225 }));
    expect(lines[0]).toBe('站3 Station 3 · 海拔 300 m');
    expect(lines.join('\n')).toContain('气温 23.0 °C · 相对湿度 80 %');
    expect(lines.join('\n')).toContain('1小时雨量 3.0 mm');
    expect(lines.join('\n')).toContain('西南风 2.0 m/s（225°）· 阵风 3.5 m/s');
    expect(lines.join('\n')).toContain('能见度 350 m');
  });
});
