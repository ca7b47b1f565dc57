import { PlacedLabelsLayer } from '../../layers/placed-labels-layer.ts';
import { ScenegraphLayer } from '@deck.gl/mesh-layers';
import { Tile3DLayer } from '@deck.gl/geo-layers';
import { GLTFLoader } from '@loaders.gl/gltf';
import { Tiles3DLoader } from '@loaders.gl/3d-tiles';
import { z } from 'zod';
import { defineLayerKind, type City3DElement, type ModuleDefinition } from '../../core/module-api.ts';
import { opacity } from '../style-fields.ts';
import { lazyPanel } from '../lazy-panel.ts';
import { PANEL_SIZE } from '../../panels/panel-size.ts';

// Panels load with the first scene that shows them (see ../lazy-panel.ts).
const CityModelPanel = lazyPanel(() => import('./CityModelPanel.tsx').then((m) => m.CityModelPanel));

const TILESET_PATIENCE_MS = 20_000;

/**
 * Whether a tileset's first tile has loaded: the scene counts as drawn only after that, or after
 * TILESET_PATIENCE_MS (a tileset out of view or unreachable must not hold the scene back forever).
 * One per scene layer and URL (ctx.memo).
 */
function tilesetLoad(_url: string): { since: number; loaded: boolean } {
  return { since: Date.now(), loaded: false };
}

/**
 * The generated buildings make way where a real model stands (no boxes through the landmark): an
 * element with nothing to draw, only a clearing. Through ctx.memo: the same object while the site is.
 */
function clearingElement(key: string, lon: number, lat: number, radiusM: number): City3DElement | null {
  if (!(radiusM > 0) || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  return { key, node: null, animated: false, clearings: [{ position: [lon, lat], radiusM }] };
}

/** A landmark's name as label data: through ctx.memo, the same array while the name and place hold. */
function landmarkLabel(text: string, lon: number, lat: number, heightM: number): { text: string; position: [number, number, number] }[] {
  return text ? [{ text, position: [lon, lat, heightM] }] : [];
}

const url = (what: string, value: string) => z.string().min(1).default(value).describe(what);
const lon = (value: number) => z.number().min(-180).max(180).default(value).describe('Longitude, WGS-84');
const lat = (value: number) => z.number().min(-90).max(90).default(value).describe('Latitude, WGS-84');

/**
 * The city model: the generated buildings are part of every twin (src/twin/city); this module lets
 * a scene add real models in standard formats: a glTF/GLB placed at a point, or a 3D Tiles tileset.
 */
export const cityModule: ModuleDefinition = {
  id: 'city',
  title: '三维城市',
  titleEn: '3D city',
  layers: [
    defineLayerKind({
      kind: 'city.model',
      title: '模型',
      titleEn: 'glTF model',
      style: z.strictObject({
        url: url('The glTF/GLB file', '/models/jiefangbei.glb'),
        lon: lon(106.57745),
        lat: lat(29.55752),
        heading: z.number().min(-360).max(360).default(0).describe('Heading in degrees, clockwise from north'),
        scale: z.number().positive().max(1000).default(1).describe('Size factor of the model'),
        // The pedestrian square around the monument, so the scene's camera sees it over the towers.
        clearRadius: z.number().min(0).max(5000).default(60).describe('Metres around the model kept free of generated buildings (0: none)'),
        label: z.string().max(40).default('解放碑 Jiefangbei').describe('Its name over it (empty: none)'),
        labelHeightM: z.number().min(0).max(2000).default(30).describe('Where the name floats, in metres before scale'),
      }),
      build: (ctx) => {
        const s = ctx.style;
        const site = ctx.memo(landmarkLabel, s.label, s.lon, s.lat, s.labelHeightM * s.scale);
        return [
          new ScenegraphLayer({
            id: `${ctx.layer.id}-model`,
            data: [{ position: [s.lon, s.lat] }],
            scenegraph: s.url,
            loaders: [GLTFLoader],
            getPosition: (d: { position: [number, number] }) => d.position,
            // glTF is y-up; the map is z-up: roll the model upright, then turn it to its heading.
            getOrientation: [0, -s.heading, 90],
            sizeScale: s.scale,
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
      city3d: (ctx) => ctx.memo(clearingElement, ctx.layer.id, ctx.style.lon, ctx.style.lat, ctx.style.clearRadius * Math.max(1, ctx.style.scale)),
    }),
    defineLayerKind({
      kind: 'city.tileset',
      title: '三维瓦片',
      titleEn: '3D Tiles',
      style: z.strictObject({
        url: url('The 3D Tiles tileset.json', '/tiles/chaotianmen/tileset.json'),
        opacity: opacity(1, 'Opacity of the tiles'),
        // The sample: Raffles City's podium.
        clearing: z
          .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(0).max(5000)])
          .default([106.5838, 29.5655, 230])
          .describe('[lon, lat, radius m] kept free of generated buildings'),
      }),
      build: (ctx) => {
        const load = ctx.memo(tilesetLoad, ctx.style.url);
        return [
          new Tile3DLayer({
            id: `${ctx.layer.id}-tiles`,
            data: ctx.style.url,
            loader: Tiles3DLoader,
            opacity: ctx.style.opacity,
            pickable: false,
            _subLayerProps: { scenegraph: { _lighting: 'pbr' } },
            onTileLoad: () => void (load.loaded = true),
          }),
        ];
      },
      city3d: (ctx) => {
        const [lon, lat, radiusM] = ctx.style.clearing;
        return ctx.memo(clearingElement, ctx.layer.id, lon, lat, radiusM);
      },
      drawn: (ctx) => {
        const load = ctx.memo(tilesetLoad, ctx.style.url);
        return load.loaded || Date.now() - load.since > TILESET_PATIENCE_MS;
      },
    }),
  ],
  panels: [{ kind: 'city.model-stats', title: '城市模型', titleEn: 'City model · generated', topics: [], component: CityModelPanel, size: PANEL_SIZE.kpiChart }],
};
