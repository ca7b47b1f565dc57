import { Suspense } from 'react';
import type { Scene } from '../hub/contract.ts';
import { alertTicker } from '../modules/events/index.ts';
import { WallBoundary } from './ErrorBoundary.tsx';

/**
 * The events module's ticker of new alerts, along the bottom of the wall between the panel
 * columns (the legends move up above it), on scenes that draw the alerts layer. Its code loads
 * with the first such scene; a ticker that throws leaves a quiet placeholder in its band and comes
 * back with the next board.
 */
export function AlertTickerSlot({ scene, scale }: { scene: Scene; scale: number }) {
  if (!scene.layers.some((l) => l.kind === alertTicker.withLayerKind)) return null;
  const Ticker = alertTicker.component;
  return (
    <WallBoundary part="alert ticker" resetKeys={[scene.id]} retryTopics={alertTicker.topics} className="ticker-unavailable">
      <Suspense fallback={null}>
        <Ticker scale={scale} />
      </Suspense>
    </WallBoundary>
  );
}
