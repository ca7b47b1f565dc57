import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '@loaders.gl/core';
import { GLTFLoader } from '@loaders.gl/gltf';
import { Tiles3DLoader } from '@loaders.gl/3d-tiles';

const file = (p: string) => readFileSync(new URL(`../public/${p}`, import.meta.url));
const arrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
interface GltfJson {
  asset: { version: string };
  meshes: { name: string; primitives: { attributes: Record<string, number> }[] }[];
  accessors: { min: number[]; max: number[] }[];
}
const gltfJson = async (b: Buffer) => (await parse(arrayBuffer(b), GLTFLoader)).json as unknown as GltfJson;

describe('city-model samples load with the standard loaders (loaders.gl)', () => {
  it('jiefangbei.glb is a glTF 2.0 binary with a 27.5 m monument', async () => {
    const json = await gltfJson(file('models/jiefangbei.glb'));
    expect(json.asset.version).toBe('2.0');
    expect(json.meshes).toHaveLength(1);
    const position = json.accessors[json.meshes[0].primitives[0].attributes.POSITION];
    expect(position.max[1]).toBeCloseTo(27.5, 5); // y-up: the monument's height
    expect(position.min[1]).toBe(0);
  });

  it('the Chaotianmen tileset is 3D Tiles with one batched-model tile placed at Chaotianmen', async () => {
    const tileset = await parse(arrayBuffer(file('tiles/chaotianmen/tileset.json')), Tiles3DLoader, {
      '3d-tiles': { isTileset: true },
    } as never);
    const t = tileset as unknown as { asset: { version: string }; root: { content: { uri: string }; transform: number[] } };
    expect(t.asset.version).toBe('1.0');
    expect(t.root.content.uri).toContain('raffles.b3dm');
    // The ENU frame's origin is on the earth's surface near Chongqing (~6,370 km from the centre).
    const [x, y, z] = t.root.transform.slice(12, 15);
    expect(Math.hypot(x, y, z) / 1000).toBeCloseTo(6374, -1);
    type Mesh = { name: string; primitives: { attributes: { POSITION: { max: number[] } } }[] };
    const tile = (await parse(arrayBuffer(file('tiles/chaotianmen/raffles.b3dm')), Tiles3DLoader)) as unknown as {
      type: string;
      gltf: { meshes: Mesh[] };
    };
    expect(tile.type).toBe('b3dm');
    expect(tile.gltf.meshes.map((m) => m.name)).toEqual(['来福士塔楼 towers', '裙楼 podium', '水晶连廊 The Crystal']);
    expect(tile.gltf.meshes[0].primitives[0].attributes.POSITION.max[1]).toBe(350);
  });
});
