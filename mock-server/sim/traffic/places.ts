/**
 * Where Chongqing's main urban area lives: the nine districts the network covers, the sub-centres
 * (组团) that make it dense, the radial roads and rings, and the river crossings with their real
 * names. Coordinates are WGS-84, approximate (a few hundred metres): the network is simulated, but
 * laid over the real city's shape.
 */

/** 渝中 江北 沙坪坝 九龙坡 南岸 大渡口 渝北 巴南 北碚. */
export const URBAN_DISTRICTS = ['500103', '500105', '500106', '500107', '500108', '500104', '500112', '500113', '500109'] as const;

/** Jiefangbei (解放碑), the Yuzhong core the radial roads start from. */
export const CORE: [number, number] = [106.577, 29.558];

export interface Cluster {
  name: string;
  at: [number, number];
  /** Peak urban density, 0–1. */
  weight: number;
  /** Radius (sd of a Gaussian), km. */
  radiusKm: number;
}

/** Urban sub-centres: density of the local street grid and of traffic demand. */
export const CLUSTERS: Cluster[] = [
  ['解放碑', 106.577, 29.558, 1.0, 2.2],
  ['观音桥', 106.533, 29.582, 1.0, 2.8],
  ['江北嘴', 106.59, 29.578, 0.7, 1.8],
  ['沙坪坝', 106.456, 29.557, 0.95, 2.8],
  ['大坪', 106.52, 29.548, 0.85, 2.0],
  ['石桥铺', 106.483, 29.538, 0.85, 2.2],
  ['杨家坪', 106.511, 29.51, 0.95, 2.6],
  ['南坪', 106.568, 29.528, 0.95, 2.8],
  ['弹子石', 106.605, 29.553, 0.6, 1.8],
  ['大渡口', 106.484, 29.482, 0.75, 2.6],
  ['李家沱', 106.533, 29.458, 0.6, 2.2],
  ['鱼洞', 106.52, 29.385, 0.65, 2.6],
  ['界石', 106.655, 29.4, 0.4, 2.2],
  ['南泉', 106.62, 29.42, 0.3, 2.0],
  ['茶园', 106.665, 29.5, 0.55, 2.8],
  ['寸滩', 106.64, 29.612, 0.5, 2.2],
  ['照母山', 106.545, 29.642, 0.7, 2.8],
  ['礼嘉', 106.52, 29.67, 0.6, 2.6],
  ['鸳鸯', 106.6, 29.68, 0.55, 2.4],
  ['两路', 106.63, 29.715, 0.7, 3.0],
  ['空港', 106.655, 29.745, 0.5, 2.5],
  ['木耳', 106.76, 29.76, 0.3, 2.2],
  ['龙兴', 106.85, 29.7, 0.35, 2.4],
  ['鱼嘴', 106.8, 29.65, 0.35, 2.2],
  ['蔡家', 106.462, 29.705, 0.45, 2.2],
  ['北碚', 106.44, 29.82, 0.65, 2.6],
  ['西永', 106.31, 29.6, 0.6, 3.2],
  ['陈家桥', 106.33, 29.64, 0.45, 2.2],
  ['含谷', 106.38, 29.52, 0.45, 2.4],
  ['西彭', 106.32, 29.4, 0.35, 2.2],
].map(([name, lon, lat, weight, radiusKm]) => ({ name, at: [lon, lat], weight, radiusKm }) as Cluster);

export interface RaySpec {
  name: string;
  /** Where the road starts: a sub-centre (default the core). Chongqing is polycentric. */
  from?: [number, number];
  /** Degrees clockwise from north. */
  bearing: number;
  class: 'expressway' | 'arterial';
  fromKm: number;
  toKm: number;
}

const JFB: [number, number] = CORE;
const GYQ: [number, number] = [106.533, 29.582]; // 观音桥
const JBZ: [number, number] = [106.59, 29.578]; // 江北嘴
const NP: [number, number] = [106.568, 29.528]; // 南坪
const YJP: [number, number] = [106.511, 29.51]; // 杨家坪
const SPB: [number, number] = [106.456, 29.557]; // 沙坪坝
const DP: [number, number] = [106.52, 29.548]; // 大坪

/** Radial roads out of the core and the sub-centres, in the directions the real ones take. */
export const RAYS: RaySpec[] = [
  { name: '渝澳大道', from: JFB, bearing: 338, class: 'arterial', fromKm: 0, toKm: 24 },
  { name: '建新北路', from: DP, bearing: 20, class: 'arterial', fromKm: 0, toKm: 6 },
  { name: '机场路', from: GYQ, bearing: 22, class: 'arterial', fromKm: 0, toKm: 26 },
  { name: '五童路', from: JBZ, bearing: 55, class: 'arterial', fromKm: 0, toKm: 16 },
  { name: '渝长高速', bearing: 68, class: 'expressway', fromKm: 8, toKm: 38 },
  { name: '涂山路', from: JFB, bearing: 105, class: 'arterial', fromKm: 0, toKm: 14 },
  { name: '南坪正街', from: JFB, bearing: 198, class: 'arterial', fromKm: 0, toKm: 3.5 },
  { name: '南坪东路', from: NP, bearing: 120, class: 'arterial', fromKm: 0, toKm: 16 },
  { name: '渝南大道', from: NP, bearing: 165, class: 'arterial', fromKm: 0, toKm: 30 },
  { name: '巴滨路', from: NP, bearing: 200, class: 'arterial', fromKm: 0, toKm: 24 },
  { name: '渝黔高速', bearing: 190, class: 'expressway', fromKm: 8, toKm: 50 },
  { name: '九滨路', from: YJP, bearing: 212, class: 'arterial', fromKm: 0, toKm: 16 },
  { name: '石杨路', from: YJP, bearing: 262, class: 'arterial', fromKm: 0, toKm: 14 },
  { name: '渝州路', from: JFB, bearing: 262, class: 'arterial', fromKm: 0, toKm: 22 },
  { name: '成渝高速', bearing: 276, class: 'expressway', fromKm: 8, toKm: 34 },
  { name: '汉渝路', from: SPB, bearing: 305, class: 'arterial', fromKm: 0, toKm: 20 },
  { name: '渝武高速', bearing: 328, class: 'expressway', fromKm: 8, toKm: 45 },
  { name: '国道212', from: GYQ, bearing: 335, class: 'arterial', fromKm: 0, toKm: 34 },
];

export interface RingSpec {
  name: string;
  centre: [number, number];
  /** Semi-axes, km (east–west, north–south). */
  rxKm: number;
  ryKm: number;
}

export const RINGS: RingSpec[] = [
  { name: '内环快速路', centre: [106.53, 29.565], rxKm: 9.5, ryKm: 9 },
  { name: '二环高速', centre: [106.52, 29.585], rxKm: 20, ryKm: 23 },
];

export type RiverName = '长江' | '嘉陵江' | '';

/** Real river crossings: a crossing the generator makes takes the name of the nearest one. */
export const BRIDGES: { name: string; river: RiverName; at: [number, number] }[] = [
  ['千厮门大桥', '嘉陵江', 106.579, 29.566],
  ['黄花园大桥', '嘉陵江', 106.563, 29.569],
  ['渝澳大桥', '嘉陵江', 106.548, 29.568],
  ['嘉陵江大桥', '嘉陵江', 106.538, 29.567],
  ['嘉华大桥', '嘉陵江', 106.521, 29.573],
  ['石门大桥', '嘉陵江', 106.507, 29.574],
  ['高家花园大桥', '嘉陵江', 106.477, 29.585],
  ['双碑大桥', '嘉陵江', 106.447, 29.622],
  ['蔡家嘉陵江大桥', '嘉陵江', 106.466, 29.703],
  ['水土嘉陵江大桥', '嘉陵江', 106.49, 29.77],
  ['朝阳桥', '嘉陵江', 106.437, 29.825],
  ['朝天门长江大桥', '长江', 106.6, 29.577],
  ['东水门长江大桥', '长江', 106.587, 29.562],
  ['石板坡长江大桥', '长江', 106.561, 29.549],
  ['菜园坝长江大桥', '长江', 106.543, 29.541],
  ['鹅公岩长江大桥', '长江', 106.523, 29.514],
  ['李家沱长江大桥', '长江', 106.535, 29.468],
  ['马桑溪长江大桥', '长江', 106.467, 29.442],
  ['鱼洞长江大桥', '长江', 106.517, 29.393],
  ['大佛寺长江大桥', '长江', 106.617, 29.594],
  ['寸滩长江大桥', '长江', 106.645, 29.617],
  ['郭家沱长江大桥', '长江', 106.704, 29.621],
  ['广阳岛长江大桥', '长江', 106.77, 29.58],
].map(([name, river, lon, lat]) => ({ name, river, at: [lon, lat] }) as { name: string; river: RiverName; at: [number, number] });

/** Place-name stems for generated street names (「某某路」). */
export const STREET_STEMS = [
  '红旗', '民生', '人和', '龙山', '金竹', '松牌', '花卉', '杨柳', '石桥', '盘溪', '兴科', '天星', '华福', '渝鲁',
  '学府', '金州', '兰花', '宝圣', '新牌坊', '黄泥塝', '马家岩', '建新', '北城', '嘉州', '冉家坝', '大石坝', '洋河',
  '红锦', '金山', '星光', '青枫', '黄山', '翠云', '高新', '科园', '谢家湾', '袁家岗', '华岩', '白市驿', '西城',
  '春晖', '钢花', '建桥', '茄子溪', '双山', '翠柏', '跳磴', '龙洲湾', '李家沱', '鱼胡', '界石', '南泉', '花溪',
  '融侨', '工贸', '烟雨', '南湖', '海棠', '弹子石', '黄桷垭', '涂山', '铜元局', '茶园', '广福', '迎龙', '天生',
  '状元', '缙云', '歇马', '同兴', '蔡家', '童家溪', '井口', '歌乐山', '磁器口', '凤天', '土湾', '新桥', '高滩岩',
  '大学城', '西永', '虎溪', '陈家桥', '曾家', '含谷', '金凤', '鹿角', '龙兴', '鱼嘴', '复盛', '两路', '双凤',
  '回兴', '礼嘉', '悦来', '鸳鸯', '翠云', '大竹林', '照母山', '金渝', '星湖', '泰山', '五里店', '寸滩', '铁山坪',
];

export const STREET_SUFFIXES = ['路', '路', '路', '街', '大道', '一路', '二路', '东路', '西路', '南路', '北路', '支路'];
