import { cityModule } from './city/index.ts';
import { environmentModule } from './environment/index.ts';
import { eventsModule } from './events/index.ts';
import { govModule } from './gov/index.ts';
import { healthModule } from './health/index.ts';
import { kitModule } from './kit/index.ts';
import { overviewModule } from './overview/index.ts';
import { povertyModule } from './poverty/index.ts';
import { trafficModule } from './traffic/index.ts';
import type { LayerKind, ModuleDefinition, PanelKind, Registry } from '../core/module-api.ts';
import { weatherModule } from './weather/index.ts';

/** Every scenario module of the wall. Adding a module is one folder and one line here. */
export const MODULES: ModuleDefinition[] = [
  overviewModule,
  weatherModule,
  healthModule,
  trafficModule,
  povertyModule,
  environmentModule,
  govModule,
  cityModule,
  eventsModule,
  kitModule,
];

export const LAYER_KINDS: ReadonlyMap<string, LayerKind> = new Map(MODULES.flatMap((m) => m.layers.map((l) => [l.kind, l])));
export const PANEL_KINDS: ReadonlyMap<string, PanelKind> = new Map(MODULES.flatMap((m) => m.panels.map((p) => [p.kind, p])));
export const MODULE_IDS: ReadonlySet<string> = new Set(MODULES.map((m) => m.id));

export const REGISTRY: Registry = { modules: MODULES, layerKinds: LAYER_KINDS, panelKinds: PANEL_KINDS, moduleIds: MODULE_IDS };
