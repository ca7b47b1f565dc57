// Shared by the recorder's tests: a socket.io namespace that goes nowhere, a small fast fleet
// simulator (the binary topic, valid per the contract), settings in a fresh directory, a log that
// keeps its lines, and a short simulated recording.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Namespace } from 'socket.io';
import { loadDistricts } from '../geo.ts';
import { createRandom, hashSeed } from '../sim/random.ts';
import type { SimModule } from '../sim/sim-module.ts';
import { overviewSimModule } from '../sim/overview-sim.ts';
import { weatherSim } from '../sim/weather.ts';
import type { RecorderSettings } from './settings.ts';
import { recordSimulated } from './simulate.ts';

/** `live` for a topic engine whose emits only the tap sees. */
export function silentNamespace(): Namespace {
  const room = { emit: () => true, volatile: { emit: () => true } };
  return { local: { to: () => room } } as unknown as Namespace;
}

/** `traffic.vehicles` frames of `count` cars around Yuzhong, a pure function of the step time. */
export function fleetModule(tickMs: number, count = 40): SimModule {
  return {
    id: 'fleet',
    tickMs,
    create(ctx) {
      let latest: unknown;
      return {
        step(time) {
          const rng = createRandom(hashSeed(`fleet:${time}`, ctx.seed));
          const positions = new Float32Array(count * 2);
          const speeds = new Uint8Array(count);
          for (let i = 0; i < count; i++) {
            positions[2 * i] = 106.4 + rng.next() * 0.3;
            positions[2 * i + 1] = 29.4 + rng.next() * 0.2;
            speeds[i] = rng.int(0, 90);
          }
          latest = { count, positions: new Uint8Array(positions.buffer), speeds };
          return [['traffic.vehicles', latest]];
        },
        latest: (topic) => (topic === 'traffic.vehicles' ? latest : undefined),
      };
    },
  };
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `onescreen-${prefix}-`));

export function testSettings(dir: string, over: Partial<RecorderSettings> = {}): RecorderSettings {
  return { dir, temporary: false, segmentMs: 600_000, maxAgeMs: 48 * 3_600_000, maxBytes: 2 ** 31, minFreeBytes: 0, maxHz: 30, binaryMaxHz: 30, ...over };
}

export function keptLog() {
  const lines: string[] = [];
  const log = (msg: string) => void lines.push(msg);
  return { lines, log };
}

let districts: ReturnType<typeof loadDistricts> | undefined;
export const testDistricts = () => (districts ??= loadDistricts());

export const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);

/** A simulated recording of `seconds` from T0: the overview and weather every second, a fleet every 2 s. */
export function shortRecording(out: string, seconds: number, chunkSize = 16 * 1024) {
  return recordSimulated({
    out,
    startTime: T0,
    endTime: T0 + seconds * 1000,
    seed: 7,
    env: { HUB_RECORD_MAX_HZ: '1', HUB_RECORD_BINARY_MAX_HZ: '1' },
    modules: [overviewSimModule(1000), weatherSim, fleetModule(2000)],
    districts: testDistricts(),
    chunkSize,
  });
}
