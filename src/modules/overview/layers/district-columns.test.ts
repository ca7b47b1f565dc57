import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rgb } from 'd3-color';
import { DISTRICT_RAMP, MAX_COLUMN_M, buildDistrictLayers, describeDistrict, districtScales } from './district-columns.ts';
import { shortName } from '../../district-names.ts';
import { CONTRACT_VERSION, type DistrictFeature, type DistrictFigures, type DistrictsResponse } from '../../../hub/contract.ts';

function feature(code: string, name: string, nameEn: string, areaKm2: number, center: [number, number]): DistrictFeature {
  const [x, y] = center;
  return {
    type: 'Feature',
    properties: { code, name, nameEn, center, areaKm2 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x - 0.05, y - 0.05],
          [x + 0.05, y - 0.05],
          [x + 0.05, y + 0.05],
          [x - 0.05, y + 0.05],
          [x - 0.05, y - 0.05],
        ],
      ],
    },
  };
}

const DISTRICTS: DistrictsResponse = {
  contractVersion: CONTRACT_VERSION,
  datum: 'WGS84',
  type: 'FeatureCollection',
  features: [
    feature('500103', '渝中区', 'Yuzhong', 22.34, [106.55, 29.55]),
    feature('500240', '石柱土家族自治县', 'Shizhu', 3012.5, [108.11, 30.0]),
    feature('500241', '秀山土家族苗族自治县', 'Xiushan', 2450.2, [108.99, 28.45]),
  ],
};

function figures(entries: [string, number][]): Map<string, DistrictFigures> {
  return new Map(entries.map(([code, calls], i) => [code, { code, dataCallsToday: calls, openEvents: i, devicesOnline: 100 * i }]));
}

describe('shortName', () => {
  it('shortens autonomous counties to the everyday form', () => {
    expect(shortName('石柱土家族自治县')).toBe('石柱县');
    expect(shortName('秀山土家族苗族自治县')).toBe('秀山县');
    expect(shortName('酉阳土家族苗族自治县')).toBe('酉阳县');
    expect(shortName('彭水苗族土家族自治县')).toBe('彭水县');
  });

  it('leaves ordinary districts and counties unchanged', () => {
    for (const name of ['渝中区', '忠县', '巫溪县', '沙坪坝区', '九龙坡区', '梁平县']) expect(shortName(name)).toBe(name);
  });

  it('never lengthens a name', () => {
    const unit = fc.constantFrom(...'石柱土家族苗族自治县区渝中彭水a1'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (s) => {
        const short = shortName(s);
        expect(short.length).toBeLessThanOrEqual(s.length);
        if (short !== s) expect(short).toBe(`${s.slice(0, 2)}县`);
        if (!s.endsWith('自治县')) expect(short).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('districtScales', () => {
  it('max is the largest dataCallsToday, at least 1', () => {
    expect(districtScales(figures([['500103', 50], ['500240', 2000], ['500241', 7]])).max).toBe(2000);
    expect(districtScales(new Map()).max).toBe(1);
    expect(districtScales(figures([['500103', 0]])).max).toBe(1);
  });

  it('height runs from 0 to MAX_COLUMN_M and colour from the first ramp stop to the last', () => {
    const s = districtScales(figures([['500103', 1_000_000], ['500240', 10]]));
    expect(s.height(0)).toBe(0);
    expect(s.height(1_000_000)).toBeCloseTo(MAX_COLUMN_M, 6);
    expect(s.height(250_000)).toBeCloseTo(MAX_COLUMN_M / 2, 6); // square-root scale
    expect(rgb(s.color(0)).formatHex()).toBe(DISTRICT_RAMP[0]);
    expect(rgb(s.color(1_000_000)).formatHex()).toBe(DISTRICT_RAMP[DISTRICT_RAMP.length - 1]);
  });

  it('height and every colour channel are monotonic in the value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 30 }),
        (values, fractions) => {
          const s = districtScales(figures(values.map((v, i) => [String(500100 + i), v])));
          const xs = fractions.map((f) => f * s.max).sort((a, b) => a - b);
          for (let i = 1; i < xs.length; i++) {
            expect(s.height(xs[i])).toBeGreaterThanOrEqual(s.height(xs[i - 1]));
            const a = rgb(s.color(xs[i - 1]));
            const b = rgb(s.color(xs[i]));
            expect(b.r).toBeGreaterThanOrEqual(a.r);
            expect(b.g).toBeGreaterThanOrEqual(a.g);
            expect(b.b).toBeGreaterThanOrEqual(a.b);
          }
          for (const x of xs) {
            expect(s.height(x)).toBeGreaterThanOrEqual(0);
            expect(s.height(x)).toBeLessThanOrEqual(MAX_COLUMN_M + 1e-6);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('describeDistrict', () => {
  it('lists name, figures and area as plain text', () => {
    const f = DISTRICTS.features[1];
    const lines = describeDistrict(f, { code: '500240', dataCallsToday: 1_234_567, openEvents: 42, devicesOnline: 12_345 });
    expect(lines).toEqual([
      '石柱土家族自治县 Shizhu',
      '今日数据调用 123.5 万次',
      '未办结事件 42 件',
      '在线感知设备 12,345 台',
      '面积 3,013 km²',
    ]);
  });

  it('without figures has only the name and the area', () => {
    expect(describeDistrict(DISTRICTS.features[0], undefined)).toEqual(['渝中区 Yuzhong', '面积 22 km²']);
  });

  it('passes markup through as text rather than interpreting it', () => {
    const hostile = feature('500199', '<b>区</b>', '<img src=x onerror=alert(1)>', 10, [106, 29]);
    const lines = describeDistrict(hostile, undefined);
    expect(lines[0]).toBe('<b>区</b> <img src=x onerror=alert(1)>');
  });
});

describe('buildDistrictLayers', () => {
  const input = (version: number, selected: string | null = null) => ({
    id: 'district',
    districts: DISTRICTS,
    figures: figures([['500103', 400_000], ['500240', 100_000], ['500241', 0]]),
    version,
    selected,
    scale: 2,
  });

  it('returns the column and label layers with stable ids', () => {
    const [columns, labels] = buildDistrictLayers(input(1));
    expect(columns.id).toBe('district-columns');
    expect(labels.id).toBe('district-labels');
    const again = buildDistrictLayers(input(2, '500103'));
    expect(again.map((l) => l.id)).toEqual(['district-columns', 'district-labels']);
  });

  it('updateTriggers follow version (and selection for colour)', () => {
    const [c1, l1] = buildDistrictLayers(input(1));
    const [c2, l2] = buildDistrictLayers(input(2));
    const [c2b, l2b] = buildDistrictLayers(input(2));
    const [c2s] = buildDistrictLayers(input(2, '500240'));
    const t = (layer: { props: unknown }) => (layer.props as { updateTriggers: Record<string, unknown> }).updateTriggers;
    expect(t(c1)).toEqual({ getElevation: 1, getFillColor: [1, null] });
    expect(t(c2).getElevation).not.toEqual(t(c1).getElevation);
    expect(t(c2).getFillColor).not.toEqual(t(c1).getFillColor);
    expect(t(l1).getPosition).toBe(1);
    expect(t(l2).getPosition).toBe(2);
    expect(t(c2b)).toEqual(t(c2));
    expect(t(l2b)).toEqual(t(l2));
    expect(t(c2s).getFillColor).toEqual([2, '500240']);
  });

  it('accessors give heights from the figures, the highlight for the selection, and short names', () => {
    const [columns, labels] = buildDistrictLayers(input(1, '500240'));
    const cp = columns.props as unknown as {
      getElevation: (f: DistrictFeature) => number;
      getFillColor: (f: DistrictFeature) => number[];
    };
    const lp = labels.props as unknown as {
      getText: (f: DistrictFeature) => string;
      getPosition: (f: DistrictFeature) => number[];
      sizeScale: number;
    };
    const [yuzhong, shizhu, xiushan] = DISTRICTS.features;
    expect(cp.getElevation(yuzhong)).toBeCloseTo(MAX_COLUMN_M, 6);
    expect(cp.getElevation(shizhu)).toBeCloseTo(MAX_COLUMN_M / 2, 6);
    expect(cp.getElevation(xiushan)).toBe(0);
    expect(cp.getFillColor(shizhu)).toEqual([255, 209, 102, 255]);
    expect(cp.getFillColor(xiushan)).toEqual([10, 47, 77, 235]);
    expect(lp.getText(xiushan)).toBe('秀山县');
    expect(lp.getPosition(yuzhong)).toEqual([106.55, 29.55, expect.closeTo(MAX_COLUMN_M + 400, 6)]);
    expect(lp.sizeScale).toBe(2);
  });
});
