import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PanelProps } from '../core/module-api.ts';

export type LazyPanel = LazyExoticComponent<ComponentType<PanelProps>>;

/**
 * A panel whose code (and its chart library) loads the first time a scene shows it: the registry
 * stays light, and a screen downloads only the panels its scene uses. PanelSlots renders it inside
 * Suspense, with the slot's frame and title already in place while the chunk arrives.
 */
export function lazyPanel(load: () => Promise<ComponentType<PanelProps>>): LazyPanel {
  return lazy(() => load().then((component) => ({ default: component })));
}
