/**
 * Trails of a moving fleet built from successive values of a point topic: a ring of the last N
 * frames for the first K entities (entity i is the same in every frame, as the vehicle frame
 * promises). Every buffer is allocated once for N × K: memory stays flat however long the wall
 * runs. The snapshot is deck.gl binary path data for TripsLayer (no object per vehicle).
 */

/** Moves longer than this between two frames (degrees, ~2 km) are a respawn, not a drive: the trail restarts. */
export const JUMP_DEG = 0.02;

export interface TrailData {
  /** Paths drawn (entities with at least two positions). */
  length: number;
  startIndices: Uint32Array;
  attributes: {
    getPath: { value: Float32Array; size: 2 };
    /** Seconds since the oldest frame held. */
    getTimestamps: { value: Float32Array; size: 1 };
  };
  /** The newest frame's time in the same seconds: TripsLayer's currentTime. */
  currentTime: number;
  /** Seconds from the oldest frame held to the newest: TripsLayer's trailLength. */
  span: number;
}

export class TrailRing {
  readonly frames: number;
  readonly entities: number;
  /** [frame slot][entity][lon, lat]. */
  private readonly positions: Float32Array;
  private readonly times: Float64Array;
  /** Frame number from which each entity's trail is unbroken. */
  private readonly since: Float64Array;
  private pushed = 0;
  private count = 0;

  constructor(frames: number, entities: number) {
    this.frames = Math.max(2, Math.floor(frames));
    this.entities = Math.max(1, Math.floor(entities));
    this.positions = new Float32Array(this.frames * this.entities * 2);
    this.times = new Float64Array(this.frames);
    this.since = new Float64Array(this.entities);
  }

  /** Bytes held, whatever was pushed: the bound tests check. */
  get byteLength(): number {
    return this.positions.byteLength + this.times.byteLength + this.since.byteLength;
  }

  /** Frames held now (at most `frames`). */
  get held(): number {
    return Math.min(this.pushed, this.frames);
  }

  /** Adds one frame of `count` [lon, lat] pairs taken at `time` (ms). */
  push(time: number, positions: ArrayLike<number>, count: number): void {
    const last = this.pushed > 0 ? this.times[(this.pushed - 1) % this.frames] : -Infinity;
    if (time === last) return; // the same frame again (a re-sent snapshot)
    if (time < last) this.pushed = 0; // time went back (a replay jumped): start over
    const n = Math.min(this.entities, Math.max(0, Math.floor(count)), Math.floor(positions.length / 2));
    const slot = this.pushed % this.frames;
    const prev = this.pushed > 0 ? ((this.pushed - 1) % this.frames) * this.entities * 2 : -1;
    const base = slot * this.entities * 2;
    const P = this.positions;
    for (let i = 0; i < n; i++) {
      const lon = positions[2 * i];
      const lat = positions[2 * i + 1];
      const o = base + 2 * i;
      if (prev < 0 || i >= this.count || Math.abs(P[prev + 2 * i] - lon) > JUMP_DEG || Math.abs(P[prev + 2 * i + 1] - lat) > JUMP_DEG) {
        this.since[i] = this.pushed;
      }
      P[o] = lon;
      P[o + 1] = lat;
    }
    this.times[slot] = time;
    this.count = n;
    this.pushed++;
  }

  /** The trails as TripsLayer binary data: fresh arrays, sized by what is held (at most N × K). */
  snapshot(): TrailData {
    const oldest = Math.max(0, this.pushed - this.frames);
    let paths = 0;
    let vertices = 0;
    for (let i = 0; i < this.count; i++) {
      const n = this.pushed - Math.max(oldest, this.since[i]);
      if (n >= 2) {
        paths++;
        vertices += n;
      }
    }
    const path = new Float32Array(vertices * 2);
    const stamps = new Float32Array(vertices);
    const startIndices = new Uint32Array(paths);
    const t0 = this.pushed > 0 ? this.times[oldest % this.frames] : 0;
    let p = 0;
    let v = 0;
    for (let i = 0; i < this.count; i++) {
      const from = Math.max(oldest, this.since[i]);
      if (this.pushed - from < 2) continue;
      startIndices[p++] = v;
      for (let f = from; f < this.pushed; f++) {
        const slot = f % this.frames;
        const o = (slot * this.entities + i) * 2;
        path[2 * v] = this.positions[o];
        path[2 * v + 1] = this.positions[o + 1];
        stamps[v] = (this.times[slot] - t0) / 1000;
        v++;
      }
    }
    const newest = this.pushed > 0 ? (this.times[(this.pushed - 1) % this.frames] - t0) / 1000 : 0;
    return {
      length: paths,
      startIndices,
      attributes: { getPath: { value: path, size: 2 }, getTimestamps: { value: stamps, size: 1 } },
      currentTime: newest,
      span: newest,
    };
  }
}

/** A ring for one scene layer, through its memo: a new one only when the style's sizes change. */
export function createTrailRing(frames: number, entities: number): TrailRing {
  return new TrailRing(frames, entities);
}

/**
 * Through the layer's memo, once per topic value: pushes the frame into the ring and returns the
 * trails. The memo's single slot is what makes a value count once, however often the wall redraws.
 */
export function pushFrame(ring: TrailRing, positions: Float32Array, count: number, time: number): TrailData {
  ring.push(time, positions, count);
  return ring.snapshot();
}
