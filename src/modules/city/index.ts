import { lazyPanel } from '../lazy-panel.ts';
import { lazyCode } from '../lazy-code.ts';
import type { ModuleDefinition } from '../types.ts';

/** The builders and their loaders.gl code arrive with the first scene that shows a model. */
const models = lazyCode(() => import('./layers/models.ts'));

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const CityModelPanel = lazyPanel(() => import('./CityModelPanel.tsx').then((m) => m.CityModelPanel));

/**
 * Tilesets whose first tile has loaded: the scene counts as drawn only after that, or after
 * TILESET_PATIENCE_MS (a tileset out of view or unreachable must not hold the scene back forever).
 */
const loadedTilesets = new Set<string>();
/** glTF models that have been fetched and parsed. */
const loadedModels = new Set<string>();
const firstBuilt = new Map<string, number>();
const TILESET_PATIENCE_MS = 20_000;

/**
 * The city model: the generated buildings are part of every twin (src/twin/city); this module lets
 * a scene add real models in standard formats: a glTF/GLB placed at a point, or a 3D Tiles tileset.
 */
export const cityModule: ModuleDefinition = {
  id: 'city',
  title: '三维城市',
  titleEn: '3D city',
  layers: [
    {
      kind: 'city.model',
      title: '模型',
      titleEn: 'glTF model',
      defaultStyle: { url: '/models/jiefangbei.glb', lon: 106.57745, lat: 29.55752, heading: 0, scale: 1 },
      build: (ctx) => {
        const code = models.get();
        if (!code) return [];
        const url = String(ctx.layer.style.url);
        if (!firstBuilt.has(url)) firstBuilt.set(url, Date.now());
        return code.buildModelLayers(ctx, () => void loadedModels.add(url));
      },
      // Drawn once its code is here and the model has loaded (or after the same patience as a
      // tileset's: an unreachable model must not hold the scene back).
      drawn: (ctx) => {
        const url = String(ctx.layer.style.url);
        if (!firstBuilt.has(url)) return false;
        return loadedModels.has(url) || Date.now() - firstBuilt.get(url)! > TILESET_PATIENCE_MS;
      },
    },
    {
      kind: 'city.tileset',
      title: '三维瓦片',
      titleEn: '3D Tiles',
      defaultStyle: { url: '/tiles/chaotianmen/tileset.json', opacity: 1 },
      build: (ctx) => {
        const code = models.get();
        if (!code) return [];
        const url = String(ctx.layer.style.url);
        if (!firstBuilt.has(url)) firstBuilt.set(url, Date.now());
        return code.buildTilesetLayers(ctx, () => void loadedTilesets.add(url));
      },
      drawn: (ctx) => {
        const url = String(ctx.layer.style.url);
        return loadedTilesets.has(url) || Date.now() - (firstBuilt.get(url) ?? Date.now()) > TILESET_PATIENCE_MS;
      },
    },
  ],
  panels: [{ kind: 'city.model-stats', title: '城市模型', titleEn: 'City model · generated', topics: [], component: CityModelPanel }],
};
