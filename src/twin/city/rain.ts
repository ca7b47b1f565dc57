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
import type { GridSpec } from '../../hub/contract.ts';

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

/**
 * Falling rain in the 3D city, where the weather radar has it. One instanced ribbon per streak;
 * everything moves on the GPU (a time uniform), and the radar grid is a small texture the vertex
 * shader samples: a new radar frame is one texture upload, nothing per streak on the CPU.
 */
export class Rain {
  readonly mesh: Mesh<InstancedBufferGeometry, ShaderMaterial>;
  private texture: DataTexture | null = null;
  private field: RainField | null = null;

  constructor(count = RAIN_STREAKS) {
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
    this.mesh = new Mesh(geometry, material);
    this.mesh.frustumCulled = false; // positions are made in the shader
    this.mesh.visible = false;
    this.mesh.renderOrder = 10; // after the buildings, so they hide the rain behind them
  }

  /** Shows a radar grid (or none). `toLocal` maps lon/lat to the city's local metres. */
  setField(field: RainField | null, toLocal: (p: [number, number]) => [number, number]) {
    if (field === this.field) return;
    this.field = field;
    this.mesh.visible = field !== null;
    if (!field) return;
    const { cols, rows, bbox } = field.grid;
    if (!this.texture || this.texture.image.width !== cols || this.texture.image.height !== rows) {
      this.texture?.dispose();
      this.texture = new DataTexture(new Uint8Array(cols * rows), cols, rows, RedFormat, UnsignedByteType);
      this.texture.magFilter = LinearFilter;
      this.texture.minFilter = LinearFilter;
      this.texture.unpackAlignment = 1;
      this.mesh.material.uniforms.uRain.value = this.texture;
    }
    (this.texture.image.data as Uint8Array).set(field.values.subarray(0, cols * rows));
    this.texture.needsUpdate = true;
    const [west, south] = toLocal([bbox[0], bbox[1]]);
    const [east, north] = toLocal([bbox[2], bbox[3]]);
    this.mesh.material.uniforms.uGridBox.value.set(west, south, east, north);
    const fade = Math.max(1e-3, field.edgeFadeCells);
    this.mesh.material.uniforms.uFade.value.set(cols / fade, rows / fade);
  }

  get visible() {
    return this.mesh.visible;
  }

  /** Per frame: where the view is, its scale, and the moment (seconds) the streaks fall at. */
  frame(center: [number, number], metresPerPixel: number, seconds: number, viewport: [number, number], pixelRatio: number) {
    const u = this.mesh.material.uniforms;
    u.uCenter.value.set(center[0], center[1]);
    u.uMpp.value = metresPerPixel;
    u.uTime.value = seconds;
    u.uViewport.value.set(viewport[0], viewport[1]);
    u.uPixelRatio.value = pixelRatio;
  }

  dispose() {
    this.texture?.dispose();
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }
}
