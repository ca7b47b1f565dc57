import { useLayoutEffect as useEffect, useMemo } from 'react';
import { useFrame } from '@react-three/fiber';
import {
  DataTexture,
  InstancedBufferAttribute,
  InstancedBufferGeometry,
  LinearFilter,
  Mesh,
  RedFormat,
  ShaderMaterial,
  UnsignedByteType,
  Vector2,
  Vector4,
  BufferAttribute,
} from 'three';
import type { GridSpec } from '../../../hub/contract.ts';
import { useCity } from '../../../core/city-context.ts';

/** A rain-rate grid, as the weather radar delivers it: sqrt-scaled bytes, mm/h = (q / 25)². */
export interface RainField {
  grid: GridSpec;
  values: Uint8Array;
  /** Cells over which the field fades out at its border (the end of radar coverage). */
  edgeFadeCells: number;
}

/** Streaks in the pool; each shows only where the radar says it rains, more of them the harder it rains. */
export const RAIN_STREAKS = 30_000;
/** The box of rain around the view centre, in screen pixels (covers a 1080p view at any pitch). */
const BOX_PX = 2600;
const FALL_PX = 70;
const STREAK_PX = 20;
const STREAK_WIDTH_PX = 2;

const vertexShader = /* glsl */ `
  attribute vec4 aSeed;
  uniform sampler2D uRain;
  uniform vec4 uGridBox;      // local metres: west, south, east, north
  uniform vec2 uFade;         // grid cells / edge-fade cells, per axis
  uniform vec2 uCenter;       // local metres of the view centre
  uniform float uMpp;         // metres per CSS pixel at the view centre
  uniform float uTime;        // seconds
  uniform vec2 uViewport;     // drawing buffer pixels
  uniform float uPixelRatio;
  varying float vAlong;
  varying float vStrength;

  void main() {
    float box = ${BOX_PX.toFixed(1)} * uMpp;
    // World-anchored positions wrapped into a box around the view centre: streaks stay put while
    // the camera pans, and the box follows the zoom so the screen density stays the same.
    vec2 xy = uCenter + (fract((aSeed.xy * box - uCenter) / box + 0.5) - 0.5) * box;
    vec2 uv = vec2((xy.x - uGridBox.x) / (uGridBox.z - uGridBox.x), (uGridBox.w - xy.y) / (uGridBox.w - uGridBox.y));
    float q = 0.0;
    if (uv.x > 0.0 && uv.x < 1.0 && uv.y > 0.0 && uv.y < 1.0) q = texture2D(uRain, uv).r * 255.0;
    // Share of streaks shown grows with the rain rate: 40 % at 1 mm/h (q = 25), all from 9 mm/h.
    vec2 edge = min(uv, 1.0 - uv) * uFade;
    float shown = clamp((q - 4.0) / 50.0, 0.0, 1.0) * smoothstep(0.0, 1.0, min(edge.x, edge.y));
    if (aSeed.z >= shown) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
    vStrength = clamp(q / 80.0, 0.55, 1.0);
    float fall = ${FALL_PX.toFixed(1)} * uMpp;
    float speed = 1.4 + 0.8 * aSeed.w;                       // falls per second
    float z = fall * fract(aSeed.w * 7.0 - uTime * speed);
    float len = ${STREAK_PX.toFixed(1)} * uMpp * (0.7 + 0.6 * vStrength);
    vec4 top = projectionMatrix * modelViewMatrix * vec4(xy, z + len, 1.0);
    vec4 bottom = projectionMatrix * modelViewMatrix * vec4(xy, z, 1.0);
    // A screen-space ribbon a couple of pixels wide, whatever the zoom.
    vec2 dir = (bottom.xy / bottom.w - top.xy / top.w) * uViewport;
    vec2 side = length(dir) > 1e-4 ? normalize(vec2(-dir.y, dir.x)) : vec2(1.0, 0.0);
    vec4 p = position.y > 0.5 ? bottom : top;
    p.xy += side * position.x * ${STREAK_WIDTH_PX.toFixed(1)} * uPixelRatio / uViewport * p.w;
    vAlong = position.y;
    gl_Position = p;
  }
`;

const fragmentShader = /* glsl */ `
  varying float vAlong;
  varying float vStrength;
  void main() {
    // Brighter at the leading end, fading toward the tail.
    gl_FragColor = vec4(0.8, 0.9, 1.0, (0.3 + 0.6 * vAlong) * vStrength);
  }
`;

/** A deterministic pseudo-random sequence (mulberry32): the same streaks on every display. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The streaks' moment in seconds: the wall clock's, or mid-fall on a still wall. */
export function rainSeconds(now: number | null): number {
  return now === null ? 0.4 : (now % 3_600_000) / 1000;
}

/** The streak pool: one instanced ribbon per streak, with seeds the same on every display. */
function makeStreaks(count: number) {
  const geometry = new InstancedBufferGeometry();
  // Two triangles: x is the side (−1 / +1), y is the end (0 top, 1 bottom).
  geometry.setAttribute('position', new BufferAttribute(new Float32Array([-1, 0, 0, 1, 0, 0, -1, 1, 0, 1, 1, 0]), 3));
  geometry.setIndex([0, 2, 1, 1, 2, 3]);
  const seeds = new Float32Array(count * 4);
  const next = random(20_260_101);
  for (let i = 0; i < seeds.length; i++) seeds[i] = next();
  geometry.setAttribute('aSeed', new InstancedBufferAttribute(seeds, 4));
  geometry.instanceCount = count;
  const material = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    transparent: true,
    depthWrite: false,
    uniforms: {
      uRain: { value: null },
      uGridBox: { value: new Vector4() },
      uFade: { value: new Vector2(1, 1) },
      uCenter: { value: new Vector2() },
      uMpp: { value: 1 },
      uTime: { value: 0 },
      uViewport: { value: new Vector2(1, 1) },
      uPixelRatio: { value: 1 },
    },
  });
  const mesh = new Mesh(geometry, material);
  mesh.frustumCulled = false; // positions are made in the shader
  mesh.renderOrder = 10; // after the buildings, so they hide the rain behind them
  return mesh;
}

/**
 * Falling rain in the 3D city, where the weather radar has it. Everything moves on the GPU (a time
 * uniform), and the radar grid is a small texture the vertex shader samples: a new radar frame is
 * one texture upload, nothing per streak on the CPU. The pool lives as long as the component; a
 * new field only refills the texture.
 */
export function RainStreaks({ field, count = RAIN_STREAKS }: { field: RainField; count?: number }) {
  const city = useCity();
  const mesh = useMemo(() => makeStreaks(count), [count]);
  useEffect(
    () => () => {
      mesh.geometry.dispose();
      mesh.material.dispose();
    },
    [mesh],
  );
  const { cols, rows } = field.grid;
  const texture = useMemo(() => {
    const t = new DataTexture(new Uint8Array(cols * rows), cols, rows, RedFormat, UnsignedByteType);
    t.magFilter = LinearFilter;
    t.minFilter = LinearFilter;
    t.unpackAlignment = 1;
    return t;
  }, [cols, rows]);
  useEffect(() => () => texture.dispose(), [texture]);
  useEffect(() => {
    const u = mesh.material.uniforms;
    u.uRain.value = texture;
    (texture.image.data as Uint8Array).set(field.values.subarray(0, cols * rows));
    texture.needsUpdate = true;
    const { bbox } = field.grid;
    const [west, south] = city.toLocal([bbox[0], bbox[1]]);
    const [east, north] = city.toLocal([bbox[2], bbox[3]]);
    u.uGridBox.value.set(west, south, east, north);
    const fade = Math.max(1e-3, field.edgeFadeCells);
    u.uFade.value.set(cols / fade, rows / fade);
  }, [field, texture, mesh, city, cols, rows]);
  useFrame(() => {
    const u = mesh.material.uniforms;
    const v = city.view;
    u.uCenter.value.set(v.center[0], v.center[1]);
    u.uMpp.value = v.metresPerPixel;
    u.uTime.value = rainSeconds(v.now);
    u.uViewport.value.set(v.viewport[0], v.viewport[1]);
    u.uPixelRatio.value = v.pixelRatio;
  });
  return <primitive object={mesh} />;
}
