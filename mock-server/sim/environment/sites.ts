/**
 * Chongqing's simulated air-quality network: the national control sites of the main urban area
 * (dense), one site at every other district or county seat, sites by the industrial parks, and
 * clean mountain background sites. Coordinates are approximate (WGS-84); a site outside its
 * district's coarse outline moves to the district's label point.
 */
import { pointInGeometry } from '../../geo.ts';
import type { DistrictFeature } from '../../../src/hub/contract.ts';
import { SEATS, siteShortName } from '../weather/stations.ts';

export type AirSiteKind = 'urban' | 'county' | 'industrial' | 'background';

export interface AirSite {
  id: string;
  name: string;
  nameEn: string;
  districtCode: string;
  position: [number, number];
  kind: AirSiteKind;
}

/** Main urban area (主城都市区中心城区) sites: [code, name, nameEn, lon, lat]. */
export const URBAN_SITES: ReadonlyArray<[string, string, string, number, number]> = [
  ['500103', '解放碑', 'Jiefangbei', 106.577, 29.557],
  ['500103', '两路口', 'Lianglukou', 106.543, 29.551],
  ['500107', '杨家坪', 'Yangjiaping', 106.511, 29.502],
  ['500107', '白市驿', 'Baishiyi', 106.372, 29.49],
  ['500108', '南坪', 'Nanping', 106.561, 29.523],
  ['500108', '茶园', 'Chayuan', 106.65, 29.5],
  ['500105', '观音桥', 'Guanyinqiao', 106.533, 29.575],
  ['500105', '唐家沱', 'Tangjiatuo', 106.64, 29.61],
  ['500106', '高家花园', 'Gaojiahuayuan', 106.47, 29.57],
  ['500106', '虎溪', 'Huxi', 106.301, 29.603],
  ['500104', '新山村', 'Xinshancun', 106.482, 29.484],
  ['500109', '天生', 'Tiansheng', 106.425, 29.82],
  ['500109', '蔡家', 'Caijia', 106.47, 29.73],
  ['500112', '两路', 'Lianglu', 106.631, 29.718],
  ['500112', '礼嘉', 'Lijia', 106.525, 29.667],
  ['500112', '空港', 'Konggang', 106.66, 29.74],
  ['500113', '鱼洞', 'Yudong', 106.521, 29.381],
  ['500113', '南泉', 'Nanquan', 106.61, 29.42],
];

/** Industrial parks and clean backgrounds: [code, name, nameEn, lon, lat, kind]. */
export const OTHER_SITES: ReadonlyArray<[string, string, string, number, number, 'industrial' | 'background']> = [
  ['500115', '长寿化工园', 'Changshou Chemical Park', 107.03, 29.82, 'industrial'],
  ['500102', '李渡', 'Lidu', 107.3, 29.77, 'industrial'],
  ['500116', '双福', 'Shuangfu', 106.3, 29.39, 'industrial'],
  ['500101', '万州经开区', 'Wanzhou Development Zone', 108.37, 30.76, 'industrial'],
  ['500110', '綦江工业园', 'Qijiang Industrial Park', 106.68, 29.06, 'industrial'],
  ['500117', '合川草街', 'Hechuan Caojie', 106.35, 30.0, 'industrial'],
  ['500119', '南川工业园', 'Nanchuan Industrial Park', 107.13, 29.18, 'industrial'],
  ['500109', '缙云山', 'Jinyunshan', 106.38, 29.835, 'background'],
  ['500119', '金佛山', 'Jinfoshan', 107.19, 29.03, 'background'],
  ['500156', '仙女山', 'Xiannüshan', 107.73, 29.46, 'background'],
  ['500240', '黄水', 'Huangshui', 108.4, 30.22, 'background'],
  ['500116', '四面山', 'Simianshan', 106.42, 28.62, 'background'],
];

/** Districts whose seat is covered by the urban sites above. */
const URBAN_DISTRICTS = new Set(URBAN_SITES.map((s) => s[0]));

export function buildAirSites(features: readonly DistrictFeature[]): AirSite[] {
  const byCode = new Map(features.map((f) => [f.properties.code, f]));
  const sites: AirSite[] = [];
  const counters = new Map<string, number>();
  const nextId = (code: string) => {
    const n = counters.get(code) ?? 0;
    counters.set(code, n + 1);
    return `AQ${code.slice(3)}${String(n).padStart(2, '0')}`;
  };
  const place = (f: DistrictFeature, lon: number, lat: number): [number, number] =>
    pointInGeometry([lon, lat], f.geometry) ? [lon, lat] : [f.properties.center[0], f.properties.center[1]];

  for (const [code, name, nameEn, lon, lat] of URBAN_SITES) {
    const f = byCode.get(code);
    if (f) sites.push({ id: nextId(code), name, nameEn, districtCode: code, position: place(f, lon, lat), kind: 'urban' });
  }
  for (const [code, lon, lat] of SEATS) {
    const f = byCode.get(code);
    if (!f || URBAN_DISTRICTS.has(code)) continue;
    sites.push({ id: nextId(code), name: siteShortName(f.properties.name), nameEn: f.properties.nameEn, districtCode: code, position: place(f, lon, lat), kind: 'county' });
  }
  for (const [code, name, nameEn, lon, lat, kind] of OTHER_SITES) {
    const f = byCode.get(code);
    if (f) sites.push({ id: nextId(code), name, nameEn, districtCode: code, position: place(f, lon, lat), kind });
  }
  for (const f of features) {
    if (sites.some((s) => s.districtCode === f.properties.code)) continue;
    const code = f.properties.code;
    sites.push({
      id: nextId(code),
      name: siteShortName(f.properties.name),
      nameEn: f.properties.nameEn,
      districtCode: code,
      position: [f.properties.center[0], f.properties.center[1]],
      kind: 'county',
    });
  }
  return sites;
}
