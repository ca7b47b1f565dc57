import { PlacedLabelsLayer } from '../../layers/placed-labels-layer.ts';
import { ScenegraphLayer } from '@deck.gl/mesh-layers';
import { Tile3DLayer } from '@deck.gl/geo-layers';
import { GLTFLoader } from '@loaders.gl/gltf';
import { Tiles3DLoader } from '@loaders.gl/3d-tiles';
import type { City3DElement, LayerContext, ModuleDefinition } from '../types.ts';
import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const CityModelPanel = lazyPanel(() => import('./CityModelPanel.tsx').then((m) => m.CityModelPanel));

/**
 * Tilesets whose first tile has loaded: the scene counts as drawn only after that, or after
 * TILESET_PATIENCE_MS (a tileset out of view or unreachable must not hold the scene back forever).
 */
const loadedTilesets = new Set<string>();
const firstBuilt = new Map<string, number>();
const TILESET_PATIENCE_MS = 20_000;

const clearingElements = new Map<string, { key: string; element: City3DElement }>();

/**
 * The generated buildings make way where a real model stands (no boxes through the landmark): an
 * element with nothing to draw, only a clearing. The same object while the site is the same.
 */
function clearing(ctx: LayerContext, position: [number, number], radiusM: number): City3DElement | null {
  if (!(radiusM > 0) || !position.every(Number.isFinite)) return null;
  const key = `${position}|${radiusM}`;
  const last = clearingElements.get(ctx.layer.id);
  if (last?.key === key) return last.element;
  const element: City3DElement = { key: ctx.layer.id, node: null, animated: false, clearings: [{ position, radiusM }] };
  clearingElements.set(ctx.layer.id, { key, element });
  return element;
}

/**
 * The city model: the generated buildings are part of every twin (src/twin/city); this module lets
 * a scene add real models in standard formats: a glTF/GLB placed at a point, or a 3D Tiles tileset.
 */
const labels = new Map<string, { key: string; data: { text: string; position: [number, number, number] }[] }>();
/** A landmark's name as label data: the same array while the name and place hold (no redraw for nothing). */
function landmarkLabel(layerId: string, text: string, position: [number, number, number]) {
  const key = `${text}|${position.join(',')}`;
  const hit = labels.get(layerId);
  if (hit?.key === key) return hit.data;
  const data = text ? [{ text, position }] : [];
  labels.set(layerId, { key, data });
  return data;
}

export const cityModule: ModuleDefinition = {
  id: 'city',
  title: '三维城市',
  titleEn: '3D city',
  layers: [
    {
      kind: 'city.model',
      title: '模型',
      titleEn: 'glTF model',
      // clearRadius: metres around the model kept free of generated buildings (0: none): the
      // pedestrian square around the monument, so the scene's camera sees it over the towers.
      // label: its name over it (empty: none); labelHeightM: where the name floats, before scale.
      defaultStyle: { url: '/models/jiefangbei.glb', lon: 106.57745, lat: 29.55752, heading: 0, scale: 1, clearRadius: 60, label: '解放碑 Jiefangbei', labelHeightM: 30 },
      build: (ctx) => {
        const s = ctx.layer.style;
        const site = landmarkLabel(ctx.layer.id, String(s.label), [Number(s.lon), Number(s.lat), Number(s.labelHeightM) * Number(s.scale)]);
        return [
          new ScenegraphLayer({
            id: `${ctx.layer.id}-model`,
            data: [{ position: [Number(s.lon), Number(s.lat)] }],
            scenegraph: String(s.url),
            loaders: [GLTFLoader],
            getPosition: (d: { position: [number, number] }) => d.position,
            // glTF is y-up; the map is z-up: roll the model upright, then turn it to its heading.
            getOrientation: [0, -Number(s.heading), 90],
            sizeScale: Number(s.scale),
            _lighting: 'pbr',
            pickable: false,
          }),
          // A landmark is named: the audience finds it among thousands of generated towers.
          new PlacedLabelsLayer({
            id: `${ctx.layer.id}-label`,
            data: site,
            getSize: 16,
            sizeScale: ctx.scale,
            getPriority: 1_000,
            getAlignmentBaseline: 'bottom',
          }),
        ];
      },
      city3d: (ctx) => {
        const s = ctx.layer.style;
        return clearing(ctx, [Number(s.lon), Number(s.lat)], Number(s.clearRadius) * Math.max(1, Number(s.scale)));
      },
    },
    {
      kind: 'city.tileset',
      title: '三维瓦片',
      titleEn: '3D Tiles',
      // clearing: [lon, lat, radius m] kept free of generated buildings (the sample: Raffles City's podium).
      defaultStyle: { url: '/tiles/chaotianmen/tileset.json', opacity: 1, clearing: [106.5838, 29.5655, 230] },
      build: (ctx) => {
        const url = String(ctx.layer.style.url);
        if (!firstBuilt.has(url)) firstBuilt.set(url, Date.now());
        return [
          new Tile3DLayer({
            id: `${ctx.layer.id}-tiles`,
            data: url,
            loader: Tiles3DLoader,
            opacity: Number(ctx.layer.style.opacity),
            pickable: false,
            _subLayerProps: { scenegraph: { _lighting: 'pbr' } },
            onTileLoad: () => void loadedTilesets.add(url),
          }),
        ];
      },
      city3d: (ctx) => {
        const c = ctx.layer.style.clearing;
        return Array.isArray(c) && c.length === 3 ? clearing(ctx, [c[0], c[1]], c[2]) : null;
      },
      drawn: (ctx) => {
        const url = String(ctx.layer.style.url);
        return loadedTilesets.has(url) || Date.now() - (firstBuilt.get(url) ?? Date.now()) > TILESET_PATIENCE_MS;
      },
    },
  ],
  panels: [{ kind: 'city.model-stats', title: '城市模型', titleEn: 'City model · generated', topics: [], component: CityModelPanel, size: PANEL_SIZE.kpiChart }],
};
