import { describe, expect, it } from 'vitest';
import { CONTRACT_VERSION, type DistrictFeature, type DistrictsResponse } from '../../../hub/contract.ts';
import type { WeatherWarnings } from '../../../hub/topics/weather.ts';
import { WARNING_LEVEL_STYLE } from '../colors.ts';
import { toRgba } from '../../../core/colour.ts';
import { LABEL_MIN_AREA_KM2, WARNING_LEGEND_ITEMS, buildWarningLayers, describeDistrictWarnings, labelledDistricts, warningsByDistrict } from './warnings.ts';
import { createLayerMemo } from '../../../core/module-api.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

const T = Date.UTC(2024, 6, 15, 7, 0);

function feature(code: string, name: string, areaKm2: number, center: [number, number]): DistrictFeature {
  const [x, y] = center;
  const ring: [number, number][] = [[x - 0.1, y - 0.1], [x + 0.1, y - 0.1], [x + 0.1, y + 0.1], [x - 0.1, y + 0.1], [x - 0.1, y - 0.1]];
  return { type: 'Feature', properties: { code, name, nameEn: name, center, areaKm2 }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const DISTRICTS: DistrictsResponse = {
  contractVersion: CONTRACT_VERSION,
  datum: 'WGS84',
  type: 'FeatureCollection',
  features: [feature('500103', '渝中区', 22, [106.55, 29.55]), feature('500110', '綦江区', 2754, [106.77, 28.94]), feature('500101', '万州区', 3458, [108.44, 30.75])],
};

const WARNINGS: WeatherWarnings = {
  time: T,
  active: [
    { id: '500110-gale-2', districtCode: '500110', type: 'gale', level: 'blue', issuedAt: T, basis: { metric: 'gust', value: 15, unit: 'm/s' } },
    { id: '500110-rainstorm-1', districtCode: '500110', type: 'rainstorm', level: 'orange', issuedAt: T - 60_000, basis: { metric: 'rain3h', value: 62, unit: 'mm' } },
    { id: '500103-fog-3', districtCode: '500103', type: 'fog', level: 'yellow', issuedAt: T - 120_000, basis: { metric: 'visibility', value: 300, unit: 'm' } },
  ],
  issuedToday: 3,
  liftedToday: 0,
  districts: [
    { code: '500103', rain1hMm: 0, rain3hMm: 0, rain12hMm: 0, rainTodayMm: 0 },
    { code: '500110', rain1hMm: 31.2, rain3hMm: 62, rain12hMm: 70, rainTodayMm: 71.5 },
    { code: '500101', rain1hMm: 0, rain3hMm: 0, rain12hMm: 0, rainTodayMm: 2 },
  ],
};

const input = (version: number, selected: string | null = null) => ({ id: 'warnings', districts: DISTRICTS, warnings: WARNINGS, version, selected, scale: 1, opacity: 0.4, labels: true, memo });

describe('weather warning layers', () => {
  it('derive the most severe warning per district once per topic value', () => {
    const map = memo(warningsByDistrict, WARNINGS);
    expect(map.get('500110')!.top!.level).toBe('orange');
    expect(map.get('500110')!.all).toHaveLength(2);
    expect(map.get('500101')!.top).toBeNull();
    expect(memo(warningsByDistrict, WARNINGS)).toBe(map);
    expect(memo(warningsByDistrict, { ...WARNINGS })).not.toBe(map);
  });

  it('have stable ids and fill each district with its warning colour, translucent, not extruded', () => {
    const [fill, labels] = buildWarningLayers(input(1));
    expect([fill.id, labels.id]).toEqual(['warnings-fill', 'warnings-labels']);
    expect(buildWarningLayers(input(2, '500101')).map((l) => l.id)).toEqual(['warnings-fill', 'warnings-labels']);
    const p = fill.props as unknown as { extruded: boolean; getFillColor: (f: DistrictFeature) => number[]; getLineColor: (f: DistrictFeature) => number[]; updateTriggers: Record<string, unknown> };
    expect(p.extruded).toBe(false);
    expect(p.getFillColor(DISTRICTS.features[1])).toEqual(toRgba(WARNING_LEVEL_STYLE.orange.color, Math.round(255 * 0.4)));
    expect(p.getFillColor(DISTRICTS.features[0])).toEqual(toRgba(WARNING_LEVEL_STYLE.yellow.color, Math.round(255 * 0.4)));
    expect(p.getFillColor(DISTRICTS.features[2])[3]).toBe(0);
    expect(p.updateTriggers.getFillColor).toEqual([1, 0.4]);
  });

  it('label large districts always and small ones only while warned, with the warning named', () => {
    const features = labelledDistricts(DISTRICTS, warningsByDistrict(WARNINGS));
    expect(features.map((f) => f.properties.code).sort()).toEqual(['500101', '500103', '500110']);
    const quiet = { ...WARNINGS, active: [] };
    expect(labelledDistricts(DISTRICTS, warningsByDistrict(quiet)).every((f) => f.properties.areaKm2 >= LABEL_MIN_AREA_KM2)).toBe(true);
    const [, labels] = buildWarningLayers(input(1));
    // The same value again (a new seq): the same label data, no re-layout.
    const [, again] = buildWarningLayers(input(2));
    expect((again.props as unknown as { data: unknown }).data).toBe((labels.props as unknown as { data: unknown }).data);
    const text = (labels.props as unknown as { getText: (f: DistrictFeature) => string }).getText;
    expect(text(DISTRICTS.features[1])).toBe('綦江区 暴雨橙');
    expect(text(DISTRICTS.features[2])).toBe('万州区');
  });

  it('tooltip lists the warnings, most severe first, and the rain, as text', () => {
    const lines = describeDistrictWarnings(DISTRICTS.features[1], warningsByDistrict(WARNINGS).get('500110'));
    expect(lines[0]).toBe('綦江区 綦江区');
    expect(lines[1]).toMatch(/^暴雨橙色预警 · \d\d:\d\d 发布$/);
    expect(lines[2]).toMatch(/^大风蓝色预警/);
    expect(lines[3]).toBe('雨量 1小时 31.2 mm · 3小时 62 mm · 今日 71.5 mm');
    expect(describeDistrictWarnings(DISTRICTS.features[2], warningsByDistrict(WARNINGS).get('500101'))[1]).toBe('无生效预警 · No warning in force');
  });

  it('legend: the four levels in order with their Chinese names', () => {
    expect(WARNING_LEGEND_ITEMS.map((i) => i.label)).toEqual(['蓝色预警', '黄色预警', '橙色预警', '红色预警']);
    expect(WARNING_LEGEND_ITEMS.map((i) => i.color)).toEqual(['#3d8bff', '#ffd23f', '#ff8c1a', '#ff3b30']);
  });
});
