import { useLayoutEffect as useEffect, useMemo } from 'react';
import { AdditiveBlending, Color, CylinderGeometry, Group, Mesh, MeshBasicMaterial, RingGeometry } from 'three';
import { useFrame } from '@react-three/fiber';
import { useCity } from '../../core/city-context.ts';

export interface Beacon {
  position: [number, number];
  /** CSS colour: the alarm's status colour (orange warning, red alarm). */
  color: string;
}

const COLUMN_HEIGHT_M = 12_000;
const COLUMN_RADIUS_M = 900;
export const PULSE_MS = 2_000;

/** The pulse at a wall-clock moment, 0…1; a still wall (null) rests mid-way. */
export function pulsePhase(now: number | null): number {
  return now === null ? 0.5 : (((now % PULSE_MS) + PULSE_MS) % PULSE_MS) / PULSE_MS;
}

/**
 * Alert beacons in the 3D city: over each place a light column and a ring that swells from 1 to
 * 6 km and fades, in step on every display (the wall clock). One geometry per shape; one column
 * material per colour, one ring material per beacon (each fades on its own).
 */
export function Beacons({ beacons }: { beacons: readonly Beacon[] }) {
  const city = useCity();
  const { toLocal } = city;
  const parts = useMemo(() => {
    const column = new CylinderGeometry(COLUMN_RADIUS_M * 0.35, COLUMN_RADIUS_M, COLUMN_HEIGHT_M, 24, 1, true).rotateX(Math.PI / 2).translate(0, 0, COLUMN_HEIGHT_M / 2);
    const ring = new RingGeometry(0.82, 1, 48);
    const materials = new Map<string, MeshBasicMaterial>();
    const material = (color: string) => {
      let m = materials.get(color);
      if (!m) materials.set(color, (m = new MeshBasicMaterial({ color: new Color(color), transparent: true, opacity: 0.35, blending: AdditiveBlending, depthWrite: false })));
      return m;
    };
    const group = new Group();
    const rings: Mesh<RingGeometry, MeshBasicMaterial>[] = [];
    for (const b of beacons) {
      const [x, y] = toLocal(b.position);
      const columnMesh = new Mesh(column, material(b.color));
      columnMesh.position.set(x, y, 0);
      const ringMesh = new Mesh(ring, material(b.color).clone());
      ringMesh.position.set(x, y, 5);
      rings.push(ringMesh);
      group.add(columnMesh, ringMesh);
    }
    return { group, rings, column, ring, materials };
  }, [beacons, toLocal]);
  useEffect(
    () => () => {
      parts.column.dispose();
      parts.ring.dispose();
      for (const m of parts.materials.values()) m.dispose();
      for (const r of parts.rings) r.material.dispose();
    },
    [parts],
  );
  useFrame(() => {
    const t = pulsePhase(city.view.now);
    const r = 1_000 + 5_000 * t;
    for (const ring of parts.rings) {
      ring.scale.set(r, r, 1);
      ring.material.opacity = 0.6 * (1 - t);
    }
  });
  return <primitive object={parts.group} />;
}
