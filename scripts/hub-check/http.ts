/** Small HTTP helpers for the hub check: every request bounded in time, every answer kept raw. */

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
  bytes: number;
}

export const REQUEST_TIMEOUT_MS = 8_000;

export async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'manual' });
  const buf = Buffer.from(await res.arrayBuffer());
  let body: unknown;
  try {
    body = buf.length ? JSON.parse(buf.toString('utf8')) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, bytes: buf.length };
}

/** "HTTP 404 not-found: no such endpoint" from an answer, for one-line reasons. */
export function describeStatus(a: HttpAnswer): string {
  const b = a.body as { error?: unknown; message?: unknown } | undefined;
  const detail = b && typeof b.error === 'string' ? ` ${b.error}${typeof b.message === 'string' ? `: ${b.message.slice(0, 120)}` : ''}` : '';
  return `HTTP ${a.status}${detail}`;
}

export const errorText = (err: unknown) => (err instanceof Error ? (err.cause instanceof Error ? `${err.message} (${err.cause.message})` : err.message) : String(err));
