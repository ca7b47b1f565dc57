import { describe, expect, it } from 'vitest';
import { aqiCategoryOf, type AirStation, type AirStations } from '../../../hub/topics/environment.ts';
import { AQI_LEGEND_ITEMS, AQI_STYLE } from '../colors.ts';
import { toRgba } from '../../../core/colour.ts';
import { LABEL_GAP_DEG, LABEL_ZOOM, TOP_AQI_LABELS, buildAqiStationLayers, describeAirStation, labelSplit } from './aqi-stations.ts';
import { createLayerMemo } from '../../../core/module-api.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

const T = Date.UTC(2024, 11, 20, 6, 0);
const site = (i: number, aqi: number, position: [number, number]): AirStation => ({
  id: `AQ${String(10300 + i)}`,
  name: `站${i}`,
  nameEn: `Site ${i}`,
  districtCode: '500103',
  position,
  kind: 'urban',
  aqi,
  category: aqiCategoryOf(aqi),
  primaryPollutant: aqi > 50 ? 'pm25' : null,
  pm25: aqi * 0.7,
  pm10: aqi,
  o3: 30,
  no2: 40,
  so2: 8,
  co: 0.8,
});
const STATIONS: AirStations = {
  time: T,
  stations: [
    site(0, 160, [106.55, 29.55]),
    site(1, 150, [106.56, 29.56]), // crowded by site 0
    site(2, 90, [107.5, 30.0]),
    site(3, 40, [108.5, 31.0]),
    ...Array.from({ length: 12 }, (_, i) => site(10 + i, 60 + i, [105.5 + i * 0.3, 28.5 + (i % 3) * 0.5])),
  ],
};

describe('AQI station layers', () => {
  it('colour each site by its HJ 633 category', () => {
    const [points] = buildAqiStationLayers({ id: 'aqi', stations: STATIONS, version: 1, scale: 1, labels: false, memo });
    const p = points.props as unknown as { getFillColor: (s: AirStation) => number[]; updateTriggers: Record<string, unknown> };
    expect(p.getFillColor(STATIONS.stations[0])).toEqual(toRgba(AQI_STYLE.moderate.color));
    expect(p.getFillColor(STATIONS.stations[3])).toEqual(toRgba(AQI_STYLE.excellent.color));
    expect(p.updateTriggers.getFillColor).toBe(1);
  });

  it('label the worst sites, spaced apart, and the rest only when zoomed in; stable ids', () => {
    const layers = buildAqiStationLayers({ id: 'aqi', stations: STATIONS, version: 2, scale: 1, labels: true, memo });
    expect(layers.map((l) => l.id)).toEqual(['aqi-points', 'aqi-labels']);
    const { worst, others } = memo(labelSplit, STATIONS);
    const labels = layers[1].props as unknown as { getMinZoom: (s: AirStation) => number; getPriority: (s: AirStation) => number };
    expect(labels.getMinZoom(worst[0])).toBe(0);
    expect(labels.getMinZoom(others[0])).toBe(LABEL_ZOOM);
    expect(labels.getPriority(worst[worst.length - 1])).toBeGreaterThan(labels.getPriority(others[0]));
    expect(worst.length).toBeLessThanOrEqual(TOP_AQI_LABELS);
    expect(worst.length).toBeGreaterThanOrEqual(6);
    expect(worst[0].aqi).toBe(160);
    expect(worst.some((s) => s.aqi === 150)).toBe(false);
    for (const a of worst) {
      for (const b of worst) {
        if (a === b) continue;
        const apart = Math.abs(a.position[0] - b.position[0]) >= LABEL_GAP_DEG[0] || Math.abs(a.position[1] - b.position[1]) >= LABEL_GAP_DEG[1];
        expect(apart).toBe(true);
      }
    }
    expect(worst.length + others.length).toBe(STATIONS.stations.length);
    expect(memo(labelSplit, STATIONS)).toBe(memo(labelSplit, STATIONS));
  });

  it('tooltip: AQI, category, primary pollutant and the six pollutants with units, as text', () => {
    const lines = describeAirStation(STATIONS.stations[0], '渝中区');
    expect(lines[0]).toBe('站0 Site 0 · 渝中区');
    expect(lines[1]).toBe('AQI 160 中度污染 · 首要污染物 PM2.5');
    expect(lines.join('\n')).toContain('CO 0.8 mg/m³');
    expect(lines.join('\n')).toContain('PM10 160 μg/m³');
    expect(describeAirStation(STATIONS.stations[3])[1]).toBe('AQI 40 优 · 首要污染物 无');
  });

  it('legend: the six categories in order, in Chinese with their ranges', () => {
    expect(AQI_LEGEND_ITEMS.map((i) => i.label)).toEqual(['优 0–50', '良 51–100', '轻度污染 101–150', '中度污染 151–200', '重度污染 201–300', '严重污染 >300']);
  });
});
