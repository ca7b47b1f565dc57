import type { ModuleDefinition } from '../../core/module-api.ts';
import { arcsKind } from './layers/arcs.ts';
import { columnsKind } from './layers/columns.ts';
import { gridKind } from './layers/grid.ts';
import { heatmapKind } from './layers/heatmap.ts';
import { hexagonKind } from './layers/hexagon.ts';
import { iconsKind } from './layers/icons.ts';
import { pathsKind } from './layers/paths.ts';
import { textKind } from './layers/text.ts';
import { tripsKind } from './layers/trips.ts';

/**
 * 通用图层: kepler.gl-style layer kinds over any hub topic with geometry, so a scene designer can
 * draw existing data a new way (a heatmap of vehicles, hexagons of checkpoints) by naming a kind
 * and a topic in a scene file, without code. sources.ts says which topics each kind can read.
 */
export const kitModule: ModuleDefinition = {
  id: 'kit',
  title: '通用图层',
  titleEn: 'Generic layers',
  layers: [heatmapKind, hexagonKind, gridKind, tripsKind, iconsKind, arcsKind, pathsKind, columnsKind, textKind],
  panels: [],
};
