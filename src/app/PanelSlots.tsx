import { Suspense } from 'react';
import { PANEL_SLOTS, type Scene } from '../hub/contract.ts';
import { PANEL_KINDS } from '../modules/registry.ts';
import { Panel, PanelWaiting } from '../panels/Panel.tsx';

/**
 * The scene's panels in their slots: four a side. Keyed by scene and kind, so a scene switch
 * unmounts the old panels (their charts are disposed) and mounts the new ones.
 */
export function PanelSlots({ scene, side, scale }: { scene: Scene; side: 'left' | 'right'; scale: number }) {
  const slots = PANEL_SLOTS.filter((s) => s.startsWith(side));
  return (
    <div className={`columns columns--${side}`} data-testid={`column-${side}`}>
      {slots.map((slot) => {
        const entry = scene.panels.find((p) => p.slot === slot);
        const kind = entry && PANEL_KINDS.get(entry.kind);
        if (!kind) return null;
        const Component = kind.component;
        return (
          <Panel key={`${scene.id}:${slot}:${kind.kind}`} title={kind.title} titleEn={kind.titleEn} testId={`panel-${kind.kind}`} slot={slot}>
            {/* The panel's code may still be loading (lazy modules): the slot keeps its frame meanwhile. */}
            <Suspense fallback={<PanelWaiting />}>
              <Component scale={scale} />
            </Suspense>
          </Panel>
        );
      })}
    </div>
  );
}
