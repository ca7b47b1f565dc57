import { z } from 'zod';

const RuntimeConfigSchema = z.object({ hubUrl: z.string().url() });
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
  };
}
export type Flags = ReturnType<typeof readFlags>;

function parseTime(value: string | null): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : null;
}
