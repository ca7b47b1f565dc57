#!/usr/bin/env node
// City-model samples in standard formats, made by us, so the loaders have real files to load:
//   public/models/jiefangbei.glb           glTF 2.0 binary: the Liberation Monument (解放碑), 27.5 m
//   public/tiles/chaotianmen/tileset.json  3D Tiles 1.0 tileset with one batched-3D-model tile:
//   public/tiles/chaotianmen/raffles.b3dm  Raffles City (来福士) at Chaotianmen, eight towers and
//                                          the horizontal "Crystal" skybridge (simplified massing)
// Geometry is simplified massing from public descriptions (heights, layout), not survey data.
//   npm run data:city-samples
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { merge, prism, writeGlb } from './lib/glb.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const JIEFANGBEI = [106.57745, 29.55752]; // WGS-84
export const RAFFLES = [106.5838, 29.5655]; // WGS-84, Chaotianmen

// 解放碑: an octagonal shaft on a stepped base, a clock storey near the top.
const monument = merge([
  prism({ sides: 8, width: 14, depth: 14, height: 1.5 }),
  prism({ sides: 8, width: 9, depth: 9, height: 21, y: 1.5 }),
  prism({ sides: 8, width: 10, depth: 10, height: 3.5, y: 22.5 }),
  prism({ sides: 8, width: 6, depth: 6, height: 1.5, y: 26 }),
]);
mkdirSync(resolve(ROOT, 'public/models'), { recursive: true });
writeFileSync(
  resolve(ROOT, 'public/models/jiefangbei.glb'),
  writeGlb([{ name: '解放碑 Liberation Monument', color: [0.93, 0.9, 0.82, 1], geometry: monument }], {
    extras: { lonLat: JIEFANGBEI, heightM: 27.5, source: 'simplified massing, OneScreen' },
  }),
);

// 来福士: towers along the peninsula's axis (heading ~55° east of north), glTF y-up, -z north.
const axis = (55 * Math.PI) / 180;
const along = (d, side) => ({
  x: Math.sin(axis) * d + Math.cos(axis) * side,
  z: -(Math.cos(axis) * d) + Math.sin(axis) * side,
});
const towers = [];
const tower = (d, side, height) => towers.push(prism({ width: 42, depth: 42, height, rotation: -axis, ...along(d, side) }));
[-150, -50, 50, 150].forEach((d) => tower(d, -45, 250)); // the four under the Crystal
tower(-120, 45, 250);
tower(120, 45, 250);
tower(-30, 60, 350);
tower(30, 60, 350);
const podium = prism({ width: 380, depth: 170, height: 30, rotation: -axis, ...along(0, 0) });
const crystal = prism({ width: 300, depth: 32, height: 26, y: 250, rotation: -axis, ...along(0, -45) });
mkdirSync(resolve(ROOT, 'public/tiles/chaotianmen'), { recursive: true });
const rafflesGlb = writeGlb([
  { name: '来福士塔楼 towers', color: [0.62, 0.74, 0.86, 1], geometry: merge(towers) },
  { name: '裙楼 podium', color: [0.45, 0.5, 0.58, 1], geometry: podium },
  { name: '水晶连廊 The Crystal', color: [0.55, 0.85, 0.95, 1], geometry: crystal },
]);
writeFileSync(resolve(ROOT, 'public/tiles/chaotianmen/raffles.b3dm'), b3dm(rafflesGlb));

/** Wraps a GLB as a Batched 3D Model tile (3D Tiles 1.0): a 28-byte header and a feature table. */
function b3dm(glb) {
  let json = new TextEncoder().encode(JSON.stringify({ BATCH_LENGTH: 0 }));
  const pad = (8 - ((28 + json.length) % 8)) % 8;
  json = new Uint8Array([...json, ...new Array(pad).fill(0x20)]);
  const out = new Uint8Array(28 + json.length + glb.length);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('b3dm'), 0);
  view.setUint32(4, 1, true);
  view.setUint32(8, out.length, true);
  view.setUint32(12, json.length, true); // feature table JSON
  view.setUint32(16, 0, true); // feature table binary
  view.setUint32(20, 0, true); // batch table JSON
  view.setUint32(24, 0, true); // batch table binary
  out.set(json, 28);
  out.set(glb, 28 + json.length);
  return out;
}

/** East-north-up frame at a WGS-84 point, as a column-major 4×4 to earth-centred (ECEF) metres. */
function enuToEcef([lonDeg, latDeg], h = 0) {
  const a = 6378137;
  const e2 = 6.69437999014e-3;
  const lon = (lonDeg * Math.PI) / 180;
  const lat = (latDeg * Math.PI) / 180;
  const n = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  const p = [(n + h) * Math.cos(lat) * Math.cos(lon), (n + h) * Math.cos(lat) * Math.sin(lon), (n * (1 - e2) + h) * Math.sin(lat)];
  const east = [-Math.sin(lon), Math.cos(lon), 0];
  const north = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
  const up = [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
  return [...east, 0, ...north, 0, ...up, 0, ...p, 1];
}

const rad = (d) => (d * Math.PI) / 180;
const dLon = 400 / (111_320 * Math.cos(rad(RAFFLES[1])));
const dLat = 400 / 110_540;
const tileset = {
  asset: { version: '1.0', generator: 'OneScreen scripts/make-city-samples.mjs' },
  geometricError: 200,
  root: {
    transform: enuToEcef(RAFFLES),
    boundingVolume: { region: [rad(RAFFLES[0] - dLon), rad(RAFFLES[1] - dLat), rad(RAFFLES[0] + dLon), rad(RAFFLES[1] + dLat), 0, 360] },
    geometricError: 0,
    refine: 'ADD',
    content: { uri: 'raffles.b3dm' },
  },
};
writeFileSync(resolve(ROOT, 'public/tiles/chaotianmen/tileset.json'), JSON.stringify(tileset, null, 2) + '\n');
console.log('wrote public/models/jiefangbei.glb, public/tiles/chaotianmen/{tileset.json,raffles.b3dm}');
