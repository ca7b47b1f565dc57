/**
 * Code of a module's layers loaded on demand (dynamic import), for layers whose libraries are
 * heavy and used by few scenes (the city module's glTF and 3D Tiles loaders). The layer kind
 * stays in the registry eagerly (scene validation needs its name, topics and styles); only its
 * builder waits: `get()` is null until the chunk has arrived, and the twin redraws when it does.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

/** The twin subscribes to rebuild its layers when a module's code arrives. */
export function onModuleCodeLoaded(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export interface LazyCode<T> {
  /** The loaded code, or null (and the load started) if it has not arrived yet. */
  get(): T | null;
  /** The error of a failed load (the next get() retries). */
  error(): Error | null;
}

export function lazyCode<T>(load: () => Promise<T>): LazyCode<T> {
  let code: T | null = null;
  let loading = false;
  let failure: Error | null = null;
  return {
    get() {
      if (code || loading) return code;
      loading = true;
      load().then(
        (c) => {
          code = c;
          failure = null;
          loading = false;
          for (const l of listeners) l();
        },
        (err: unknown) => {
          // A chunk that failed (network blip, a redeploy replaced it) is retried on the next get().
          failure = err instanceof Error ? err : new Error(String(err));
          loading = false;
          for (const l of listeners) l();
        },
      );
      return null;
    },
    error: () => failure,
  };
}
