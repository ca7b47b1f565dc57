import { ScenegraphLayer } from '@deck.gl/mesh-layers';
import { Tile3DLayer } from '@deck.gl/geo-layers';
import { GLTFLoader } from '@loaders.gl/gltf';
import { Tiles3DLoader } from '@loaders.gl/3d-tiles';
import type { ModuleDefinition } from '../types.ts';
import { CityModelPanel } from './CityModelPanel.tsx';

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
        const s = ctx.layer.style;
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
        ];
      },
    },
    {
      kind: 'city.tileset',
      title: '三维瓦片',
      titleEn: '3D Tiles',
      defaultStyle: { url: '/tiles/chaotianmen/tileset.json', opacity: 1 },
      build: (ctx) => [
        new Tile3DLayer({
          id: `${ctx.layer.id}-tiles`,
          data: String(ctx.layer.style.url),
          loader: Tiles3DLoader,
          opacity: Number(ctx.layer.style.opacity),
          pickable: false,
          _subLayerProps: { scenegraph: { _lighting: 'pbr' } },
        }),
      ],
    },
  ],
  panels: [{ kind: 'city.model-stats', title: '城市模型', titleEn: 'City model · generated', topics: [], component: CityModelPanel }],
};
