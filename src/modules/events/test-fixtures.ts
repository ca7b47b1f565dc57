/**
 * A realistic events board for the module's unit tests: a catalogue, a few hundred events across
 * categories, levels and statuses in Chongqing's main city (some overdue, some escalated), a few
 * dozen alerts (some red), and today's figures computed from them. Deterministic from a seed.
 */
import type { Alert, Board, Catalog, CityEvent, EventStats, EventStatus, Level, Metric } from '../../hub/events/schemas.ts';
import { isOpen } from '../../hub/events/schemas.ts';

/** 2026-05-20 14:20 in Chongqing. */
export const T0 = Date.UTC(2026, 4, 20, 6, 20, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

export const CATALOG: Catalog = {
  version: 3,
  departments: [
    { id: 'city-admin', name: '城市管理局', nameEn: 'City Administration' },
    { id: 'transport', name: '交通局', nameEn: 'Transport' },
    { id: 'emergency', name: '应急管理局', nameEn: 'Emergency Management' },
    { id: 'planning', name: '规划自然资源局', nameEn: 'Planning and Natural Resources' },
    { id: 'water', name: '水利局', nameEn: 'Water Resources' },
    { id: 'environment', name: '生态环境局', nameEn: 'Ecology and Environment' },
    { id: 'housing', name: '住房城乡建委', nameEn: 'Housing and Construction' },
    { id: 'police', name: '公安局', nameEn: 'Public Security' },
    { id: 'street', name: '街道办事处', nameEn: 'Street offices' },
  ],
  categories: [
    { id: 'cityscape', name: '市容环境', nameEn: 'Cityscape', colour: '#3fd0ff', acceptWithinMin: 60, deadlineHours: { blue: 48, yellow: 24, orange: 8, red: 4 }, departments: ['city-admin', 'street'] },
    { id: 'roads', name: '道路交通', nameEn: 'Roads and traffic', colour: '#a78bfa', acceptWithinMin: 30, deadlineHours: { blue: 24, yellow: 12, orange: 4, red: 2 }, departments: ['transport', 'police'] },
    { id: 'geohazard', name: '地质灾害', nameEn: 'Geohazards', colour: '#f472b6', acceptWithinMin: 15, deadlineHours: { blue: 24, yellow: 8, orange: 4, red: 1 }, departments: ['planning', 'emergency'] },
    { id: 'flood', name: '防汛排涝', nameEn: 'Flood and drainage', colour: '#38bdf8', acceptWithinMin: 15, deadlineHours: { blue: 12, yellow: 6, orange: 2, red: 1 }, departments: ['water', 'city-admin'] },
    { id: 'pollution', name: '环境污染', nameEn: 'Pollution', colour: '#4ade80', acceptWithinMin: 60, deadlineHours: { blue: 72, yellow: 24, orange: 8, red: 4 }, departments: ['environment'] },
    { id: 'utilities', name: '市政设施', nameEn: 'Utilities', colour: '#facc15', acceptWithinMin: 30, deadlineHours: { blue: 24, yellow: 12, orange: 4, red: 2 }, departments: ['housing', 'city-admin'] },
    { id: 'safety', name: '公共安全', nameEn: 'Public safety', colour: '#fb923c', acceptWithinMin: 15, deadlineHours: { blue: 24, yellow: 8, orange: 2, red: 1 }, departments: ['emergency', 'police'] },
    { id: 'livelihood', name: '民生服务', nameEn: 'Livelihood', colour: '#e2e8f0', acceptWithinMin: 120, deadlineHours: { blue: 120, yellow: 72, orange: 24, red: 8 }, departments: ['street'] },
  ],
};

const TITLES: Record<string, string[]> = {
  cityscape: ['占道经营', '暴露垃圾', '违规张贴小广告', '乱堆物料'],
  roads: ['路面坑洼', '交通信号灯故障', '井盖缺失', '护栏损坏'],
  geohazard: ['危岩落石', '边坡垮塌隐患', '挡墙开裂'],
  flood: ['道路积水', '下穿通道积水', '雨水篦子堵塞'],
  pollution: ['油烟扰民', '夜间施工噪声', '河道漂浮物'],
  utilities: ['路灯不亮', '供水管爆裂', '燃气异味'],
  safety: ['电动车违规充电', '消防通道堵塞', '高空坠物隐患'],
  livelihood: ['噪声投诉', '物业纠纷', '公共设施损坏'],
};

/** Main-city districts: code, a point in the built-up area, spread in degrees. */
export const MAIN_CITY: readonly { code: string; name: string; at: [number, number]; spread: number; weight: number }[] = [
  { code: '500103', name: '渝中区', at: [106.565, 29.555], spread: 0.012, weight: 3 },
  { code: '500105', name: '江北区', at: [106.56, 29.6], spread: 0.025, weight: 3 },
  { code: '500108', name: '南岸区', at: [106.6, 29.53], spread: 0.025, weight: 3 },
  { code: '500106', name: '沙坪坝区', at: [106.44, 29.56], spread: 0.03, weight: 3 },
  { code: '500107', name: '九龙坡区', at: [106.49, 29.5], spread: 0.03, weight: 3 },
  { code: '500104', name: '大渡口区', at: [106.48, 29.46], spread: 0.018, weight: 1 },
  { code: '500112', name: '渝北区', at: [106.62, 29.68], spread: 0.04, weight: 3 },
  { code: '500109', name: '北碚区', at: [106.42, 29.8], spread: 0.03, weight: 1 },
  { code: '500113', name: '巴南区', at: [106.53, 29.4], spread: 0.035, weight: 1 },
];

/** mulberry32: a small deterministic generator. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pickWeighted<T>(rand: () => number, items: readonly T[], weight: (x: T) => number): T {
  const total = items.reduce((s, x) => s + weight(x), 0);
  let r = rand() * total;
  for (const x of items) if ((r -= weight(x)) < 0) return x;
  return items[items.length - 1];
}

const LEVEL_WEIGHTS: Record<Level, number> = { blue: 45, yellow: 30, orange: 17, red: 8 };
const STATUS_WEIGHTS: Record<EventStatus, number> = { reported: 9, accepted: 7, dispatched: 18, 'in-progress': 26, handled: 9, verified: 5, closed: 21, refused: 5 };

export interface BoardOptions {
  events?: number;
  alerts?: number;
  seed?: number;
  now?: number;
}

/** One event, as the hub would hold it now, in a status with the times that status implies. */
function makeEvent(rand: () => number, n: number, now: number): CityEvent {
  const category = CATALOG.categories[Math.floor(rand() * CATALOG.categories.length)];
  const level = pickWeighted(rand, Object.keys(LEVEL_WEIGHTS) as Level[], (l) => LEVEL_WEIGHTS[l]);
  const status = pickWeighted(rand, Object.keys(STATUS_WEIGHTS) as EventStatus[], (s) => STATUS_WEIGHTS[s]);
  const district = pickWeighted(rand, MAIN_CITY, (d) => d.weight);
  const gauss = () => (rand() + rand() + rand() - 1.5) / 1.5;
  const position: [number, number] = [district.at[0] + gauss() * district.spread, district.at[1] + gauss() * district.spread];
  const titles = TITLES[category.id];
  const deadlineMs = category.deadlineHours[level] * HOUR;
  // Ages that fit the status: open work mostly within its deadline, a few past it; the closed within the day.
  const stage = ['reported', 'accepted', 'refused', 'dispatched', 'in-progress', 'handled', 'verified', 'closed'].indexOf(status);
  const accept = category.acceptWithinMin * MIN;
  const age =
    status === 'reported'
      ? rand() * 1.3 * accept
      : status === 'accepted'
        ? accept * (0.5 + rand())
        : status === 'dispatched' || status === 'in-progress'
          ? accept + rand() ** 1.6 * 1.2 * deadlineMs
          : status === 'handled' || status === 'verified'
            ? accept + rand() * deadlineMs
            : 2 * HOUR + rand() * 20 * HOUR;
  const reportedAt = Math.round(now - age);
  const acceptBy = reportedAt + category.acceptWithinMin * MIN;
  const e: CityEvent = {
    id: `EV-20260520-${String(10_000 + n).padStart(5, '0')}`,
    category: category.id,
    level,
    status,
    source: (['grid', 'hotline', 'sensor', 'operator'] as const)[Math.floor(rand() * 4)],
    title: titles[Math.floor(rand() * titles.length)],
    description: '',
    district: district.code,
    position,
    reportedAt,
    acceptBy,
    overdue: false,
    escalated: false,
    updatedAt: reportedAt,
    version: 1 + stage,
  };
  if (status === 'reported') {
    e.escalated = now > acceptBy;
    return e;
  }
  const acceptedAt = Math.round(Math.min(now, reportedAt + rand() * category.acceptWithinMin * MIN));
  if (status === 'refused') return { ...e, closedAt: acceptedAt, updatedAt: acceptedAt };
  e.acceptedAt = acceptedAt;
  e.updatedAt = acceptedAt;
  if (status === 'accepted') return e;
  const dispatchedAt = Math.round(Math.min(now, acceptedAt + rand() * 20 * MIN));
  const department = category.departments[Math.floor(rand() * category.departments.length)];
  Object.assign(e, { dispatchedAt, department, deadline: dispatchedAt + deadlineMs, updatedAt: dispatchedAt });
  if (status === 'dispatched' || status === 'in-progress') {
    e.overdue = now > e.deadline!;
    e.escalated = e.overdue || rand() < 0.06;
    return e;
  }
  const handledAt = Math.round(Math.min(now, dispatchedAt + rand() * deadlineMs * 0.9));
  Object.assign(e, { handledAt, updatedAt: handledAt });
  if (status === 'handled') return e;
  const verifiedAt = Math.round(Math.min(now, handledAt + rand() * HOUR));
  Object.assign(e, { verifiedAt, updatedAt: verifiedAt });
  if (status === 'verified') return e;
  const closedAt = Math.round(Math.min(now, verifiedAt + rand() * HOUR));
  return { ...e, closedAt, updatedAt: closedAt };
}

const PLACES: readonly { id: string; name: string; district: string; position: [number, number]; metric: Metric; range: [number, number] }[] = [
  { id: 'st-chaotianmen', name: '朝天门', district: '500103', position: [106.586, 29.566], metric: 'river-level', range: [172, 186] },
  { id: 'st-cuntan', name: '寸滩', district: '500105', position: [106.6, 29.615], metric: 'river-level', range: [170, 185] },
  { id: 'lp-ciqikou', name: '磁器口', district: '500106', position: [106.448, 29.58], metric: 'waterlogging', range: [5, 45] },
  { id: 'lp-shangqingsi', name: '上清寺下穿道', district: '500103', position: [106.545, 29.562], metric: 'waterlogging', range: [5, 50] },
  { id: 'lp-yangjiaping', name: '杨家坪', district: '500107', position: [106.512, 29.508], metric: 'waterlogging', range: [3, 35] },
  { id: 'rk-eling', name: '鹅岭危岩', district: '500103', position: [106.533, 29.552], metric: 'displacement', range: [2, 30] },
  { id: 'rk-nanshan', name: '南山危岩', district: '500108', position: [106.625, 29.55], metric: 'displacement', range: [2, 25] },
  { id: 'rg-beibei', name: '北碚站', district: '500109', position: [106.44, 29.82], metric: 'rain', range: [10, 80] },
  { id: 'rg-yubei', name: '两路站', district: '500112', position: [106.63, 29.72], metric: 'rain', range: [10, 70] },
  { id: 'rg-banan', name: '鱼洞站', district: '500113', position: [106.52, 29.39], metric: 'rain', range: [8, 60] },
  { id: 'aq-jiulongpo', name: '九龙坡监测点', district: '500107', position: [106.47, 29.52], metric: 'aqi', range: [80, 220] },
  { id: '500103', name: '渝中区', district: '500103', position: [106.568, 29.557], metric: 'congestion', range: [4, 9.5] },
  { id: '500106', name: '沙坪坝区', district: '500106', position: [106.456, 29.541], metric: 'congestion', range: [3, 9] },
];

const ALERT_LEVELS: readonly Level[] = ['blue', 'yellow', 'orange', 'red'];

function makeAlert(rand: () => number, n: number, now: number, level?: Level): Alert {
  const place = PLACES[n % PLACES.length];
  const lv = level ?? pickWeighted(rand, ALERT_LEVELS, (l) => ({ blue: 40, yellow: 30, orange: 20, red: 10 })[l]);
  const [lo, hi] = place.range;
  const k = (ALERT_LEVELS.indexOf(lv) + 1 + rand() * 0.8) / 5;
  const value = Math.round((lo + (hi - lo) * k) * 10) / 10;
  const openedAt = Math.round(now - rand() * 6 * HOUR);
  return {
    id: `AL-${1000 + n}`,
    ruleId: `${place.metric}-watch`,
    ruleVersion: 1,
    metric: place.metric,
    place: { kind: /^\d{6}$/.test(place.id) ? 'district' : 'site', id: place.id, name: place.name, district: place.district, position: place.position },
    level: lv,
    value,
    threshold: Math.round((lo + (hi - lo) * ((ALERT_LEVELS.indexOf(lv) + 1) / 5)) * 10) / 10,
    status: n % 9 === 8 ? 'cleared' : 'active',
    openedAt,
    updatedAt: openedAt + Math.round(rand() * (now - openedAt)),
    ...(n % 9 === 8 ? { clearedAt: now - 20 * MIN } : {}),
    version: 1 + (n % 3),
  };
}

/** Today's figures as the hub would count them from the board. */
export function statsOf(events: readonly CityEvent[], alerts: readonly Alert[], now: number): EventStats {
  const dayStart = now - ((now + 8 * HOUR) % (24 * HOUR));
  const today = (t: number | undefined) => t !== undefined && t >= dayStart;
  const closed = events.filter((e) => e.status === 'closed' && today(e.closedAt));
  const open = events.filter((e) => isOpen(e.status));
  const byDept = new Map<string, { closed: number; total: number }>();
  for (const e of closed) {
    if (!e.department || e.handledAt === undefined || e.dispatchedAt === undefined) continue;
    const d = byDept.get(e.department) ?? { closed: 0, total: 0 };
    d.closed++;
    d.total += (e.handledAt - e.dispatchedAt) / MIN;
    byDept.set(e.department, d);
  }
  return {
    day: new Date(now + 8 * HOUR).toISOString().slice(0, 10),
    reported: events.filter((e) => today(e.reportedAt)).length,
    closed: closed.length,
    open: open.length,
    overdue: open.filter((e) => e.overdue).length,
    activeAlerts: alerts.filter((a) => a.status === 'active').length,
    closureRate: closed.length + open.length ? closed.length / (closed.length + open.length) : 0,
    handlingByDepartment: [...byDept].map(([department, d]) => ({ department, closed: d.closed, meanMin: Math.round((d.total / d.closed) * 10) / 10 })),
  };
}

/** A board of `events` events and `alerts` alerts (two of them red), with today's figures. */
export function makeBoard({ events = 300, alerts = 24, seed = 7, now = T0 }: BoardOptions = {}): Board {
  const rand = random(seed);
  const list = Array.from({ length: events }, (_, i) => makeEvent(rand, i, now));
  const alertList = Array.from({ length: alerts }, (_, i) => makeAlert(rand, i, now, i < 2 ? 'red' : undefined));
  return { events: list, alerts: alertList, removed: [], stats: statsOf(list, alertList, now) };
}

/** An event of the board changed (a new version of it): the change as the hub would send it. */
export function bump(e: CityEvent, patch: Partial<CityEvent>): CityEvent {
  return { ...e, ...patch, version: e.version + 1, updatedAt: e.updatedAt + MIN };
}
