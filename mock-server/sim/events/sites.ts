/**
 * The simulated city's monitored sites: river gauges on the Yangtze and the Jialing, dangerous-rock
 * monitoring points in the Three Gorges area and beyond, and waterlogging low points (underpasses,
 * dips) of the main city. Names are real places; positions are approximate (WGS-84, to a few
 * hundred metres) and each lies inside its district's polygon (sites.test.ts checks it). What they
 * measure is simulated (sensors.ts).
 *
 * River stages are illustrative. A rule applies the same thresholds to every site of its metric,
 * so every gauge here reports on a common datum on which its own warning stage (警戒水位) reads
 * 180.5 m and its guarantee stage (保证水位) 183.5 m, as Cuntan's do; `baseStage` is a gauge's
 * usual flood-season stage on that datum.
 */
import type { Place } from '../../../src/hub/contract.ts';

export type SiteKind = 'river-gauge' | 'dangerous-rock' | 'low-point';

export interface Site {
  /** Place id: letters, digits, . _ - (PlaceSchema). */
  id: string;
  kind: SiteKind;
  name: string;
  nameEn: string;
  district: string;
  position: [number, number];
}

export interface RiverGauge extends Site {
  kind: 'river-gauge';
  river: 'yangtze' | 'jialing';
  /** Share of the rise coming from the upper Yangtze and from the Jialing basins (they add up to about 1). */
  upperYangtze: number;
  jialing: number;
  /** Offset of the usual stage from Cuntan's on the common datum, m. */
  offset: number;
}

export interface DangerousRock extends Site {
  kind: 'dangerous-rock';
  /** Background creep, mm a day, and how strongly rain speeds it up. */
  creepMmPerDay: number;
  rainSensitivity: number;
}

export interface LowPoint extends Site {
  kind: 'low-point';
  /** Rain rate its drains take away, mm/h (design storms of the main city: 30–45 mm/h). */
  drainMmh: number;
  /** Catchment area over ponding area: how fast water collects once the drains are full. */
  catchment: number;
}

export const RIVER_GAUGES: readonly RiverGauge[] = [
  { id: 'gauge-cuntan', kind: 'river-gauge', name: '寸滩水文站', nameEn: 'Cuntan gauge', district: '500105', position: [106.598, 29.622], river: 'yangtze', upperYangtze: 0.62, jialing: 0.38, offset: 0 },
  { id: 'gauge-chaotianmen', kind: 'river-gauge', name: '朝天门水位站', nameEn: 'Chaotianmen gauge', district: '500103', position: [106.587, 29.566], river: 'yangtze', upperYangtze: 0.6, jialing: 0.4, offset: 0.4 },
  { id: 'gauge-tangjiatuo', kind: 'river-gauge', name: '唐家沱水位站', nameEn: 'Tangjiatuo gauge', district: '500105', position: [106.645, 29.612], river: 'yangtze', upperYangtze: 0.62, jialing: 0.38, offset: -0.4 },
  { id: 'gauge-egongyan', kind: 'river-gauge', name: '鹅公岩水位站', nameEn: 'Egongyan gauge', district: '500107', position: [106.528, 29.517], river: 'yangtze', upperYangtze: 0.85, jialing: 0.15, offset: 0.9 },
  { id: 'gauge-yudong', kind: 'river-gauge', name: '鱼洞水位站', nameEn: 'Yudong gauge', district: '500113', position: [106.52, 29.388], river: 'yangtze', upperYangtze: 0.95, jialing: 0.05, offset: 1.5 },
  { id: 'gauge-ciqikou', kind: 'river-gauge', name: '磁器口水位站', nameEn: 'Ciqikou gauge', district: '500106', position: [106.448, 29.581], river: 'jialing', upperYangtze: 0.3, jialing: 0.7, offset: 0.8 },
  { id: 'gauge-beibei', kind: 'river-gauge', name: '北碚水文站', nameEn: 'Beibei gauge', district: '500109', position: [106.437, 29.826], river: 'jialing', upperYangtze: 0.05, jialing: 0.95, offset: 1.4 },
];

export const DANGEROUS_ROCKS: readonly DangerousRock[] = [
  { id: 'rock-taibaiyan', kind: 'dangerous-rock', name: '万州太白岩危岩', nameEn: 'Taibaiyan dangerous rock, Wanzhou', district: '500101', position: [108.372, 30.818], creepMmPerDay: 0.08, rainSensitivity: 1 },
  { id: 'rock-wangxia', kind: 'dangerous-rock', name: '巫山望霞危岩', nameEn: 'Wangxia dangerous rock, Wushan', district: '500237', position: [110.045, 31.069], creepMmPerDay: 0.15, rainSensitivity: 1.4 },
  { id: 'rock-jianchuandong', kind: 'dangerous-rock', name: '巫山箭穿洞危岩', nameEn: 'Jianchuandong dangerous rock, Wushan', district: '500237', position: [110.078, 31.058], creepMmPerDay: 0.12, rainSensitivity: 1.2 },
  { id: 'rock-banbiyan', kind: 'dangerous-rock', name: '巫山板壁岩危岩', nameEn: 'Banbiyan dangerous rock, Wushan', district: '500237', position: [109.975, 31.085], creepMmPerDay: 0.06, rainSensitivity: 0.9 },
  { id: 'rock-qutang', kind: 'dangerous-rock', name: '奉节瞿塘峡危岩', nameEn: 'Qutang Gorge dangerous rock, Fengjie', district: '500236', position: [109.56, 31.035], creepMmPerDay: 0.1, rainSensitivity: 1.1 },
  { id: 'rock-baota', kind: 'dangerous-rock', name: '云阳宝塔危岩', nameEn: 'Baota dangerous rock, Yunyang', district: '500235', position: [108.715, 30.945], creepMmPerDay: 0.07, rainSensitivity: 1 },
  { id: 'rock-jiweishan', kind: 'dangerous-rock', name: '武隆鸡尾山危岩', nameEn: 'Jiweishan dangerous rock, Wulong', district: '500156', position: [107.46, 29.38], creepMmPerDay: 0.05, rainSensitivity: 0.8 },
  { id: 'rock-zengziyan', kind: 'dangerous-rock', name: '南川甑子岩危岩', nameEn: 'Zengziyan dangerous rock, Nanchuan', district: '500119', position: [107.19, 29.05], creepMmPerDay: 0.05, rainSensitivity: 0.8 },
];

export const LOW_POINTS: readonly LowPoint[] = [
  { id: 'lp-linjiangmen', kind: 'low-point', name: '解放碑临江门下穿道', nameEn: 'Linjiangmen underpass, Jiefangbei', district: '500103', position: [106.578, 29.564], drainMmh: 25, catchment: 32 },
  { id: 'lp-lianglukou', kind: 'low-point', name: '两路口下穿道', nameEn: 'Lianglukou underpass', district: '500103', position: [106.551, 29.553], drainMmh: 28, catchment: 28 },
  { id: 'lp-guanyinqiao', kind: 'low-point', name: '观音桥建新北路下穿道', nameEn: 'Jianxin North Road underpass, Guanyinqiao', district: '500105', position: [106.532, 29.578], drainMmh: 23, catchment: 35 },
  { id: 'lp-beibin', kind: 'low-point', name: '北滨路低洼路段', nameEn: 'Beibin Road dip', district: '500105', position: [106.558, 29.573], drainMmh: 31, catchment: 25 },
  { id: 'lp-sanxia-square', kind: 'low-point', name: '沙坪坝三峡广场下穿道', nameEn: 'Sanxia Square underpass, Shapingba', district: '500106', position: [106.457, 29.558], drainMmh: 23, catchment: 34 },
  { id: 'lp-xiaolongkan', kind: 'low-point', name: '小龙坎立交桥下', nameEn: 'Xiaolongkan interchange dip', district: '500106', position: [106.47, 29.557], drainMmh: 26, catchment: 30 },
  { id: 'lp-yangjiaping', kind: 'low-point', name: '杨家坪步行街下穿道', nameEn: 'Yangjiaping pedestrian street underpass', district: '500107', position: [106.513, 29.508], drainMmh: 24, catchment: 31 },
  { id: 'lp-xiejiawan', kind: 'low-point', name: '谢家湾立交桥下', nameEn: 'Xiejiawan interchange dip', district: '500107', position: [106.522, 29.522], drainMmh: 27, catchment: 29 },
  { id: 'lp-nanping', kind: 'low-point', name: '南坪万达下穿道', nameEn: 'Nanping Wanda underpass', district: '500108', position: [106.568, 29.53], drainMmh: 25, catchment: 30 },
  { id: 'lp-xinpaifang', kind: 'low-point', name: '新牌坊立交桥下', nameEn: 'Xinpaifang interchange dip', district: '500112', position: [106.545, 29.62], drainMmh: 29, catchment: 28 },
  { id: 'lp-baqiao', kind: 'low-point', name: '大渡口八桥下穿道', nameEn: 'Baqiao underpass, Dadukou', district: '500104', position: [106.485, 29.478], drainMmh: 23, catchment: 27 },
  { id: 'lp-lijiatuo', kind: 'low-point', name: '李家沱正街低洼段', nameEn: 'Lijiatuo main street dip', district: '500113', position: [106.538, 29.462], drainMmh: 25, catchment: 26 },
];

export const SITES: readonly Site[] = [...RIVER_GAUGES, ...DANGEROUS_ROCKS, ...LOW_POINTS];

/** The rules engine's place for a site. */
export function placeOf(site: Site): Place {
  return { kind: 'site', id: site.id, name: site.name, district: site.district, position: [site.position[0], site.position[1]] };
}
