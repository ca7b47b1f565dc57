/**
 * Chongqing's simulated observation network: one station at every district or county seat, the
 * well-known mountain stations (cool, windy, above the fog), extra automatic stations in the main
 * urban area, and a second station inside the largest counties. Seat coordinates are approximate
 * (WGS-84); a seat that falls outside its district's (coarse) outline moves to the district's
 * label point, so every station lies inside the district it reports for.
 */
import { pointInGeometry } from '../../geo.ts';
import type { DistrictFeature } from '../../../src/hub/contract.ts';
import { reliefM } from './relief.ts';

export interface StationSite {
  id: string;
  name: string;
  nameEn: string;
  districtCode: string;
  position: [number, number];
  elevationM: number;
  kind: 'seat' | 'mountain' | 'urban' | 'regional';
}

/** County seats: [code, lon, lat, elevation m]. */
export const SEATS: ReadonlyArray<[string, number, number, number]> = [
  ['500101', 108.409, 30.808, 186],
  ['500102', 107.39, 29.703, 273],
  ['500103', 106.577, 29.557, 249],
  ['500104', 106.482, 29.484, 245],
  ['500105', 106.533, 29.575, 260],
  ['500106', 106.456, 29.541, 259],
  ['500107', 106.511, 29.502, 290],
  ['500108', 106.561, 29.523, 275],
  ['500109', 106.397, 29.806, 241],
  ['500110', 106.651, 29.028, 269],
  ['500111', 105.721, 29.707, 395],
  ['500112', 106.631, 29.718, 397],
  ['500113', 106.521, 29.381, 217],
  ['500114', 108.771, 29.533, 607],
  ['500115', 107.081, 29.857, 228],
  ['500116', 106.259, 29.29, 209],
  ['500117', 106.276, 29.972, 231],
  ['500118', 105.927, 29.356, 283],
  ['500119', 107.099, 29.158, 580],
  ['500120', 106.227, 29.592, 311],
  ['500151', 106.055, 29.845, 285],
  ['500152', 105.84, 30.19, 282],
  ['500153', 105.594, 29.405, 337],
  ['500154', 108.393, 31.161, 198],
  ['500155', 107.8, 30.672, 455],
  ['500156', 107.76, 29.325, 278],
  ['500229', 108.665, 31.948, 799],
  ['500230', 107.731, 29.864, 290],
  ['500231', 107.348, 30.331, 449],
  ['500233', 108.037, 30.3, 327],
  ['500235', 108.697, 30.93, 298],
  ['500236', 109.465, 31.019, 299],
  ['500237', 109.879, 31.075, 275],
  ['500238', 109.629, 31.398, 338],
  ['500240', 108.112, 29.999, 636],
  ['500241', 108.989, 28.448, 364],
  ['500242', 108.768, 28.84, 664],
  ['500243', 108.166, 29.294, 324],
];

/** Named mountain and urban stations: [code, name, nameEn, lon, lat, elevation m, kind]. */
export const EXTRA_SITES: ReadonlyArray<[string, string, string, number, number, number, 'mountain' | 'urban']> = [
  ['500109', '缙云山', 'Jinyunshan', 106.38, 29.835, 850, 'mountain'],
  ['500119', '金佛山', 'Jinfoshan', 107.19, 29.03, 2100, 'mountain'],
  ['500156', '仙女山', 'Xiannüshan', 107.73, 29.46, 1620, 'mountain'],
  ['500240', '黄水', 'Huangshui', 108.4, 30.22, 1480, 'mountain'],
  ['500238', '红池坝', 'Hongchiba', 109.02, 31.57, 1890, 'mountain'],
  ['500116', '四面山', 'Simianshan', 106.42, 28.62, 1100, 'mountain'],
  ['500243', '摩围山', 'Moweishan', 108.1, 29.3, 1480, 'mountain'],
  ['500107', '陈家坪', 'Chenjiaping', 106.5, 29.525, 300, 'urban'],
  ['500106', '西永', 'Xiyong', 106.3, 29.6, 310, 'urban'],
  ['500112', '礼嘉', 'Lijia', 106.53, 29.67, 320, 'urban'],
  ['500109', '蔡家', 'Caijia', 106.47, 29.73, 260, 'urban'],
  ['500108', '茶园', 'Chayuan', 106.65, 29.5, 330, 'urban'],
  ['500113', '界石', 'Jieshi', 106.65, 29.4, 300, 'urban'],
  ['500105', '鱼嘴', 'Yuzui', 106.79, 29.65, 210, 'urban'],
  ['500107', '白市驿', 'Baishiyi', 106.37, 29.49, 330, 'urban'],
];

/** The largest counties get a second, regional station at their interior label point. */
export const REGIONAL_DISTRICTS = ['500242', '500236', '500238', '500154', '500243', '500235', '500101', '500229'] as const;

/** Map labels use the everyday short form: 石柱土家族自治县 → 石柱, 沙坪坝区 → 沙坪坝. */
export function siteShortName(name: string): string {
  const autonomous = name.match(/^(.{2})(?:[\u4e00-\u9fa5]{2,8}族)+自治县$/);
  if (autonomous) return autonomous[1];
  if (name.length > 2 && /[区县]$/.test(name)) return name.slice(0, -1);
  return name;
}

export function buildStationSites(features: readonly DistrictFeature[]): StationSite[] {
  const byCode = new Map(features.map((f) => [f.properties.code, f]));
  const sites: StationSite[] = [];
  const counters = new Map<string, number>();
  const nextId = (code: string) => {
    const n = counters.get(code) ?? 0;
    counters.set(code, n + 1);
    return `CQ${code.slice(3)}${String(n).padStart(2, '0')}`;
  };
  const place = (f: DistrictFeature, lon: number, lat: number): [number, number] =>
    pointInGeometry([lon, lat], f.geometry) ? [lon, lat] : [f.properties.center[0], f.properties.center[1]];

  for (const [code, lon, lat, elev] of SEATS) {
    const f = byCode.get(code);
    if (!f) continue;
    const position = place(f, lon, lat);
    const moved = position[0] !== lon || position[1] !== lat;
    sites.push({
      id: nextId(code),
      name: siteShortName(f.properties.name),
      nameEn: f.properties.nameEn,
      districtCode: code,
      position,
      elevationM: moved ? Math.round(reliefM(...position)) : elev,
      kind: 'seat',
    });
  }
  for (const [code, name, nameEn, lon, lat, elev, kind] of EXTRA_SITES) {
    const f = byCode.get(code);
    if (!f) continue;
    const position = place(f, lon, lat);
    sites.push({ id: nextId(code), name, nameEn, districtCode: code, position, elevationM: elev, kind });
  }
  for (const code of REGIONAL_DISTRICTS) {
    const f = byCode.get(code);
    if (!f) continue;
    const position: [number, number] = [f.properties.center[0], f.properties.center[1]];
    sites.push({
      id: nextId(code),
      name: `${siteShortName(f.properties.name)}腹地`,
      nameEn: `${f.properties.nameEn} interior`,
      districtCode: code,
      position,
      elevationM: Math.round(reliefM(...position)),
      kind: 'regional',
    });
  }
  // Districts missing from SEATS (a future district list) still get one station.
  for (const f of features) {
    if (sites.some((s) => s.districtCode === f.properties.code)) continue;
    const position: [number, number] = [f.properties.center[0], f.properties.center[1]];
    sites.push({
      id: nextId(f.properties.code),
      name: siteShortName(f.properties.name),
      nameEn: f.properties.nameEn,
      districtCode: f.properties.code,
      position,
      elevationM: Math.round(reliefM(...position)),
      kind: 'seat',
    });
  }
  return sites;
}
