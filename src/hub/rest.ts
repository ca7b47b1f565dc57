import type { z } from 'zod';
import { API_PREFIX, describeIssue } from './contract.ts';
import { diagnosticsActions, type DiagnosticsStore } from '../store/diagnostics-store.ts';

const REST_TIMEOUT_MS = 8_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/** Full jitter: spreads a wall's displays out so a restarted hub is not hit all at once. */
export function backoffDelay(attempt: number, random = Math.random): number {
  const cap = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
  return RETRY_MIN_MS / 2 + random() * (cap - RETRY_MIN_MS / 2);
}

/** A body that arrived but failed validation: counted as a rejection, not a network error. */
export class PayloadError extends Error {}

/**
 * The hub's REST side: GETs with a timeout whose bodies are validated where they arrive (a bad
 * one is counted and thrown), and loads retried with jittered backoff until they succeed.
 */
export class HubRest {
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;
  readonly diag;

  constructor(
    readonly hubUrl: string,
    diagnostics: DiagnosticsStore,
  ) {
    this.diag = diagnosticsActions(diagnostics);
  }

  url(path: string) {
    return `${this.hubUrl}${API_PREFIX}${path}`;
  }

  async getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const res = await fetch(this.url(path), { signal: AbortSignal.timeout(REST_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    const body: unknown = await res.json().catch(() => undefined);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const message = `GET ${path} rejected: ${describeIssue(parsed.error)}`;
      this.diag.rejected('rest', message);
      throw new PayloadError(message);
    }
    this.diag.accepted();
    return parsed.data;
  }

  async getBytes(path: string, timeoutMs = REST_TIMEOUT_MS * 4): Promise<ArrayBuffer> {
    const res = await fetch(this.url(path), { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return res.arrayBuffer();
  }

  async postJson(path: string, body: unknown): Promise<{ res: Response; answer: unknown }> {
    const res = await fetch(this.url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REST_TIMEOUT_MS),
    });
    return { res, answer: await res.json().catch(() => undefined) };
  }

  /** Retries with jittered backoff until it succeeds; a bad payload is retried too (the hub may recover). */
  retry(what: string, load: () => Promise<void>, attempt = 0) {
    if (this.stopped) return;
    load().catch((err: Error) => {
      if (this.stopped) return;
      if (!(err instanceof PayloadError)) this.diag.error(what, err.message);
      this.later(() => this.retry(what, load, attempt + 1), backoffDelay(attempt));
    });
  }

  /** A timer that stop() clears. */
  later(fn: () => void, ms: number) {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  get isStopped() {
    return this.stopped;
  }

  stop() {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
