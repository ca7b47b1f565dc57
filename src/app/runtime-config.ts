import { z } from 'zod';
import { DisplayHandshakeSchema } from '../hub/control.ts';
import type { Slot } from '../hub/enrolment.ts';
import { SINGLE_DISPLAY, type DisplayGrid } from '../twin/slice.ts';
import { readViewing } from './legibility.ts';

/**
 * Only where the hub is. No secret comes this way: anyone can read this file, so a display proves
 * itself with the credential an operator's approval gave it (src/app/enrolment/), not a shared key.
 */
const RuntimeConfigSchema = z.object({
  hubUrl: z.string().url(),
});
export type RuntimeConfig = z.infer<typeof RuntimeConfigSchema>;

/** Where the hub is: served by the wall's web server at run time, so one build fits any hub. */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const fallback = { hubUrl: `${location.protocol}//${location.hostname}:8787` };
  try {
    const res = await fetch('/runtime-config.json', { cache: 'no-store', signal: AbortSignal.timeout(3000) });
    const parsed = RuntimeConfigSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** URL flags a wall understands: ?diag=1 shows diagnostics, ?anim=0 stops animation (tests, screenshots). */
export function readFlags(search = location.search) {
  const params = new URLSearchParams(search);
  return {
    diag: params.get('diag') === '1',
    anim: params.get('anim') !== '0',
    wall: params.get('wall')?.match(/^[a-z0-9-]{1,40}$/)?.[0] ?? 'main',
    display: params.get('display')?.match(/^[a-z0-9-]{1,40}$/)?.[0] ?? '0',
    scene: params.get('scene')?.match(/^[a-z][a-z0-9-]{0,39}$/)?.[0] ?? null,
    /** ?time=<ISO 8601>: the moment the twin is lit for (sun, night lights) instead of now. */
    time: parseTime(params.get('time')),
    /** ?orbit=1: the camera circles slowly (attract loop); any touch stops it for a minute. */
    orbit: params.get('orbit') === '1',
    /** ?preview=1: the scene designer's live preview in an iframe (src/app/preview/), not a display. */
    preview: params.get('preview') === '1',
    /** ?grid=3x1&col=0&row=0: this display's place in a multi-display wall (see readGrid). */
    ...readGrid(params),
    /** ?distance=5m&height=2.4m: how far the room reads the wall from, and its picture's height (legibility.ts). */
    ...readViewing(params),
  };
}
export type Flags = ReturnType<typeof readFlags>;

/**
 * The flags of a wall booted into the slot an operator approved (src/hub/enrolment.ts): its wall,
 * display and cell replace what the URL said, which was only a hint. A URL grid error stays only
 * where the slot is a single display too (then the URL's cell really was ignored).
 */
export function withSlot(flags: Flags, slot: Slot): Flags {
  return {
    ...flags,
    wall: slot.wall,
    display: slot.display,
    grid: slot.grid ?? SINGLE_DISPLAY,
    gridError: slot.grid ? null : flags.gridError,
  };
}

function parseTime(value: string | null): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

const GridSchema = DisplayHandshakeSchema.shape.grid.unwrap();

/**
 * ?grid=<cols>x<rows>&col=<c>&row=<r> (0-based cell). Absent: a single-display wall. Invalid: also
 * a single-display wall, with the reason for diagnostics (a display that guessed its slice would
 * show the wrong part of the wall, one that shows all of it is at least readable).
 */
export function readGrid(params: URLSearchParams): { grid: DisplayGrid; gridError: string | null } {
  const raw = params.get('grid');
  if (raw === null) return { grid: SINGLE_DISPLAY, gridError: null };
  const size = /^(\d{1,2})x(\d{1,2})$/.exec(raw);
  const col = /^\d{1,2}$/.test(params.get('col') ?? '0') ? Number(params.get('col') ?? '0') : NaN;
  const row = /^\d{1,2}$/.test(params.get('row') ?? '0') ? Number(params.get('row') ?? '0') : NaN;
  if (!size) return { grid: SINGLE_DISPLAY, gridError: `?grid=${raw.slice(0, 20)}: expected <cols>x<rows>, e.g. 3x1` };
  const parsed = GridSchema.safeParse({ cols: Number(size[1]), rows: Number(size[2]), col, row });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { grid: SINGLE_DISPLAY, gridError: `?grid=${raw}&col=${params.get('col')}&row=${params.get('row')}: ${where}${issue.message}` };
  }
  return { grid: parsed.data, gridError: null };
}
