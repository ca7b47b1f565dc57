/**
 * The recorder's settings, from the hub's environment. Each one is checked at start: a value out of
 * range stops the hub with a message naming the variable, rather than recording something else
 * than the operator asked for (or filling a disk).
 */
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settingInRange } from '../topic-engine.ts';

export interface RecorderSettings {
  /** The folder of segments; `temporary`: made for this hub run and removed when it closes. */
  dir: string;
  temporary: boolean;
  segmentMs: number;
  /** Segments that ended longer ago than this are deleted. */
  maxAgeMs: number;
  /** The oldest segments are deleted while all of them together are larger. */
  maxBytes: number;
  /** Recording pauses rather than leave less than this free on the directory's file system. */
  minFreeBytes: number;
  /** At most this many envelopes a second per JSON topic (newest wins in each interval). */
  maxHz: number;
  /** The same for binary topics (the fleet); 0 records none. */
  binaryMaxHz: number;
}

export const RECORDING_DEFAULTS = {
  segmentMin: 10,
  hours: 48,
  maxBytes: 2 * 1024 ** 3,
  minFreeMb: 1024,
  maxHz: 1,
  // A 20,000-vehicle frame is 180 kB: at 1 Hz that is 650 MB an hour, and a 2 GiB budget would
  // hold three hours. One frame every five seconds keeps the fleet visible in a replay (the wall
  // interpolates between frames) and the JSON topics' share of the budget.
  binaryMaxHz: 0.2,
} as const;

const MiB = 1024 * 1024;

/** The recorder's settings, or null when HUB_RECORD=0. `tempParent` is for tests. */
export function recorderSettings(env: Record<string, string | undefined>, tempParent = tmpdir()): RecorderSettings | null {
  const flag = env.HUB_RECORD ?? '1';
  if (flag !== '0' && flag !== '1') throw new Error(`HUB_RECORD must be 0 (off) or 1 (on), not "${flag}"`);
  const segmentMin = settingInRange('HUB_RECORD_SEGMENT_MIN', env.HUB_RECORD_SEGMENT_MIN, 0.01, 1440, RECORDING_DEFAULTS.segmentMin);
  const hours = settingInRange('HUB_RECORD_HOURS', env.HUB_RECORD_HOURS, 0.001, 24 * 366, RECORDING_DEFAULTS.hours);
  const maxBytes = settingInRange('HUB_RECORD_MAX_BYTES', env.HUB_RECORD_MAX_BYTES, MiB, 2 ** 50, RECORDING_DEFAULTS.maxBytes);
  const minFreeMb = settingInRange('HUB_RECORD_MIN_FREE_MB', env.HUB_RECORD_MIN_FREE_MB, 0, 2 ** 30, RECORDING_DEFAULTS.minFreeMb);
  const { maxHz, binaryMaxHz } = recordRates(env);
  if (flag === '0') return null;
  const { dir, temporary } = recordingDir(env, tempParent);
  return { dir, temporary, segmentMs: segmentMin * 60_000, maxAgeMs: hours * 3_600_000, maxBytes, minFreeBytes: minFreeMb * MiB, maxHz, binaryMaxHz };
}

/** The reduced rates (also the record script's): HUB_RECORD_MAX_HZ, HUB_RECORD_BINARY_MAX_HZ. */
export function recordRates(env: Record<string, string | undefined>): { maxHz: number; binaryMaxHz: number } {
  const maxHz = settingInRange('HUB_RECORD_MAX_HZ', env.HUB_RECORD_MAX_HZ, 0.001, 30, RECORDING_DEFAULTS.maxHz);
  const binaryMaxHz = settingInRange('HUB_RECORD_BINARY_MAX_HZ', env.HUB_RECORD_BINARY_MAX_HZ, 0, maxHz, Math.min(RECORDING_DEFAULTS.binaryMaxHz, maxHz));
  return { maxHz, binaryMaxHz };
}

/**
 * HUB_RECORD_DIR; else `recordings` in HUB_DATA_DIR when that is a directory on disk, not
 * `memory://` (the hub's database lives there: the recordings outlive the process like the rest);
 * else a temporary directory of this run (a hub with an in-memory database keeps in-memory-like
 * recordings: they go when it stops).
 */
function recordingDir(env: Record<string, string | undefined>, tempParent: string): { dir: string; temporary: boolean } {
  const given = env.HUB_RECORD_DIR || (env.HUB_DATA_DIR && !env.HUB_DATA_DIR.includes('://') ? join(env.HUB_DATA_DIR, 'recordings') : '');
  if (given) {
    if (existsSync(given) && !statSync(given).isDirectory()) throw new Error(`${env.HUB_RECORD_DIR ? 'HUB_RECORD_DIR' : 'HUB_DATA_DIR/recordings'} must be a directory, not the file "${given}"`);
    return { dir: given, temporary: false };
  }
  return { dir: join(tempParent, `onescreen-recordings-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`), temporary: true };
}
