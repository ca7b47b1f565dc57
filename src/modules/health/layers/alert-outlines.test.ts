import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DISTRICTS, T0, healthDistricts } from '../test-fixtures.ts';

import { LEVEL_COLORS } from '../scales.ts';
import { PULSE_MS, alertFeatures, buildAlertOutlines, pulseAt, type AlertFeature } from './alert-outlines.ts';
import { createLayerMemo } from '../../../core/module-api.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

const VALUE = healthDistricts();
const input = (now: number, animate: boolean, seq = 1) => ({ id: 'alerts', districts: DISTRICTS, value: VALUE, seq, scale: 1, now, animate, labels: true, memo });
type P = { data: { features: AlertFeature[] } | AlertFeature[]; lineWidthScale: number; opacity: number; getLineColor: (f: AlertFeature) => number[]; getText: (f: AlertFeature) => string };
const props = (l: { props: unknown }) => l.props as P;

describe('buildAlertOutlines', () => {
  it('glow, line and labels with stable ids, whether or not any district is in alert', () => {
    expect(buildAlertOutlines(input(0, false)).map((l) => l.id)).toEqual(['alerts-glow', 'alerts-line', 'alerts-labels']);
    const calm = { ...input(0, false), value: healthDistricts(null) };
    const layers = buildAlertOutlines(calm);
    expect(layers.map((l) => l.id)).toEqual(['alerts-glow', 'alerts-line', 'alerts-labels']);
    expect((props(layers[0]).data as { features: AlertFeature[] }).features).toEqual([]);
  });

  it('outlines exactly the districts in alert, in their warning level colour, named by level', () => {
    const [glow, line, labels] = buildAlertOutlines(input(0, false));
    const features = (props(line).data as { features: AlertFeature[] }).features;
    expect(features.map((f) => f.properties.code)).toEqual(['500112']);
    expect(props(line).getLineColor(features[0]).slice(0, 3)).toEqual([255, 210, 63]);
    expect(LEVEL_COLORS.yellow).toBe('#ffd23f');
    expect(props(glow).getLineColor(features[0])[3]).toBeLessThan(255);
    expect(props(labels).getText(features[0])).toBe('黄色预警');
  });

  it('pulses through uniforms only (width scale and opacity), complete when animation is off', () => {
    const still = buildAlertOutlines(input(0, false));
    expect(props(still[0]).lineWidthScale).toBeCloseTo(1.4, 6);
    const a = buildAlertOutlines(input(PULSE_MS / 4, true)); // crest
    const b = buildAlertOutlines(input((3 * PULSE_MS) / 4, true)); // trough
    expect(props(a[0]).lineWidthScale).toBeCloseTo(1.4, 6);
    expect(props(b[0]).lineWidthScale).toBeCloseTo(0.5, 6);
    expect(props(a[0]).opacity).toBeGreaterThan(props(b[0]).opacity);
    // Same data frame to frame: no attribute is rebuilt by the pulse.
    for (let i = 0; i < 3; i++) expect(props(a[i]).data).toBe(props(b[i]).data);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 45 }), (now) => {
        const p = pulseAt(now, true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
    expect(pulseAt(12345, false)).toBe(1);
  });

  it('derives the alert features once per topic value and geometry', () => {
    const value = healthDistricts();
    const derived = memo(alertFeatures, value, DISTRICTS);
    expect(memo(alertFeatures, value, DISTRICTS)).toBe(derived);
    const other = { ...DISTRICTS, features: [...DISTRICTS.features] };
    expect(memo(alertFeatures, value, other)).not.toBe(derived);
  });

  it('higher levels draw last', () => {
    const value = healthDistricts({ level: 'red', since: T0, reason: 'red-count' });
    value.districts[1].alert = { level: 'blue', since: T0, reason: 'yellow-share' };
    expect(alertFeatures(value, DISTRICTS).map((f) => f.alert.level)).toEqual(['blue', 'red']);
  });
});
