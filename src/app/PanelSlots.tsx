import { Suspense } from 'react';
import type { Scene } from '../hub/contract.ts';
import { PANEL_KINDS } from '../modules/registry.ts';
import { Panel, PanelWaiting } from '../panels/Panel.tsx';
import type { WallPlan } from './column-layout.ts';
import { WallBoundary } from './ErrorBoundary.tsx';

/**
 * The scene's panels where the wall's plan puts them (column-layout.ts): stacked by their content,
 * only as tall as they can use, the lowest-priority ones set aside when the room needs larger type.
 * A side without panels draws nothing: no empty glass. Keyed by scene, slot and kind, so a scene
 * switch unmounts the old panels (their charts are disposed) and a reflow only moves them.
 *
 * Each panel has two boundaries: one around its content (the frame and title stay; it tries again
 * with the next value of the panel's topics) and one around the whole panel (a placeholder keeps
 * its place). A panel's failure never reaches its neighbours or the wall.
 */
export function PanelSlots({ scene, plan, side, scale }: { scene: Scene; plan: WallPlan; side: 'left' | 'right'; scale: number }) {
  const box = plan.columns[side];
  if (!box) return null;
  const placed = plan.panels.filter((p) => p.left >= box.left - 1e-6 && p.left + p.width <= box.left + box.width + 1e-6);
  return (
    <div className={`columns columns--${side}`} data-testid={`column-${side}`} style={{ left: box.left, top: box.top, width: box.width, height: box.height }}>
      {placed.map((p) => {
        const entry = scene.panels.find((e) => e.slot === p.slot);
        const kind = entry && PANEL_KINDS.get(entry.kind);
        if (!kind) return null;
        const Component = kind.component;
        const place = { left: p.left - box.left, top: p.top - box.top, width: p.width, height: p.height };
        return (
          <WallBoundary key={`${scene.id}:${p.slot}:${kind.kind}`} part={`panel ${kind.kind}`} resetKeys={[scene.id]} className="panel panel--unavailable" style={place}>
            <Panel title={kind.title} titleEn={kind.titleEn} testId={`panel-${kind.kind}`} slot={p.slot} style={place}>
              <WallBoundary part={`panel ${kind.kind}`} resetKeys={[scene.id]} retryTopics={kind.topics}>
                {/* The panel's code may still be loading (lazy modules): the slot keeps its frame meanwhile. */}
                <Suspense fallback={<PanelWaiting />}>
                  <Component scale={scale} />
                </Suspense>
              </WallBoundary>
            </Panel>
          </WallBoundary>
        );
      })}
    </div>
  );
}
