import {
  AmbientLight,
  BoxGeometry,
  Camera,
  Color,
  DirectionalLight,
  DynamicDrawUsage,
  InstancedMesh,
  Matrix4,
  MeshLambertMaterial,
  Object3D,
  Scene,
  Vector3,
  WebGLRenderer,
} from 'three';
import { MercatorCoordinate, type CustomLayerInterface, type CustomRenderMethodInput, type Map as MapLibreMap } from 'maplibre-gl';
import type { Buildings } from '../../hub/buildings.ts';
import type { Beacon } from '../../modules/types.ts';
import { wallNow } from '../../control/wall-clock.ts';
import { Beacons } from './beacons.ts';
import { pickBuilding } from './pick.ts';
import { Rain, type RainField } from './rain.ts';
import { daylight, sunPosition } from './sun.ts';

const DAY_COLOR = new Color('#9db4cf');
const NIGHT_COLOR = new Color('#22324f');
const HIGHLIGHT = new Color('#ffd166');
const SELECTED = new Color('#fff6d8');
const WINDOW_GLOW = new Color('#ffcf8a');

/** What the city layer shows; everything else about it is derived. */
export interface CityState {
  buildings: Buildings | null;
  /** Wall time (or playback time) for sun and night lights. */
  time: number;
  /** District whose buildings are highlighted. */
  highlightDistrict: string | null;
  /** The tapped building (index in the model), drawn brightest. */
  highlightBuilding: number | null;
  visible: boolean;
  /** Alert beacons to raise; they pulse while `animate` is on. */
  beacons: Beacon[];
  /** Where it rains (the weather radar's grid): falling streaks there. */
  rain: RainField | null;
  animate: boolean;
}

/** The city's local origin when no model has arrived yet (Jiefangbei). */
const DEFAULT_ORIGIN: [number, number] = [106.577, 29.558];

/**
 * The 3D city as a maplibre custom layer drawn by three.js in the map's own WebGL context and
 * camera (renderingMode 3d: depth shared with the map and deck.gl's interleaved layers). All
 * buildings are one InstancedMesh of a unit box, positioned in metres around a local origin, so
 * float32 keeps them steady at street zoom. Lit by the sun of the wall's clock; windows glow at
 * night (a few lines injected into the Lambert shader).
 */
export class CityLayer implements CustomLayerInterface {
  readonly id = 'city-buildings';
  readonly type = 'custom' as const;
  readonly renderingMode = '3d' as const;
  private map: MapLibreMap | null = null;
  private renderer: WebGLRenderer | null = null;
  private scene = new Scene();
  private camera = new Camera();
  private sun = new DirectionalLight(0xffffff, 1.6);
  private ambient = new AmbientLight(0xb8c8e8, 0.7);
  private geometry = new BoxGeometry(1, 1, 1).translate(0, 0, 0.5);
  private material = new MeshLambertMaterial({ color: 0xffffff });
  private mesh: InstancedMesh | null = null;
  private origin = new Matrix4();
  private nightUniform = { value: 0 };
  private shown: CityState = { buildings: null, time: 0, highlightDistrict: null, highlightBuilding: null, visible: true, beacons: [], rain: null, animate: false };
  private beacons = new Beacons();
  private rain = new Rain();
  private colorKey = '';

  constructor(private onFrame: () => void = () => {}) {
    this.scene.add(this.sun, this.ambient, this.beacons.group, this.rain.mesh);
    this.setOrigin(DEFAULT_ORIGIN);
    this.material.onBeforeCompile = (shader) => {
      shader.uniforms.uNight = this.nightUniform;
      shader.vertexShader = shader.vertexShader
        .replace('#include <common>', '#include <common>\nvarying vec3 vCityPos;\nvarying vec3 vCityNormal;')
        .replace(
          '#include <begin_vertex>',
          '#include <begin_vertex>\nvCityPos = (instanceMatrix * vec4(position, 1.0)).xyz;\nvCityNormal = normal;',
        );
      shader.fragmentShader = shader.fragmentShader
        .replace('#include <common>', '#include <common>\nuniform float uNight;\nvarying vec3 vCityPos;\nvarying vec3 vCityNormal;')
        .replace(
          '#include <emissivemap_fragment>',
          `#include <emissivemap_fragment>
          // Floors every 3.6 m, window bays every 4 m along the facade; lit windows vary by bay.
          float facade = step(abs(vCityNormal.z), 0.5);
          float floorBand = step(0.35, fract(vCityPos.z / 3.6));
          float along = abs(vCityNormal.x) > 0.5 ? vCityPos.y : vCityPos.x;
          float bay = step(0.3, fract(along / 4.0));
          float lit = step(0.62, fract(sin(dot(floor(vec2(along / 4.0, vCityPos.z / 3.6)), vec2(12.9898, 78.233))) * 43758.5453));
          totalEmissiveRadiance += uNight * facade * floorBand * bay * lit * vec3(${WINDOW_GLOW.r.toFixed(3)}, ${WINDOW_GLOW.g.toFixed(3)}, ${WINDOW_GLOW.b.toFixed(3)}) * 0.85;`,
        );
    };
  }

  onAdd(map: MapLibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext) {
    this.map = map;
    this.renderer = new WebGLRenderer({ canvas: map.getCanvas(), context: gl as WebGL2RenderingContext, antialias: true });
    this.renderer.autoClear = false;
    this.rebuild();
  }

  onRemove() {
    this.disposeMesh();
    this.beacons.dispose();
    this.rain.dispose();
    this.geometry.dispose();
    this.material.dispose();
    this.renderer?.dispose();
    this.renderer = null;
    this.map = null;
  }

  /** Applies a new state; rebuilds instances only when the buildings themselves changed. */
  update(state: CityState) {
    const rebuild = state.buildings !== this.shown.buildings;
    this.shown = state;
    if (rebuild) this.rebuild();
    else this.recolor();
    this.beacons.set(state.beacons, (p) => this.toLocal(p));
    this.rain.setField(state.rain, (p) => this.toLocal(p));
    this.map?.triggerRepaint();
  }

  /** Draw calls and instances on the GPU, for diagnostics and the resource tests. */
  stats() {
    return { instances: this.mesh?.count ?? 0, geometries: this.renderer?.info.memory.geometries ?? 0, beacons: this.beacons.count, rain: this.rain.visible };
  }

  /** The building under a point of the map (CSS px), as drawn in the last frame; null if none. */
  pick(x: number, y: number): number | null {
    const b = this.shown.buildings;
    const canvas = this.map?.getCanvas();
    if (!b || !this.mesh || !this.shown.visible || !canvas || !canvas.clientWidth) return null;
    // The last frame's projection (map camera × local origin) inverted: a ray in local metres.
    const inverse = this.camera.projectionMatrix.clone().invert();
    const ndc = [(x / canvas.clientWidth) * 2 - 1, 1 - (y / canvas.clientHeight) * 2];
    const near = new Vector3(ndc[0], ndc[1], -1).applyMatrix4(inverse);
    const dir = new Vector3(ndc[0], ndc[1], 1).applyMatrix4(inverse).sub(near).normalize();
    return pickBuilding(b, [near.x, near.y, near.z], [dir.x, dir.y, dir.z]);
  }

  private disposeMesh() {
    if (!this.mesh) return;
    this.scene.remove(this.mesh);
    this.mesh.dispose();
    this.mesh = null;
  }

  private rebuild() {
    this.disposeMesh();
    const b = this.shown.buildings;
    if (!b || !this.renderer) return;
    const mesh = new InstancedMesh(this.geometry, this.material, b.count);
    const dummy = new Object3D();
    for (let i = 0; i < b.count; i++) {
      dummy.position.set(b.x[i], b.y[i], 0);
      dummy.rotation.set(0, 0, b.angle[i]);
      dummy.scale.set(b.width[i], b.depth[i], b.height[i]);
      dummy.updateMatrix();
      mesh.setMatrixAt(i, dummy.matrix);
    }
    mesh.instanceMatrix.needsUpdate = true;
    mesh.frustumCulled = false; // the map's camera is not three's: culling would use the wrong frustum
    this.mesh = mesh;
    this.scene.add(mesh);
    this.setOrigin(b.origin);
    this.colorKey = '';
    this.recolor();
  }

  private originLonLat: [number, number] = DEFAULT_ORIGIN;

  private setOrigin(origin: [number, number]) {
    this.originLonLat = origin;
    const o = MercatorCoordinate.fromLngLat(origin, 0);
    const s = o.meterInMercatorCoordinateUnits();
    // Local metres (x east, y north, z up) → mercator (y grows southward).
    this.origin.makeTranslation(o.x, o.y, o.z).scale({ x: s, y: -s, z: s } as never);
  }

  /** WGS-84 → metres east/north of the local origin (equirectangular: fine within the municipality). */
  private toLocal([lon, lat]: [number, number]): [number, number] {
    const [lon0, lat0] = this.originLonLat;
    return [(lon - lon0) * 111_320 * Math.cos((lat0 * Math.PI) / 180), (lat - lat0) * 110_540];
  }

  /** Colours follow daylight and the highlighted district; recomputed only when those change. */
  private recolor() {
    const b = this.shown.buildings;
    if (!b || !this.mesh) return;
    const { elevation, azimuth } = sunPosition(this.shown.time || Date.now());
    const day = daylight(elevation);
    this.nightUniform.value = 1 - day;
    // Sun direction in local metres: azimuth from north, clockwise.
    const up = Math.max(0.15, Math.sin(elevation));
    this.sun.position.set(Math.sin(azimuth), Math.cos(azimuth), up).normalize();
    this.sun.intensity = 0.25 + 1.5 * day;
    this.ambient.intensity = 0.45 + 0.35 * day;
    const key = `${day.toFixed(2)}|${this.shown.highlightDistrict}|${this.shown.highlightBuilding}`;
    if (key === this.colorKey) return;
    this.colorKey = key;
    if (!this.mesh.instanceColor) this.mesh.setColorAt(0, DAY_COLOR);
    this.mesh.instanceColor!.setUsage(DynamicDrawUsage);
    const base = NIGHT_COLOR.clone().lerp(DAY_COLOR, day);
    const highlight = this.shown.highlightDistrict ? Number(this.shown.highlightDistrict) : -1;
    const tint = new Color();
    for (let i = 0; i < b.count; i++) {
      // Taller buildings a touch lighter: the skyline reads from a distance.
      const lift = Math.min(0.25, b.height[i] / 1200);
      tint.copy(b.district[i] === highlight ? HIGHLIGHT : base).offsetHSL(0, 0, lift);
      if (i === this.shown.highlightBuilding) tint.copy(SELECTED);
      this.mesh.setColorAt(i, tint);
    }
    this.mesh.instanceColor!.needsUpdate = true;
  }

  render(gl: WebGLRenderingContext | WebGL2RenderingContext, options: CustomRenderMethodInput) {
    if (!this.renderer || !this.map) return;
    const beacons = this.beacons.count > 0;
    const rain = this.rain.visible;
    if (this.mesh) this.mesh.visible = this.shown.visible;
    if ((!this.mesh || !this.shown.visible) && !beacons && !rain) return;
    // Wall-clock time: displays of one wall pulse and rain in step.
    const now = this.shown.animate ? wallNow() : null;
    this.beacons.pulse(now);
    if (rain) {
      const center = this.map.getCenter();
      // Metres per CSS pixel at the view centre (512-px tiles).
      const mpp = (40_075_016.686 * Math.cos((center.lat * Math.PI) / 180)) / (512 * 2 ** this.map.getZoom());
      // A still wall (animation off) shows the streaks frozen mid-fall.
      this.rain.frame(this.toLocal([center.lng, center.lat]), mpp, now === null ? 0.4 : (now % 3_600_000) / 1000, [gl.drawingBufferWidth, gl.drawingBufferHeight], this.map.getPixelRatio());
    }
    this.camera.projectionMatrix.fromArray(options.defaultProjectionData.mainMatrix as unknown as number[]).multiply(this.origin);
    this.renderer.resetState();
    this.renderer.render(this.scene, this.camera);
    this.onFrame();
    // Beacons pulse and rain falls: keep frames coming while either is up.
    if ((beacons || rain) && this.shown.animate) this.map.triggerRepaint();
  }
}
