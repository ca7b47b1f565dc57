import { Camera, InstancedMesh, Matrix4, Vector3, WebGLRenderer } from 'three';
import { advance, createRoot, flushSync, type ReconcilerRoot, type RootStore } from '@react-three/fiber';
import { createElement } from 'react';
import { MercatorCoordinate, type CustomLayerInterface, type CustomRenderMethodInput, type Map as MapLibreMap } from 'maplibre-gl';
import type { Buildings } from '../../hub/buildings.ts';
import type { City3DElement } from '../../core/module-api.ts';
import { wallNow } from '../../core/wall-clock.ts';
import type { LocalClearing } from './building-look.ts';
import { CityScene, type CityLive } from './CityScene.tsx';
import type { CityContextValue } from '../../core/city-context.ts';
import { pickBuilding } from './pick.ts';

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
  /** What the scene's modules add to the 3D city (beacons, rain…); compared by identity. */
  city3d: readonly City3DElement[];
  animate: boolean;
}

/** The city's local origin when no model has arrived yet (Jiefangbei). */
const DEFAULT_ORIGIN: [number, number] = [106.577, 29.558];

/** WGS-84 → metres east/north of an origin (equirectangular: fine within the municipality). */
export function localMetres([lon0, lat0]: [number, number], [lon, lat]: [number, number]): [number, number] {
  return [(lon - lon0) * 111_320 * Math.cos((lat0 * Math.PI) / 180), (lat - lat0) * 110_540];
}

/** Whether two element lists show the same thing (same objects in the same order). */
export function sameElements(a: readonly City3DElement[], b: readonly City3DElement[]) {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}

/**
 * The 3D city as a maplibre custom layer: an R3F root drawn by three.js into the map's own WebGL
 * context with the map's camera (renderingMode 3d: depth shared with the map and deck.gl's
 * interleaved layers). Everything is positioned in metres around a local origin, so float32 keeps
 * it steady at street zoom. The root never runs its own loop (frameloop 'never'): the map draws a
 * frame, render() advances the root once. It asks for no frames itself; `animating` tells the
 * twin's frame scheduler to keep them coming.
 */
export class CityLayer implements CustomLayerInterface {
  readonly id = 'city-buildings';
  readonly type = 'custom' as const;
  readonly renderingMode = '3d' as const;
  private map: MapLibreMap | null = null;
  private renderer: WebGLRenderer | null = null;
  private root: ReconcilerRoot<HTMLCanvasElement> | null = null;
  private store: RootStore | null = null;
  private camera = new Camera();
  private origin = new Matrix4();
  private originLonLat: [number, number] = DEFAULT_ORIGIN;
  private shown: CityState = { buildings: null, time: 0, highlightDistrict: null, highlightBuilding: null, visible: true, city3d: [], animate: false };
  private live: { current: CityLive } = { current: { time: 0, highlightDistrict: null, highlightBuilding: null, visible: true, animate: false } };
  private city: CityContextValue;
  private mesh: InstancedMesh | null = null;
  private hidden: Uint8Array | null = null;
  private clearings: LocalClearing[] = [];
  private clearingKey = '';

  constructor() {
    this.city = this.makeContext();
    this.setOrigin(DEFAULT_ORIGIN);
    // The map's projection is set per frame: R3F must leave this camera alone.
    (this.camera as Camera & { manual?: boolean }).manual = true;
  }

  onAdd(map: MapLibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext) {
    this.map = map;
    const canvas = map.getCanvas();
    const renderer = new WebGLRenderer({ canvas, context: gl as WebGL2RenderingContext, antialias: true });
    renderer.autoClear = false;
    // The canvas and its context are maplibre's: R3F must not resize it (the size it configures
    // would set the canvas's width and style) nor lose the context when the root unmounts.
    renderer.setSize = () => {};
    renderer.setPixelRatio = () => {};
    renderer.forceContextLoss = () => {};
    this.renderer = renderer;
    const root = createRoot(canvas);
    void root.configure({
      gl: renderer,
      camera: this.camera as never, // a bare Camera: its projection is the map's, set per frame
      frameloop: 'never',
      size: { width: canvas.clientWidth, height: canvas.clientHeight, top: 0, left: 0 },
      dpr: 1,
      flat: true, // no tone mapping: the palette is the palette
    });
    this.root = root;
    this.renderScene();
  }

  onRemove() {
    // Unmounting disposes what the components made (their effects' cleanups run now, in a sync flush).
    if (this.root) flushSync(() => this.root!.render(null));
    this.root?.unmount();
    this.root = null;
    this.store = null;
    this.renderer?.dispose();
    this.renderer = null;
    this.mesh = null;
    this.map = null;
  }

  /** Applies a new state: React renders only when the buildings or the elements changed. */
  update(state: CityState) {
    const prev = this.shown;
    this.shown = state;
    this.live.current = { time: state.time, highlightDistrict: state.highlightDistrict, highlightBuilding: state.highlightBuilding, visible: state.visible, animate: state.animate };
    if (state.buildings && state.buildings.origin !== this.originLonLat) this.setOrigin(state.buildings.origin);
    const clearings = state.city3d.flatMap((e) => e.clearings ?? []);
    const clearingKey = JSON.stringify(clearings);
    if (clearingKey !== this.clearingKey) {
      this.clearingKey = clearingKey;
      this.clearings = clearings.map((c) => {
        const [x, y] = this.city.toLocal(c.position);
        return { x, y, radiusM: c.radiusM };
      });
      this.renderScene();
    } else if (state.buildings !== prev.buildings || !sameElements(state.city3d, prev.city3d)) this.renderScene();
    this.map?.triggerRepaint();
  }

  /** Whether frames must keep coming: an animated element is shown and the wall animates. */
  get animating(): boolean {
    return this.shown.animate && this.shown.city3d.some((e) => e.animated);
  }

  /** Instances, three.js geometries on the GPU, and what the elements report, for diagnostics and tests. */
  stats() {
    const count = (name: string) => this.shown.city3d.reduce((n, e) => n + (e.counts?.[name] ?? 0), 0);
    return { instances: this.mesh?.count ?? 0, geometries: this.renderer?.info.memory.geometries ?? 0, beacons: count('beacons'), rain: count('rain') > 0 };
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
    return pickBuilding(b, [near.x, near.y, near.z], [dir.x, dir.y, dir.z], this.hidden);
  }

  private makeContext(): CityContextValue {
    const origin = this.originLonLat;
    return {
      toLocal: (p) => localMetres(origin, p),
      view: this.city?.view ?? { now: null, center: [0, 0], metresPerPixel: 1, viewport: [1, 1], pixelRatio: 1 },
    };
  }

  private setOrigin(origin: [number, number]) {
    this.originLonLat = origin;
    const o = MercatorCoordinate.fromLngLat(origin, 0);
    const s = o.meterInMercatorCoordinateUnits();
    // Local metres (x east, y north, z up) → mercator (y grows southward).
    this.origin.makeTranslation(o.x, o.y, o.z).scale({ x: s, y: -s, z: s } as never);
    // A new context: elements placed with the old toLocal re-render with the new one.
    this.city = this.makeContext();
    this.clearingKey = '';
  }

  private onMesh = (mesh: InstancedMesh | null, hidden: Uint8Array | null) => {
    this.mesh = mesh;
    this.hidden = hidden;
  };

  /** Renders the React tree synchronously, so the next map frame draws what update() was given. */
  private renderScene() {
    const root = this.root;
    if (!root) return;
    const s = this.shown;
    flushSync(() => {
      this.store = root.render(createElement(CityScene, { buildings: s.buildings, clearings: this.clearings, elements: s.city3d, city: this.city, live: this.live, onMesh: this.onMesh }));
    });
  }

  render(gl: WebGLRenderingContext | WebGL2RenderingContext, options: CustomRenderMethodInput) {
    if (!this.renderer || !this.map || !this.store) return;
    if ((!this.mesh || !this.shown.visible) && this.shown.city3d.length === 0) return;
    const view = this.city.view;
    // Wall-clock time: displays of one wall pulse and rain in step; a still wall shows one moment.
    view.now = this.shown.animate ? wallNow() : null;
    const center = this.map.getCenter();
    view.center = this.city.toLocal([center.lng, center.lat]);
    // Metres per CSS pixel at the view centre (512-px tiles).
    view.metresPerPixel = (40_075_016.686 * Math.cos((center.lat * Math.PI) / 180)) / (512 * 2 ** this.map.getZoom());
    view.viewport = [gl.drawingBufferWidth, gl.drawingBufferHeight];
    view.pixelRatio = this.map.getPixelRatio();
    this.camera.projectionMatrix.fromArray(options.defaultProjectionData.mainMatrix as unknown as number[]).multiply(this.origin);
    this.camera.projectionMatrixInverse.copy(this.camera.projectionMatrix).invert();
    this.renderer.resetState();
    this.renderer.setViewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    // One R3F frame: useFrame callbacks read the view above, then the scene draws.
    if (this.store) advance(performance.now(), false, this.store.getState());
  }
}
