import { useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { WallRuntimeContext } from '../core/wall-context.ts';
import { diagnosticsActions } from '../store/diagnostics-store.ts';
import { reportOnce, topicsStamp } from './boundary-report.ts';

interface Props {
  /** Names the part in diagnostics: "render panel traffic-speed: …". */
  part: string;
  /** Tried again when any of these change (the scene, the part's inputs). */
  resetKeys?: unknown[];
  /** Tried again when any of these topics gets a new value: a panel comes back with the next good one. */
  retryTopics?: readonly string[];
  /** Instead of the part when it fails; default a small quiet "unavailable" that keeps its place. */
  fallback?: ReactNode;
  /** Class and style of the default placeholder (a panel's glass and position, say). */
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}

/** The default stand-in: says the part is missing, quietly, without drawing the eye from the rest. */
export function Unavailable({ part, className, style }: { part: string; className?: string; style?: CSSProperties }) {
  return (
    <div className={`unavailable${className ? ` ${className}` : ''}`} style={style} role="status" data-testid="unavailable" data-part={part}>
      此处暂不可用 · unavailable
    </div>
  );
}

/** Shown while failed; asks its boundary to try again when a watched topic moves on. */
function Failed({ retry, topics, children }: { retry: () => void; topics: readonly string[]; children: ReactNode }) {
  const store = useContext(WallRuntimeContext)?.topics;
  const subscribe = useCallback((onChange: () => void) => store?.subscribe(onChange) ?? (() => {}), [store]);
  const stamp = useSyncExternalStore(subscribe, () => topicsStamp(store?.getState().values, topics));
  const [failedAt] = useState(stamp);
  useEffect(() => {
    if (stamp !== failedAt) retry();
  }, [stamp, failedAt, retry]);
  return children;
}

const NO_TOPICS: readonly string[] = [];

/**
 * Every part of the wall's frame sits in one of these: a bad value blanks that part, never the
 * wall. The failure goes to diagnostics once (the ?diag=1 overlay's last error); the part tries
 * again when its reset keys change or a watched topic brings a new value.
 */
export function WallBoundary({ part, resetKeys, retryTopics = NO_TOPICS, fallback, className, style, children }: Props) {
  const runtime = useContext(WallRuntimeContext);
  const diagnostics = runtime?.diagnostics;
  // One reporter per boundary for its life: retries that fail alike are not reported again.
  const report = useRef<((error: unknown) => void) | null>(null);
  report.current ??= reportOnce((message) => {
    if (diagnostics) diagnosticsActions(diagnostics).error(`render ${part}`, message);
  });
  return (
    <ErrorBoundary
      resetKeys={resetKeys}
      onError={(error) => report.current?.(error)}
      fallbackRender={({ resetErrorBoundary }) => (
        <Failed retry={resetErrorBoundary} topics={retryTopics}>
          {fallback === undefined ? <Unavailable part={part} className={className} style={style} /> : fallback}
        </Failed>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
