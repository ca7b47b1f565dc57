import { Color } from 'three';
import type { Buildings } from '../../hub/buildings.ts';

/**
 * The generated city's look on a dark wall (WALL-STYLE.md): buildings tinted by height from a deep
 * blue-teal near the ground colour to a light cyan for towers, so the skyline reads at a glance
 * and low blocks stay dark enough for rivers and roads to read between them; roof outlines and
 * the top edge of each facade lit in the twin's cyan; warm windows after dusk.
 */
export const TINT = {
  /** Low blocks (≤ LOW_M) and towers (≥ HIGH_M), by night and by day (sRGB). */
  lowNight: '#0a2233',
  highNight: '#2a86b4',
  lowDay: '#173a4e',
  highDay: '#5cbfe6',
  highlight: '#ffd166',
  selected: '#fff6d8',
  edge: '#3fd0ff',
  window: '#ffcf8a',
} as const;
export const LOW_M = 8;
export const HIGH_M = 250;

/** 0 for a low block, 1 for a tower: logarithmic in height (a 30-storey tower is half-way up). */
export function heightShare(heightM: number): number {
  if (!(heightM > LOW_M)) return 0;
  return Math.min(1, Math.log(heightM / LOW_M) / Math.log(HIGH_M / LOW_M));
}

const lowNight = new Color(TINT.lowNight);
const highNight = new Color(TINT.highNight);
const lowDay = new Color(TINT.lowDay);
const highDay = new Color(TINT.highDay);
const scratch = new Color();

/** The tint of a building of this height in this much daylight (0 night … 1 day), into `out`. */
export function heightTint(heightM: number, day: number, out: Color): Color {
  const t = heightShare(heightM);
  out.copy(lowNight).lerp(highNight, t);
  return out.lerp(scratch.copy(lowDay).lerp(highDay, t), Math.max(0, Math.min(1, day)));
}

/** A clearing in local metres: the generated buildings there make way for a real model. */
export interface LocalClearing {
  x: number;
  y: number;
  radiusM: number;
}

/**
 * Which buildings stand in a clearing (1) and are not drawn or picked. A building counts if its
 * footprint's centre is within the radius plus half its larger side, so none pokes into the site.
 */
export function clearedMask(b: Buildings, clearings: readonly LocalClearing[]): Uint8Array | null {
  if (!clearings.length) return null;
  const mask = new Uint8Array(b.count);
  for (let i = 0; i < b.count; i++) {
    const half = Math.max(b.width[i], b.depth[i]) / 2;
    for (const c of clearings) {
      const r = c.radiusM + half;
      const dx = b.x[i] - c.x;
      const dy = b.y[i] - c.y;
      if (dx * dx + dy * dy <= r * r) {
        mask[i] = 1;
        break;
      }
    }
  }
  return mask;
}

const glsl = (c: string) => {
  const v = new Color(c);
  return `vec3(${v.r.toFixed(4)}, ${v.g.toFixed(4)}, ${v.b.toFixed(4)})`;
};

/**
 * Shader lines added to three's Lambert material for the instanced unit box (x, y in −0.5…0.5,
 * z in 0…1, scaled per instance to width × depth × height). Edges and windows are sized in
 * metres but faded by their size on screen (fwidth), so a far city neither sparkles nor turns
 * into a mesh of outlines.
 */
export function patchBuildingShader(shader: { vertexShader: string; fragmentShader: string; uniforms: Record<string, { value: unknown }> }, uniforms: { uNight: { value: number }; uEdge: { value: number } }) {
  shader.uniforms.uNight = uniforms.uNight;
  shader.uniforms.uEdge = uniforms.uEdge;
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', '#include <common>\nvarying vec3 vUnit;\nvarying vec3 vBoxNormal;\nvarying vec3 vSize;')
    .replace(
      '#include <begin_vertex>',
      `#include <begin_vertex>
      vUnit = position;
      vBoxNormal = normal;
      vSize = vec3(length(instanceMatrix[0].xyz), length(instanceMatrix[1].xyz), length(instanceMatrix[2].xyz));`,
    );
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', '#include <common>\nuniform float uNight;\nuniform float uEdge;\nvarying vec3 vUnit;\nvarying vec3 vBoxNormal;\nvarying vec3 vSize;')
    .replace(
      '#include <color_fragment>',
      `#include <color_fragment>
      float roof = step(0.5, vBoxNormal.z);
      // Facades darken toward the street: the city glows upward, the ground plane stays readable.
      diffuseColor.rgb *= mix(mix(0.5, 1.0, vUnit.z), 1.25, roof);`,
    )
    .replace(
      '#include <emissivemap_fragment>',
      `#include <emissivemap_fragment>
      {
        float sideX = step(0.5, abs(vBoxNormal.x));
        // Metres along the facade and up it, and to the nearest edge of the face.
        float along = mix(vUnit.x * vSize.x, vUnit.y * vSize.y, sideX);
        float halfAlong = mix(vSize.x, vSize.y, sideX) * 0.5;
        float up = vUnit.z * vSize.z;
        float toTop = vSize.z - up;
        float toCorner = halfAlong - abs(along);
        float toRoofEdge = min((0.5 - abs(vUnit.x)) * vSize.x, (0.5 - abs(vUnit.y)) * vSize.y);
        // Metres per pixel on this face.
        float mpp = max(mix(max(fwidth(up), fwidth(along)), fwidth(toRoofEdge) * 1.4, roof), 1e-4);
        // Outlines only once a building is a dozen pixels tall on screen.
        float near = smoothstep(8.0, 24.0, vSize.z / mpp);
        float line = 1.0 - smoothstep(0.6 * mpp, 1.6 * mpp, mix(min(toTop, toCorner * 2.0), toRoofEdge, roof));
        totalEmissiveRadiance += uEdge * near * line * ${glsl(TINT.edge)};
        // Windows: floors every 3.6 m, bays every 4 m; which are lit varies by window and building.
        // Far away a window is under a pixel: windows merge by powers of two (a level of detail),
        // so a far facade shows stable dots of light, never sub-pixel sparkle nor a flat wash.
        float facade = 1.0 - roof;
        float lod = exp2(max(0.0, ceil(log2(1.3 * mpp / 3.6))));
        float floorM = 3.6 * lod;
        float bayM = 4.0 * lod;
        float seed = dot(vSize.xy, vec2(0.731, 1.173)) + lod;
        float lit = step(0.72, fract(sin(dot(vec2(floor(along / bayM), floor(up / floorM)) + seed, vec2(12.9898, 78.233))) * 43758.5453));
        float pane = step(0.35, fract(up / floorM)) * step(0.3, fract(along / bayM));
        float glow = lit * pane * 0.85 * step(3.0, toTop);
        totalEmissiveRadiance += uNight * facade * glow * ${glsl(TINT.window)};
      }`,
    );
}
