/**
 * The recording directory: segment names, and bounded retention (by age, by total size) and the
 * free-space floor. Only files named like the recorder's own segments are ever deleted: the
 * directory may be shared with other things.
 */
import { readdir, stat, statfs, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const SEGMENT_NAME = /^onescreen-(\d{8}T\d{9}Z)(?:-(\d{1,4}))?\.mcap$/;

const compact = (ms: number) => new Date(ms).toISOString().replace(/[-:.]/g, '');

/** `onescreen-20260105T083000123Z.mcap` (UTC start time), `-n` when that name is taken. */
export function segmentName(startedAt: number, attempt = 0): string {
  return `onescreen-${compact(startedAt)}${attempt ? `-${attempt}` : ''}.mcap`;
}

export const isSegmentName = (name: string) => SEGMENT_NAME.test(name);

export interface SegmentFile {
  name: string;
  path: string;
  bytes: number;
  /** Its last write: when the segment ended (or now, for the open one). */
  mtimeMs: number;
}

/** The segments in a directory, oldest first (by the start time in their names). */
export async function listSegments(dir: string): Promise<SegmentFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: SegmentFile[] = [];
  for (const name of names.filter(isSegmentName)) {
    try {
      const s = await stat(join(dir, name));
      if (s.isFile()) out.push({ name, path: join(dir, name), bytes: s.size, mtimeMs: s.mtimeMs });
    } catch {
      // Deleted since readdir (retention in another call): not a segment any more.
    }
  }
  const key = (n: string) => {
    const m = SEGMENT_NAME.exec(n)!;
    return [m[1], Number(m[2] ?? 0)] as const;
  };
  return out.sort((a, b) => {
    const [ta, na] = key(a.name);
    const [tb, nb] = key(b.name);
    return ta < tb ? -1 : ta > tb ? 1 : na - nb;
  });
}

export interface RetentionLimits {
  maxAgeMs: number;
  maxBytes: number;
}

/**
 * Deletes the oldest segments that ended more than `maxAgeMs` ago, then the oldest while all of
 * them together are over `maxBytes`. `open` (the segment being written) is never deleted, but its
 * size counts.
 */
export async function enforceRetention(dir: string, limits: RetentionLimits, now: number, open?: string): Promise<{ deleted: string[]; bytes: number }> {
  const segments = await listSegments(dir);
  let total = segments.reduce((n, s) => n + s.bytes, 0);
  const deleted: string[] = [];
  for (const s of segments) {
    if (s.path === open) continue;
    if (now - s.mtimeMs <= limits.maxAgeMs && total <= limits.maxBytes) continue;
    try {
      await unlink(s.path);
      deleted.push(s.name);
      total -= s.bytes;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return { deleted, bytes: total };
}

/** Bytes free to this (unprivileged) process on the directory's file system. */
export async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}
