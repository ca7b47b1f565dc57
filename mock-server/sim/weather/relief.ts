/**
 * Generated relief of Chongqing, metres above sea level. No terrain data ships with the app (none
 * is available offline), so this is a smooth made-up surface with the right broad shape: the
 * Sichuan basin floor in the west (~300 m), the Yangtze valley lower still, the Daba mountains
 * in the north-east, the Wu and Qiyao mountains in the east and the Wuling and Dalou mountains in
 * the south-east. Simulators use it for lapse-rate cooling, wind and clean mountain air; it is
 * never drawn as terrain.
 */
const MASSIFS: ReadonlyArray<{ lon: number; lat: number; sigmaDeg: number; heightM: number }> = [
  { lon: 108.9, lat: 31.85, sigmaDeg: 0.5, heightM: 1250 }, // Daba Shan (Chengkou, Wuxi)
  { lon: 109.75, lat: 31.35, sigmaDeg: 0.35, heightM: 900 }, // Wu Shan north of the gorges
  { lon: 109.55, lat: 30.75, sigmaDeg: 0.35, heightM: 750 }, // Fengjie south
  { lon: 108.45, lat: 30.15, sigmaDeg: 0.3, heightM: 850 }, // Qiyao Shan (Shizhu, Huangshui)
  { lon: 108.55, lat: 29.0, sigmaDeg: 0.55, heightM: 650 }, // Wuling Shan (Youyang, Xiushan, Pengshui)
  { lon: 107.25, lat: 29.1, sigmaDeg: 0.28, heightM: 900 }, // Dalou Shan and Jinfo Shan (Nanchuan)
  { lon: 107.75, lat: 29.42, sigmaDeg: 0.18, heightM: 800 }, // Xiannü Shan (Wulong)
  { lon: 106.45, lat: 28.65, sigmaDeg: 0.2, heightM: 600 }, // Simian Shan (Jiangjin south)
];

export function reliefM(lon: number, lat: number): number {
  let h = 330 - 60 * Math.exp(-(((lat - 30.5) - 0.45 * (lon - 108)) ** 2) / 0.08); // the Yangtze trough, SW→NE
  for (const m of MASSIFS) {
    const d2 = (lon - m.lon) ** 2 + (lat - m.lat) ** 2;
    h += m.heightM * Math.exp(-d2 / (2 * m.sigmaDeg ** 2));
  }
  return h;
}

/** Kilometres per degree at Chongqing's latitude, for a local flat frame. */
export const KM_PER_DEG_LON = 96.2;
export const KM_PER_DEG_LAT = 110.8;
export const FRAME_ORIGIN = [107.75, 30.2] as const;

export const toKm = (lon: number, lat: number): [number, number] => [(lon - FRAME_ORIGIN[0]) * KM_PER_DEG_LON, (lat - FRAME_ORIGIN[1]) * KM_PER_DEG_LAT];
export const toLonLat = (x: number, y: number): [number, number] => [FRAME_ORIGIN[0] + x / KM_PER_DEG_LON, FRAME_ORIGIN[1] + y / KM_PER_DEG_LAT];
