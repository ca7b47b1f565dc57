import { Suspense } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import type { Scene } from '../hub/contract.ts';
import { alertTicker } from '../modules/events/index.ts';

/**
 * The events module's ticker of new alerts, along the bottom of the wall between the panel
 * columns (the legends move up above it), on scenes that draw the alerts layer. Its code loads
 * with the first such scene; a ticker that throws leaves the wall as it was.
 */
export function AlertTickerSlot({ scene, scale }: { scene: Scene; scale: number }) {
  if (!scene.layers.some((l) => l.kind === alertTicker.withLayerKind)) return null;
  const Ticker = alertTicker.component;
  return (
    <ErrorBoundary fallback={null}>
      <Suspense fallback={null}>
        <Ticker scale={scale} />
      </Suspense>
    </ErrorBoundary>
  );
}
