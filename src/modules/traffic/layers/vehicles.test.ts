import { describe, expect, it } from 'vitest';
import type { TrafficVehicles } from '../../../hub/topics/traffic.ts';
import { SPEED_LUT } from '../scales.ts';
import { createLayerMemo } from '../../../core/module-api.ts';
import { buildVehicleLayers, vehicleData } from './vehicles.ts';

// The scene layer's memo, shared by the builds of a test as the scene driver shares it across frames.
const memo = createLayerMemo();

function frame(count: number): TrafficVehicles {
  const positions = new Float32Array(count * 2);
  const speeds = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    positions[2 * i] = 106.5 + i * 1e-4;
    positions[2 * i + 1] = 29.5 + i * 1e-4;
    speeds[i] = (i * 7) % 90;
  }
  return { count, positions, speeds };
}

const props = (layer: { props: unknown }) => layer.props as Record<string, unknown>;

describe('vehicleData', () => {
  it('hands the wire columns to deck.gl as binary attributes, no per-vehicle objects', () => {
    const v = frame(1000);
    const d = vehicleData(v);
    expect(d.length).toBe(1000);
    expect(d.attributes.getPosition.value).toBe(v.positions);
    expect(d.attributes.getPosition.size).toBe(2);
    expect(d.attributes.getFillColor.value).toBeInstanceOf(Uint8Array);
    expect(d.attributes.getFillColor.value.length).toBe(4000);
    expect(Object.keys(d)).toEqual(['length', 'attributes']);
  });

  it('colours by speed from the ramp: stopped dim, fast bright', () => {
    const v = frame(20);
    const c = vehicleData(v).attributes.getFillColor.value;
    for (let i = 0; i < 20; i++) expect(Array.from(c.subarray(4 * i, 4 * i + 4))).toEqual(Array.from(SPEED_LUT.subarray(v.speeds[i] * 4, v.speeds[i] * 4 + 4)));
    const lum = (s: number) => SPEED_LUT[s * 4] + SPEED_LUT[s * 4 + 1] + SPEED_LUT[s * 4 + 2];
    expect(lum(80)).toBeGreaterThan(lum(40));
    expect(lum(40)).toBeGreaterThan(lum(0));
  });

  it('is memoised per frame through the layer memo: a new frame is a new data object (deck re-reads the attributes)', () => {
    const a = frame(10);
    const d = memo(vehicleData, a);
    expect(memo(vehicleData, a)).toBe(d);
    expect(memo(vehicleData, frame(10))).not.toBe(d);
  });
});

describe('buildVehicleLayers', () => {
  it('one point layer with a stable id, sized for the wall', () => {
    const v = frame(10);
    const [layer] = buildVehicleLayers({ id: 'vehicles', vehicles: v, scale: 2, animate: true, memo });
    expect(layer.id).toBe('vehicles-points');
    expect(props(layer).radiusScale).toBe(2);
    expect(props(layer).pickable).toBe(false);
    expect(props(layer).data).toBe(memo(vehicleData, v));
    const [again] = buildVehicleLayers({ id: 'vehicles', vehicles: v, scale: 2, animate: true, memo });
    expect(props(again).data).toBe(props(layer).data);
  });

  it('interpolates positions over a frame interval when animated, shows the latest frame when not', () => {
    const v = frame(10);
    const [moving] = buildVehicleLayers({ id: 'vehicles', vehicles: v, scale: 1, animate: true, memo });
    expect(props(moving).transitions).toEqual({ getPosition: { duration: 1000, type: 'interpolation' } });
    const [still] = buildVehicleLayers({ id: 'vehicles', vehicles: v, scale: 1, animate: false, memo });
    expect(props(still).transitions).toBeFalsy();
  });
});
