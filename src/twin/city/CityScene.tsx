import { useLayoutEffect as useEffect, useMemo, type RefObject } from 'react';
import { AmbientLight, BoxGeometry, Color, DirectionalLight, DynamicDrawUsage, Group, InstancedMesh, MeshLambertMaterial, Object3D } from 'three';
import { extend, useFrame } from '@react-three/fiber';
import type { Buildings as BuildingModel } from '../../hub/buildings.ts';
import type { City3DElement } from '../../core/module-api.ts';
import { CityContext, type CityContextValue } from '../../core/city-context.ts';
import { TINT, clearedMask, heightTint, patchBuildingShader, type LocalClearing } from './building-look.ts';
import { daylight, sunPosition } from './sun.ts';

extend({ AmbientLight, DirectionalLight, Group });

/**
 * What changes often (time, highlight, visibility, animation): a plain object the layer writes and
 * the components read in useFrame. Changing it re-renders nothing.
 */
export interface CityLive {
  time: number;
  highlightDistrict: string | null;
  highlightBuilding: number | null;
  visible: boolean;
  animate: boolean;
}

export interface CitySceneProps {
  buildings: BuildingModel | null;
  clearings: readonly LocalClearing[];
  elements: readonly City3DElement[];
  city: CityContextValue;
  live: RefObject<CityLive>;
  /** The building mesh once made (null when none): the layer reads its count for stats. */
  onMesh(mesh: InstancedMesh | null, hidden: Uint8Array | null): void;
}

const HIGHLIGHT = new Color(TINT.highlight);
const SELECTED = new Color(TINT.selected);

/** The whole 3D city: the sun of the wall clock, the generated buildings, and what modules add. */
export function CityScene({ buildings, clearings, elements, city, live, onMesh }: CitySceneProps) {
  return (
    <CityContext.Provider value={city}>
      <Sun live={live} />
      {buildings && <CityBuildings buildings={buildings} clearings={clearings} live={live} onMesh={onMesh} />}
      {elements.map((e) => (
        <group key={e.key}>{e.node}</group>
      ))}
    </CityContext.Provider>
  );
}

/** Shared by the lights and the buildings: how much day there is at the city's time. */
function dayOf(time: number) {
  const { elevation, azimuth } = sunPosition(time || Date.now());
  return { day: daylight(elevation), elevation, azimuth };
}

function Sun({ live }: { live: RefObject<CityLive> }) {
  const sun = useMemo(() => new DirectionalLight(0xffffff, 1), []);
  const ambient = useMemo(() => new AmbientLight(0xb8d4f0, 0.6), []);
  useFrame(() => {
    const { day, elevation, azimuth } = dayOf(live.current.time);
    // Sun direction in local metres: azimuth from north, clockwise; never quite flat.
    sun.position.set(Math.sin(azimuth), Math.cos(azimuth), Math.max(0.15, Math.sin(elevation))).normalize();
    // Together about 1 on a sunlit facade: the tint is what the wall shows, never washed out.
    sun.intensity = 0.1 + 0.5 * day;
    ambient.intensity = 0.6 - 0.05 * day;
  });
  return (
    <>
      <primitive object={sun} />
      <primitive object={ambient} />
    </>
  );
}

/**
 * All generated buildings as one InstancedMesh of a unit box, in metres around the local origin.
 * Colours (height tint, daylight, highlight) are rewritten in useFrame only when what they depend
 * on changed.
 */
function CityBuildings({ buildings: b, clearings, live, onMesh }: { buildings: BuildingModel; clearings: readonly LocalClearing[]; live: RefObject<CityLive>; onMesh: CitySceneProps['onMesh'] }) {
  const geometry = useMemo(() => new BoxGeometry(1, 1, 1).translate(0, 0, 0.5), []);
  const uniforms = useMemo(() => ({ uNight: { value: 0 }, uEdge: { value: 0.5 } }), []);
  const material = useMemo(() => {
    const m = new MeshLambertMaterial({ color: 0xffffff });
    m.onBeforeCompile = (shader) => patchBuildingShader(shader, uniforms);
    return m;
  }, [uniforms]);
  const hidden = useMemo(() => clearedMask(b, clearings), [b, clearings]);
  const mesh = useMemo(() => {
    const m = new InstancedMesh(geometry, material, b.count);
    const dummy = new Object3D();
    for (let i = 0; i < b.count; i++) {
      dummy.position.set(b.x[i], b.y[i], 0);
      dummy.rotation.set(0, 0, b.angle[i]);
      if (hidden?.[i]) dummy.scale.set(0, 0, 0);
      else dummy.scale.set(b.width[i], b.depth[i], b.height[i]);
      dummy.updateMatrix();
      m.setMatrixAt(i, dummy.matrix);
    }
    m.instanceMatrix.needsUpdate = true;
    m.setColorAt(0, HIGHLIGHT);
    m.instanceColor!.setUsage(DynamicDrawUsage);
    m.frustumCulled = false; // the map's camera is not three's: culling would use the wrong frustum
    m.userData.colorKey = '';
    return m;
  }, [b, hidden, geometry, material]);
  useEffect(() => {
    onMesh(mesh, hidden);
    return () => {
      onMesh(null, null);
      mesh.dispose();
    };
  }, [mesh, hidden, onMesh]);
  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );
  useFrame(() => {
    const s = live.current;
    mesh.visible = s.visible;
    const { day } = dayOf(s.time);
    uniforms.uNight.value = 1 - day;
    uniforms.uEdge.value = 0.3 + 0.35 * (1 - day);
    const key = `${day.toFixed(2)}|${s.highlightDistrict}|${s.highlightBuilding}`;
    if (key === mesh.userData.colorKey) return;
    mesh.userData.colorKey = key;
    const highlight = s.highlightDistrict ? Number(s.highlightDistrict) : -1;
    const tint = new Color();
    for (let i = 0; i < b.count; i++) {
      if (i === s.highlightBuilding) tint.copy(SELECTED);
      else if (b.district[i] === highlight) tint.copy(HIGHLIGHT).multiplyScalar(0.55 + 0.45 * Math.min(1, b.height[i] / 150));
      else heightTint(b.height[i], day, tint);
      mesh.setColorAt(i, tint);
    }
    mesh.instanceColor!.needsUpdate = true;
  });
  return <primitive object={mesh} />;
}
