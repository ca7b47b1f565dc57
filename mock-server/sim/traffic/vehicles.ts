/**
 * The floating-car fleet: taxis, buses and ride-hailing cars reporting their GPS once a second.
 * Each vehicle drives along the graph at its road's current speed (times a personal factor),
 * waits at signals at busy junctions, and turns at random, preferring main roads and the dense
 * sub-centres, so the fleet stays where the city is. State lives in flat typed arrays: a step
 * for 100,000 vehicles costs a few milliseconds.
 */
import type { RoadClass } from '../../../src/hub/topics/traffic.ts';
import { createRandom, hashSeed, type Random } from '../random.ts';
import type { RoadGraph } from './network.ts';

const CLASS_TURN_WEIGHT: Record<RoadClass, number> = { expressway: 3, arterial: 2.2, local: 1 };
/** Vehicles keep to the right: drawn this far right of the centre line, metres. */
const LANE_OFFSET_M = 6;
const MAX_STEP_S = 5;

export interface FleetFrame {
  count: number;
  /** float32 [lon, lat] pairs. */
  positions: Float32Array;
  /** km/h. */
  speeds: Uint8Array;
  moving: number;
}

export class Fleet {
  readonly count: number;
  private edge: Int32Array;
  private along: Float32Array;
  private personal: Float32Array;
  private waitS: Float32Array;
  private speedKmh: Float32Array;
  /** Cumulative turn weights per outgoing edge, aligned with graph.outEdges. */
  private turnCum: Float32Array;
  /** Per edge: start lon/lat (lane-offset) and degrees per metre along it. */
  private ex: Float64Array;
  private ey: Float64Array;
  private dx: Float64Array;
  private dy: Float64Array;
  private rng: Random;

  constructor(
    private graph: RoadGraph,
    private roadClass: RoadClass[],
    /** How attractive each node is (urban density), 0–1. */
    nodeAttraction: Float32Array,
    count: number,
    seed: number,
  ) {
    this.count = count;
    this.rng = createRandom(hashSeed('traffic-fleet', seed));
    const g = graph;
    const nEdges = g.edgeFrom.length;
    this.turnCum = new Float32Array(nEdges);
    for (let n = 0; n + 1 < g.outStart.length; n++) {
      let acc = 0;
      for (let k = g.outStart[n]; k < g.outStart[n + 1]; k++) {
        const e = g.outEdges[k];
        acc += CLASS_TURN_WEIGHT[roadClass[g.edgeRoad[e]]] * (0.2 + nodeAttraction[g.edgeTo[e]]);
        this.turnCum[k] = acc;
      }
    }
    const lat0 = g.nodeLat.length ? g.nodeLat[0] : 29.5;
    const mPerDegLon = 111_320 * Math.cos((lat0 * Math.PI) / 180);
    const mPerDegLat = 110_574;
    this.ex = new Float64Array(nEdges);
    this.ey = new Float64Array(nEdges);
    this.dx = new Float64Array(nEdges);
    this.dy = new Float64Array(nEdges);
    for (let e = 0; e < nEdges; e++) {
      const a = g.edgeFrom[e];
      const b = g.edgeTo[e];
      const len = Math.max(1e-3, g.edgeLenM[e]);
      const ux = ((g.nodeLon[b] - g.nodeLon[a]) * mPerDegLon) / len;
      const uy = ((g.nodeLat[b] - g.nodeLat[a]) * mPerDegLat) / len;
      // Right-hand normal of the direction of travel.
      this.ex[e] = g.nodeLon[a] + (uy * LANE_OFFSET_M) / mPerDegLon;
      this.ey[e] = g.nodeLat[a] - (ux * LANE_OFFSET_M) / mPerDegLat;
      this.dx[e] = ux / mPerDegLon;
      this.dy[e] = uy / mPerDegLat;
    }

    // Start spread over the network by length and attraction: the fleet is where the city is.
    this.edge = new Int32Array(count);
    this.along = new Float32Array(count);
    this.personal = new Float32Array(count);
    this.waitS = new Float32Array(count);
    this.speedKmh = new Float32Array(count);
    const cum = new Float64Array(nEdges);
    let acc = 0;
    for (let e = 0; e < nEdges; e++) {
      acc += g.edgeLenM[e] * CLASS_TURN_WEIGHT[roadClass[g.edgeRoad[e]]] * (0.2 + nodeAttraction[g.edgeFrom[e]]);
      cum[e] = acc;
    }
    for (let i = 0; i < count; i++) {
      const u = this.rng.next() * acc;
      let lo = 0;
      let hi = nEdges - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      this.edge[i] = lo;
      this.along[i] = this.rng.next() * g.edgeLenM[lo];
      this.personal[i] = 0.82 + 0.3 * this.rng.next();
    }
  }

  /**
   * Advances every vehicle by dtS seconds at its road's speed (km/h per road index in
   * `roadSpeedKmh`), with signal stops whose chance grows with the road's congestion index.
   */
  step(dtS: number, roadSpeedKmh: Float32Array, roadIndex: Float32Array) {
    const dt = Math.min(MAX_STEP_S, Math.max(0, dtS));
    const g = this.graph;
    const rng = this.rng;
    for (let i = 0; i < this.count; i++) {
      let e = this.edge[i];
      if (this.waitS[i] > 0) {
        this.waitS[i] -= dt;
        this.speedKmh[i] = 0;
        continue;
      }
      const kmh = roadSpeedKmh[g.edgeRoad[e]] * this.personal[i];
      let s = this.along[i] + (kmh / 3.6) * dt;
      let hops = 0;
      while (s >= g.edgeLenM[e] && hops < 8) {
        s -= g.edgeLenM[e];
        hops++;
        const next = this.turn(e, rng);
        const node = g.edgeTo[e];
        e = next;
        // Signals at junctions of surface roads: more red-light waits when the road is congested.
        const cls = this.roadClass[g.edgeRoad[e]];
        if (cls !== 'expressway' && g.outStart[node + 1] - g.outStart[node] >= 3) {
          const idx = roadIndex[g.edgeRoad[e]];
          if (rng.next() < 0.15 + 0.035 * idx) {
            this.waitS[i] = 3 + rng.next() * (8 + 3 * idx);
            s = 0;
            break;
          }
        }
      }
      if (s > g.edgeLenM[e]) s = g.edgeLenM[e];
      this.edge[i] = e;
      this.along[i] = s;
      this.speedKmh[i] = this.waitS[i] > 0 ? 0 : kmh;
    }
  }

  /** The next edge out of e's end node: weighted, no U-turn unless it is a dead end. */
  private turn(e: number, rng: Random): number {
    const g = this.graph;
    const node = g.edgeTo[e];
    const k0 = g.outStart[node];
    const k1 = g.outStart[node + 1];
    const back = g.edgeReverse[e];
    if (k1 - k0 <= 1) return k1 > k0 ? g.outEdges[k0] : back;
    // turnCum is cumulative within each node's own outgoing edges.
    const total = this.turnCum[k1 - 1];
    for (let attempt = 0; attempt < 3; attempt++) {
      const u = rng.next() * total;
      let k = k0;
      while (k < k1 - 1 && this.turnCum[k] < u) k++;
      const next = g.outEdges[k];
      if (next !== back) return next;
    }
    for (let k = k0; k < k1; k++) if (g.outEdges[k] !== back) return g.outEdges[k];
    return back;
  }

  /** A fresh frame (never reused: the socket may still be sending the last one). */
  frame(): FleetFrame {
    const positions = new Float32Array(this.count * 2);
    const speeds = new Uint8Array(this.count);
    let moving = 0;
    for (let i = 0; i < this.count; i++) {
      const e = this.edge[i];
      const s = this.along[i];
      positions[2 * i] = this.ex[e] + this.dx[e] * s;
      positions[2 * i + 1] = this.ey[e] + this.dy[e] * s;
      const v = Math.min(255, Math.round(this.speedKmh[i]));
      speeds[i] = v;
      if (v > 5) moving++;
    }
    return { count: this.count, positions, speeds, moving };
  }
}
