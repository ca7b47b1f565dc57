#!/usr/bin/env node
// Regenerates public/geo/chongqing-rivers.geojson and public/geo/chongqing-water.geojson
// from the GSHHG/WDBII river database shipped with GMT (LGPL-3.0).
//
//   npm run data:rivers      (needs `gmt` on PATH with the full-resolution GSHHG data,
//                             e.g. Debian/Ubuntu packages gmt + gmt-gshhg-full)
//
// 1. `gmt coast -R105.2/110.3/28.1/32.3 -I<level> -Df -M` for levels 1..3
//    (1 = permanent major rivers, 2 = additional major rivers, 3 = additional rivers).
// 2. Parse the multi-segment output, drop degenerate bin-edge segments, join the
//    per-bin pieces into chains, clip to the region, Douglas–Peucker (tolerance 30 m).
// 3. Name the Yangtze (长江), Jialing (嘉陵江) and Wu (乌江) and buffer levels 1–2 into
//    water polygons (Yangtze 700 m wide, Jialing 350 m, other level-2 rivers 250 m).
// WDBII coordinates are WGS-84 (no datum shift applied).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import buffer from '@turf/buffer';
import { distance } from '@turf/distance';
import { length } from '@turf/length';
import { clipLine, mergeLines, parseGmtMultiSegment, simplifyLine } from './lib/polyline.mjs';
import { distancePointToGeometryM, ringSignedArea, round } from './lib/geo-utils.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_RIVERS = resolve(ROOT, 'data/wdbii-rivers.geojson'); // source lines; scripts/water-from-borders.mjs derives public/geo from them
const OUT_WATER = resolve(ROOT, 'public/geo/chongqing-water.geojson');
const DISTRICTS = resolve(ROOT, 'public/geo/chongqing-districts.geojson');

const BBOX = [105.2, 28.1, 110.3, 32.3];
const REGION = `-R${BBOX[0]}/${BBOX[2]}/${BBOX[1]}/${BBOX[3]}`;
const SIMPLIFY_M = 30;
const CHAOTIANMEN = [106.586, 29.566]; // Yangtze/Jialing confluence (WGS-84)
const FULING_WU_MOUTH = [107.39, 29.71]; // Wu joins the Yangtze at Fuling

// total widths in metres (buffer radius = width / 2)
const WIDTH_M = { 长江: 700, 嘉陵江: 350, 乌江: 250, level2: 250 };

function runGmt(level) {
  // GMT drops a gmt.history file in its working directory: run it in a throw-away one.
  const cwd = mkdtempSync(join(tmpdir(), 'gmt-rivers-'));
  try {
    return execFileSync('gmt', ['coast', REGION, `-I${level}`, '-Df', '-M'], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

const metres = (a, b) => distance(a, b, { units: 'meters' });
const lineLengthM = (coordinates) => length({ type: 'LineString', coordinates }, { units: 'meters' });

function minDistToLineM(pt, coords) {
  return distancePointToGeometryM(pt, { type: 'LineString', coordinates: coords });
}

function endpointDistM(pt, coords) {
  return Math.min(metres(pt, coords[0]), metres(pt, coords[coords.length - 1]));
}

function roundCoords(c) {
  return typeof c[0] === 'number' ? [round(c[0], 5), round(c[1], 5)] : c.map(roundCoords);
}

/** Round to 5 decimals and simplify every ring of a (Multi)Polygon; drop collapsed rings. */
function tidyPolygon(geometry, tolM) {
  const ringFix = (ring, outer) => {
    let r = simplifyLine(ring, tolM).map(([x, y]) => [round(x, 5), round(y, 5)]);
    r = r.filter((p, i) => i === 0 || p[0] !== r[i - 1][0] || p[1] !== r[i - 1][1]);
    if (r.length < 4) return null;
    if (ringSignedArea(r) > 0 !== outer) r.reverse(); // RFC 7946 right-hand rule
    return r;
  };
  const poly = (rings) => {
    const out = rings.map((r, i) => ringFix(r, i === 0));
    return out[0] ? out.filter(Boolean) : null;
  };
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: poly(geometry.coordinates) };
  const polys = geometry.coordinates.map(poly).filter(Boolean);
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

function main() {
  // ---- 1. rivers --------------------------------------------------------------
  const lines = []; // { level, coords, name? }
  for (const level of [1, 2, 3]) {
    const segs = parseGmtMultiSegment(runGmt(level));
    const chains = mergeLines(segs.map((s) => s.coords));
    let n = 0;
    for (const chain of chains) {
      for (const part of clipLine(chain, BBOX)) {
        const coords = simplifyLine(part, SIMPLIFY_M).map(([x, y]) => [round(x, 5), round(y, 5)]);
        if (coords.length >= 2 && lineLengthM(coords) > 200) {
          lines.push({ level, coords });
          n++;
        }
      }
    }
    console.log(`level ${level}: ${segs.length} GMT segments -> ${n} lines`);
  }

  // ---- 2. identify the named rivers -----------------------------------------------
  const byDist = (pt, cands, f) => cands.map((l) => ({ l, d: f(pt, l.coords) })).sort((a, b) => a.d - b.d);
  const yangtze = byDist(CHAOTIANMEN, lines.filter((l) => l.level === 1), minDistToLineM)[0];
  if (!yangtze || yangtze.d > 2000) throw new Error('could not find the Yangtze near Chaotianmen');
  yangtze.l.name = '长江';
  const y0 = yangtze.l.coords[0];
  const y1 = yangtze.l.coords[yangtze.l.coords.length - 1];
  console.log(
    `长江: level 1 line ${(lineLengthM(yangtze.l.coords) / 1000).toFixed(0)} km, ${y0} -> ${y1}, ` +
      `passes ${yangtze.d.toFixed(0)} m from Chaotianmen`,
  );
  // Jialing: the level-2 line that ends at the confluence
  const jialing = byDist(CHAOTIANMEN, lines.filter((l) => l.level === 2), endpointDistM)[0];
  if (!jialing || jialing.d > 3000) throw new Error('could not find the Jialing');
  jialing.l.name = '嘉陵江';
  const jEnd = [jialing.l.coords[0], jialing.l.coords[jialing.l.coords.length - 1]].sort(
    (a, b) => metres(a, CHAOTIANMEN) - metres(b, CHAOTIANMEN),
  )[0];
  console.log(
    `嘉陵江: level 2 line ${(lineLengthM(jialing.l.coords) / 1000).toFixed(0)} km, mouth at ${jEnd}`,
  );
  // Wu: the level-2 line ending near Fuling, plus level-2 pieces chained to it (WDBII
  // splits it at bin edges with tiny gaps).
  const wuFirst = byDist(FULING_WU_MOUTH, lines.filter((l) => l.level === 2 && !l.name), endpointDistM)[0];
  if (wuFirst && wuFirst.d < 3000) {
    const wu = [wuFirst.l];
    let grew = true;
    while (grew) {
      grew = false;
      for (const l of lines) {
        if (l.level !== 2 || l.name || wu.includes(l)) continue;
        const near = wu.some((w) =>
          [w.coords[0], w.coords[w.coords.length - 1]].some((e) => endpointDistM(e, l.coords) < 500),
        );
        if (near) {
          wu.push(l);
          grew = true;
        }
      }
    }
    for (const l of wu) l.name = '乌江';
    console.log(`乌江: ${wu.length} level-2 pieces, ${(wu.reduce((s, l) => s + lineLengthM(l.coords), 0) / 1000).toFixed(0)} km`);
  }

  const riverFeatures = lines
    .sort((a, b) => a.level - b.level)
    .map((l) => ({
      type: 'Feature',
      properties: l.name ? { level: l.level, name: l.name } : { level: l.level },
      geometry: { type: 'LineString', coordinates: l.coords },
    }));
  mkdirSync(dirname(OUT_RIVERS), { recursive: true });
  const riversText = JSON.stringify({ type: 'FeatureCollection', features: riverFeatures });
  writeFileSync(OUT_RIVERS, riversText + '\n');
  console.log(`wrote ${OUT_RIVERS}: ${riverFeatures.length} lines, ${(riversText.length / 1024).toFixed(1)} KiB`);

  // ---- 3. water polygons ---------------------------------------------------------
  const groups = new Map(); // name or "level2#i" -> { level, name, width, lines }
  lines
    .filter((l) => l.level <= 2)
    .forEach((l, i) => {
      const k = l.name ?? `level${l.level}#${i}`;
      if (!groups.has(k)) {
        groups.set(k, { level: l.level, name: l.name, width: WIDTH_M[l.name] ?? WIDTH_M.level2, lines: [] });
      }
      groups.get(k).lines.push(l.coords);
    });
  const waterFeatures = [];
  for (const g of groups.values()) {
    const geom =
      g.lines.length === 1
        ? { type: 'LineString', coordinates: g.lines[0] }
        : { type: 'MultiLineString', coordinates: g.lines };
    const buf = buffer({ type: 'Feature', properties: {}, geometry: geom }, g.width / 2, {
      units: 'meters',
      steps: 4,
    });
    if (!buf) continue;
    const geometry = tidyPolygon(buf.geometry, 10);
    const properties = g.name ? { level: g.level, name: g.name } : { level: g.level };
    waterFeatures.push({ type: 'Feature', properties, geometry });
  }
  const waterText = JSON.stringify({ type: 'FeatureCollection', features: waterFeatures });
  writeFileSync(OUT_WATER, waterText + '\n');
  console.log(`wrote ${OUT_WATER}: ${waterFeatures.length} features, ${(waterText.length / 1024).toFixed(1)} KiB`);

  // ---- 4. alignment check against the (WGS-84 converted) districts -----------------
  const confluence = jEnd; // where the Jialing line meets the Yangtze in WDBII
  console.log(
    `WDBII confluence ${confluence} is ${metres(confluence, CHAOTIANMEN).toFixed(0)} m from reference ` +
      `Chaotianmen ${CHAOTIANMEN}; Yangtze centre line passes ${yangtze.d.toFixed(0)} m from it`,
  );
  if (existsSync(DISTRICTS)) {
    const d = JSON.parse(readFileSync(DISTRICTS, 'utf8'));
    const yz = d.features.find((f) => f.properties.code === '500103');
    if (yz) {
      const ring = yz.geometry.type === 'Polygon' ? yz.geometry.coordinates[0] : yz.geometry.coordinates[0][0];
      const tip = ring.reduce((a, b) => (b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? b : a));
      console.log(
        `Yuzhong (500103, WGS-84) eastern tip ${tip}: ${metres(tip, confluence).toFixed(0)} m from the WDBII ` +
          `confluence, ${minDistToLineM(tip, yangtze.l.coords).toFixed(0)} m from the WDBII Yangtze line`,
      );
    }
  }
}

main();
