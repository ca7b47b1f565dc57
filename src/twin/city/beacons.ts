import { AdditiveBlending, Color, CylinderGeometry, Group, Mesh, MeshBasicMaterial, RingGeometry } from 'three';
import type { Beacon } from '../../modules/types.ts';

const COLUMN_HEIGHT_M = 12_000;
const COLUMN_RADIUS_M = 900;
const PULSE_MS = 2_000;

/**
 * Alert beacons in the city scene: a light column and a ring that swells and fades on the ground,
 * in metres around the city's local origin. One shared geometry per shape; materials per colour.
 */
export class Beacons {
  readonly group = new Group();
  private column = new CylinderGeometry(COLUMN_RADIUS_M * 0.35, COLUMN_RADIUS_M, COLUMN_HEIGHT_M, 24, 1, true).rotateX(Math.PI / 2).translate(0, 0, COLUMN_HEIGHT_M / 2);
  private ring = new RingGeometry(0.82, 1, 48);
  private materials = new Map<string, MeshBasicMaterial>();
  private rings: Mesh[] = [];
  private key = '';

  private material(color: string) {
    let m = this.materials.get(color);
    if (!m) {
      m = new MeshBasicMaterial({ color: new Color(color), transparent: true, opacity: 0.35, blending: AdditiveBlending, depthWrite: false });
      this.materials.set(color, m);
    }
    return m;
  }

  /** Places beacons (lon/lat → local metres by `toLocal`); rebuilds only when the set changed. */
  set(beacons: Beacon[], toLocal: (p: [number, number]) => [number, number]) {
    const key = JSON.stringify(beacons);
    if (key === this.key) return;
    this.key = key;
    for (const child of [...this.group.children]) this.group.remove(child);
    for (const m of this.rings) (m.material as MeshBasicMaterial).dispose();
    this.rings = [];
    for (const b of beacons) {
      const [x, y] = toLocal(b.position);
      const column = new Mesh(this.column, this.material(b.color));
      column.position.set(x, y, 0);
      const ring = new Mesh(this.ring, this.material(b.color).clone());
      ring.position.set(x, y, 5);
      this.rings.push(ring);
      this.group.add(column, ring);
    }
  }

  get count() {
    return this.rings.length;
  }

  /** The pulse at a moment: rings swell from 1 to 6 km and fade; with no animation they rest mid-way. */
  pulse(now: number | null) {
    const t = now === null ? 0.5 : (now % PULSE_MS) / PULSE_MS;
    for (const ring of this.rings) {
      const r = 1_000 + 5_000 * t;
      ring.scale.set(r, r, 1);
      (ring.material as MeshBasicMaterial).opacity = 0.6 * (1 - t);
    }
  }

  dispose() {
    this.set([], () => [0, 0]);
    this.column.dispose();
    this.ring.dispose();
    for (const m of this.materials.values()) m.dispose();
  }
}
