import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { TrafficVehicles } from '../../../hub/topics/traffic.ts';
import { SPEED_LUT } from '../scales.ts';
import type { LayerMemo } from '../../../core/module-api.ts';

export interface VehicleLayerInput {
  id: string;
  vehicles: TrafficVehicles;
  scale: number;
  /** Interpolate between 1 Hz frames on the GPU (off with ?anim=0: the picture is the latest frame). */
  animate: boolean;
  /** Milliseconds a frame's motion is spread over: the frame interval. */
  transitionMs?: number;
  radiusPx?: number;
  opacity?: number;
  /** The scene layer's memo (ctx.memo): one data object per frame is kept in it. */
  memo: LayerMemo;
}

export interface VehicleBinaryData {
  length: number;
  attributes: {
    getPosition: { value: Float32Array; size: 2 };
    getFillColor: { value: Uint8Array; size: 4; normalized: true };
  };
}

/**
 * The frame as deck.gl binary attributes: positions straight from the wire, colours looked up
 * from the speed column. No per-vehicle objects. Through the layer's memo: one object per frame,
 * the same while the frame is (deck compares data by reference).
 */
export function vehicleData(v: TrafficVehicles & { colors?: Uint8Array }): VehicleBinaryData {
  // The decode worker has already looked the colours up; frames from elsewhere (tests) have not.
  const colors = v.colors ?? lookUpColors(v);
  return {
    length: v.count,
    attributes: {
      getPosition: { value: v.positions, size: 2 },
      getFillColor: { value: colors, size: 4, normalized: true },
    },
  };
}

function lookUpColors(v: TrafficVehicles): Uint8Array {
  const colors = new Uint8Array(v.count * 4);
  const lut = SPEED_LUT;
  for (let i = 0; i < v.count; i++) {
    const o = v.speeds[i] * 4;
    colors[i * 4] = lut[o];
    colors[i * 4 + 1] = lut[o + 1];
    colors[i * 4 + 2] = lut[o + 2];
    colors[i * 4 + 3] = lut[o + 3];
  }
  return colors;
}

/**
 * Floating cars as small points. Between frames deck.gl's attribute transition moves each point
 * from where it is drawn to its new position over one frame interval (GPU interpolation; vehicle
 * i is the same vehicle in every frame), so the fleet flows instead of jumping once a second.
 */
export function buildVehicleLayers({ id, vehicles, scale, animate, transitionMs = 1000, radiusPx = 1, opacity = 1, memo }: VehicleLayerInput): Layer[] {
  return [
    new ScatterplotLayer({
      id: `${id}-points`,
      data: memo(vehicleData, vehicles) as never,
      radiusUnits: 'pixels',
      getRadius: radiusPx,
      radiusScale: scale,
      radiusMinPixels: 1,
      stroked: false,
      filled: true,
      opacity,
      pickable: false,
      parameters: { depthCompare: 'always', depthWriteEnabled: false },
      transitions: animate ? { getPosition: { duration: transitionMs, type: 'interpolation' } } : undefined,
    }),
  ];
}
