/**
 * Starting figures of the poverty-alleviation simulation. Public totals of Chongqing's campaign
 * (about 1.9 million registered poor people and 1,919 poor villages lifted by 2020, 18 key
 * counties, the platform's 270,000 users and 35.2 million uses) are spread over the districts with
 * rounded weights; the per-district split and the pairings are simulated, not official records.
 */
import type { VillageIndustry } from '../../../src/hub/topics/poverty.ts';

export const POVERTY_TOTALS = { people: 1_906_000, villages: 1919 } as const;
export const PLATFORM_FIGURES = { users: 270_000, uses: 35_200_000, dailyActive: 50_000 } as const;

/** The 18 key counties of the campaign (14 national, 4 municipal). */
export const KEY_COUNTIES: ReadonlySet<string> = new Set([
  '500229', // 城口
  '500238', // 巫溪
  '500237', // 巫山
  '500236', // 奉节
  '500235', // 云阳
  '500154', // 开州
  '500101', // 万州
  '500243', // 彭水
  '500242', // 酉阳
  '500241', // 秀山
  '500240', // 石柱
  '500114', // 黔江
  '500156', // 武隆
  '500230', // 丰都
  '500119', // 南川
  '500152', // 潼南
  '500233', // 忠县
  '500110', // 綦江
]);

/** Relative weight of people lifted, and of poor villages, by district (rounded, simulated split). */
export const WEIGHTS: Readonly<Record<string, { people: number; villages: number }>> = {
  '500101': { people: 14, villages: 150 },
  '500154': { people: 15, villages: 138 },
  '500235': { people: 13, villages: 120 },
  '500236': { people: 13, villages: 135 },
  '500237': { people: 9, villages: 120 },
  '500238': { people: 9, villages: 150 },
  '500229': { people: 5, villages: 90 },
  '500242': { people: 12, villages: 130 },
  '500243': { people: 10, villages: 115 },
  '500241': { people: 7, villages: 85 },
  '500240': { people: 6, villages: 85 },
  '500114': { people: 5, villages: 65 },
  '500156': { people: 4.5, villages: 75 },
  '500230': { people: 7, villages: 65 },
  '500119': { people: 3.5, villages: 45 },
  '500152': { people: 5, villages: 43 },
  '500233': { people: 6, villages: 70 },
  '500110': { people: 4, villages: 37 },
  '500102': { people: 3.4, villages: 48 },
  '500116': { people: 3, villages: 26 },
  '500117': { people: 3, villages: 28 },
  '500118': { people: 2, villages: 16 },
  '500115': { people: 1.5, villages: 14 },
  '500155': { people: 2.5, villages: 33 },
  '500231': { people: 2.5, villages: 32 },
  '500111': { people: 1.8, villages: 13 },
  '500153': { people: 1.2, villages: 11 },
  '500151': { people: 1.5, villages: 12 },
  '500120': { people: 0.6, villages: 6 },
  '500113': { people: 1.2, villages: 12 },
  '500109': { people: 0.6, villages: 7 },
  '500112': { people: 0.8, villages: 9 },
  '500106': { people: 0.2, villages: 6 },
  '500107': { people: 0.3, villages: 6 },
  '500108': { people: 0.15, villages: 5 },
  '500105': { people: 0.1, villages: 5 },
  '500104': { people: 0.1, villages: 5 },
  // Yuzhong is all city streets: no rural poor villages, a few urban households in need.
  '500103': { people: 0.02, villages: 0 },
};

/**
 * Paired assistance (结对帮扶): the main urban and richer districts each help one or two key
 * counties, from the year the pairing began. A simulated pairing, plausible in direction and scale.
 */
export const PAIRINGS: readonly { from: string; to: string[]; since: number }[] = [
  { from: '500103', to: ['500229'], since: 2017 }, // 渝中 → 城口
  { from: '500105', to: ['500238'], since: 2017 }, // 江北 → 巫溪
  { from: '500108', to: ['500237'], since: 2017 }, // 南岸 → 巫山
  { from: '500106', to: ['500236'], since: 2017 }, // 沙坪坝 → 奉节
  { from: '500107', to: ['500242', '500241'], since: 2017 }, // 九龙坡 → 酉阳, 秀山
  { from: '500112', to: ['500154', '500235'], since: 2017 }, // 渝北 → 开州, 云阳
  { from: '500113', to: ['500243'], since: 2017 }, // 巴南 → 彭水
  { from: '500104', to: ['500156'], since: 2017 }, // 大渡口 → 武隆
  { from: '500109', to: ['500152'], since: 2018 }, // 北碚 → 潼南
  { from: '500102', to: ['500230'], since: 2018 }, // 涪陵 → 丰都
  { from: '500116', to: ['500110'], since: 2018 }, // 江津 → 綦江
  { from: '500118', to: ['500119'], since: 2018 }, // 永川 → 南川
  { from: '500115', to: ['500240'], since: 2018 }, // 长寿 → 石柱
  { from: '500117', to: ['500233'], since: 2018 }, // 合川 → 忠县
  { from: '500120', to: ['500114'], since: 2018 }, // 璧山 → 黔江
  { from: '500111', to: ['500101'], since: 2018 }, // 大足 → 万州
];

/** Districts where one industry is famous: it leads there (奉节脐橙, 涪陵榨菜, 巫山脆李, 江津花椒 …). */
export const LOCAL_INDUSTRY: Readonly<Record<string, [VillageIndustry, number][]>> = {
  '500236': [['citrus', 5], ['herbs', 1], ['tourism', 1]],
  '500235': [['citrus', 3], ['pigs', 1], ['herbs', 1]],
  '500101': [['citrus', 3], ['vegetables', 1], ['tea', 1]],
  '500154': [['citrus', 2], ['pigs', 1], ['herbs', 1], ['tea', 1]],
  '500233': [['citrus', 4], ['vegetables', 1]],
  '500237': [['plum', 5], ['tourism', 1], ['herbs', 1]],
  '500238': [['herbs', 3], ['pigs', 2], ['tourism', 1]],
  '500229': [['herbs', 3], ['pigs', 2], ['tea', 1]],
  '500102': [['mustard', 6], ['vegetables', 1]],
  '500230': [['mustard', 2], ['pigs', 1], ['citrus', 1]],
  '500116': [['pepper', 5], ['citrus', 1]],
  '500242': [['pepper', 3], ['tea', 1], ['herbs', 1], ['silk', 1]],
  '500241': [['tea', 3], ['herbs', 2], ['tourism', 1]],
  '500240': [['herbs', 4], ['pepper', 1], ['tourism', 1]],
  '500243': [['herbs', 2], ['pigs', 1], ['silk', 1], ['tourism', 1]],
  '500114': [['silk', 3], ['tourism', 1], ['herbs', 1]],
  '500156': [['tourism', 4], ['vegetables', 1], ['herbs', 1]],
  '500119': [['tea', 2], ['herbs', 2], ['tourism', 1]],
  '500152': [['vegetables', 3], ['citrus', 1]],
  '500110': [['tea', 1], ['vegetables', 1], ['tourism', 1], ['pigs', 1]],
};
export const GENERAL_INDUSTRY: [VillageIndustry, number][] = [
  ['vegetables', 3],
  ['pigs', 2],
  ['citrus', 2],
  ['tea', 1],
  ['tourism', 2],
  ['herbs', 1],
];

const VILLAGE_A = '青红龙石桃柏桂金新高白黄双三马凤松竹长太大李杨梨茶花水鹿云天兴和平安福团';
const VILLAGE_B = '坪岩溪河湾坝林山桥沟垭岭峰塘田园坡槽池口坎台寨庙湖井';

/** A plausible village name from two draws in [0, 1): two characters of place and 村 (青杠村, 桃花村 …). */
export function villageName(a: number, b: number): string {
  return `${VILLAGE_A[Math.floor(a * VILLAGE_A.length)]}${VILLAGE_B[Math.floor(b * VILLAGE_B.length)]}村`;
}
