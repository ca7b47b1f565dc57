/**
 * The city module's layer builders: glTF models and 3D Tiles. Loaded lazily (see ../index.ts):
 * the loaders.gl glTF and 3D Tiles code is a large share of the wall's JavaScript and only
 * scenes with real models need it.
 */
import { ScenegraphLayer } from '@deck.gl/mesh-layers';
import { Tile3DLayer } from '@deck.gl/geo-layers';
import { GLTFLoader } from '@loaders.gl/gltf';
import { Tiles3DLoader } from '@loaders.gl/3d-tiles';
import type { Layer } from '@deck.gl/core';
import type { LayerContext } from '../../types.ts';

/** deck.gl's default scene choice, plus a call once the model has been fetched and parsed. */
function sceneOf(gltf: { scene?: unknown; scenes?: unknown[] } | null, onLoad: () => void) {
  onLoad();
  if (gltf && gltf.scenes) return typeof gltf.scene === 'object' ? gltf.scene : gltf.scenes[Number(gltf.scene ?? 0)];
  return gltf;
}

export function buildModelLayers(ctx: LayerContext, onLoad: () => void): Layer[] {
  const s = ctx.layer.style;
  return [
    new ScenegraphLayer({
      id: `${ctx.layer.id}-model`,
      data: [{ position: [Number(s.lon), Number(s.lat)] }],
      scenegraph: String(s.url),
      loaders: [GLTFLoader],
      getScene: (gltf: { scene?: unknown; scenes?: unknown[] } | null) => sceneOf(gltf, onLoad) as never,
      getPosition: (d: { position: [number, number] }) => d.position,
      // glTF is y-up; the map is z-up: roll the model upright, then turn it to its heading.
      getOrientation: [0, -Number(s.heading), 90],
      sizeScale: Number(s.scale),
      _lighting: 'pbr',
      pickable: false,
    }),
  ];
}

export function buildTilesetLayers(ctx: LayerContext, onTileLoad: () => void): Layer[] {
  return [
    new Tile3DLayer({
      id: `${ctx.layer.id}-tiles`,
      data: String(ctx.layer.style.url),
      loader: Tiles3DLoader,
      opacity: Number(ctx.layer.style.opacity),
      pickable: false,
      _subLayerProps: { scenegraph: { _lighting: 'pbr' } },
      onTileLoad,
    }),
  ];
}
