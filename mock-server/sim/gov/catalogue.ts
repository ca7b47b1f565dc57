/**
 * What 渝快办 (Yukuaiban) serves: matter categories with their legal time limits, the twelve
 * electronic-licence categories, the service halls, and district populations. Starting figures
 * are plausible for Chongqing (public reports: about 12 million users, 12 licence categories);
 * everything that moves is simulated.
 */

/** Registered users on 2024-06-01, and new users a day on average since. */
export const USERS_BASE = 12_000_000;
export const USERS_BASE_DATE = Date.UTC(2024, 5, 1) - 8 * 3_600_000;
export const USERS_PER_DAY = 1500;

export interface CategorySpec {
  id: string;
  name: string;
  nameEn: string;
  /** Legal time limit, working days. */
  limitDays: number;
  /** Typical mean handling time, working days. */
  avgDays: number;
  /** Share of all matters. */
  share: number;
}

export const CATEGORIES: CategorySpec[] = [
  { id: 'business', name: '企业开办', nameEn: 'Business start-up', limitDays: 15, avgDays: 0.9, share: 0.07 },
  { id: 'real-estate', name: '不动产登记', nameEn: 'Real-estate registration', limitDays: 30, avgDays: 4.2, share: 0.09 },
  { id: 'social-insurance', name: '社保', nameEn: 'Social insurance', limitDays: 20, avgDays: 2.6, share: 0.19 },
  { id: 'medical-insurance', name: '医保', nameEn: 'Medical insurance', limitDays: 15, avgDays: 1.8, share: 0.16 },
  { id: 'housing-fund', name: '公积金', nameEn: 'Housing provident fund', limitDays: 10, avgDays: 1.3, share: 0.12 },
  { id: 'household', name: '户籍', nameEn: 'Household registration', limitDays: 20, avgDays: 3.1, share: 0.08 },
  { id: 'exit-entry', name: '出入境', nameEn: 'Exit and entry', limitDays: 7, avgDays: 5.2, share: 0.05 },
  { id: 'tax', name: '税务', nameEn: 'Taxation', limitDays: 10, avgDays: 0.7, share: 0.11 },
  { id: 'transport', name: '交通', nameEn: 'Vehicles and driving', limitDays: 7, avgDays: 1.6, share: 0.08 },
  { id: 'civil-affairs', name: '民政', nameEn: 'Civil affairs', limitDays: 30, avgDays: 8.5, share: 0.05 },
];

export interface LicenceSpec {
  id: string;
  name: string;
  nameEn: string;
  /** Issued by the start of 2024-06-01. */
  base: number;
  /** Issued on an average working day. */
  perDay: number;
}

export const LICENCES: LicenceSpec[] = [
  { id: 'id-card', name: '身份证', nameEn: 'Identity card', base: 24_600_000, perDay: 6200 },
  { id: 'driving-licence', name: '驾驶证', nameEn: 'Driving licence', base: 9_800_000, perDay: 2100 },
  { id: 'business-licence', name: '营业执照', nameEn: 'Business licence', base: 3_520_000, perDay: 1600 },
  { id: 'marriage', name: '结婚证', nameEn: 'Marriage certificate', base: 6_100_000, perDay: 420 },
  { id: 'household-register', name: '户口簿', nameEn: 'Household register', base: 10_200_000, perDay: 1300 },
  { id: 'social-security-card', name: '社保卡', nameEn: 'Social security card', base: 31_500_000, perDay: 5200 },
  { id: 'property', name: '不动产权证', nameEn: 'Property certificate', base: 7_200_000, perDay: 1900 },
  { id: 'vehicle-licence', name: '行驶证', nameEn: 'Vehicle licence', base: 8_600_000, perDay: 2300 },
  { id: 'degree', name: '学位证', nameEn: 'Degree certificate', base: 1_600_000, perDay: 380 },
  { id: 'medical-voucher', name: '医保电子凭证', nameEn: 'Medical insurance e-voucher', base: 23_800_000, perDay: 7800 },
  { id: 'disability', name: '残疾人证', nameEn: 'Disability certificate', base: 920_000, perDay: 150 },
  { id: 'birth', name: '出生医学证明', nameEn: 'Birth certificate', base: 3_300_000, perDay: 520 },
];

/** Residents by district, approx. 2020 census (persons). */
export const POPULATION: Record<string, number> = {
  '500101': 1_564_000, '500102': 1_155_000, '500103': 589_000, '500104': 421_000, '500105': 926_000,
  '500106': 1_479_000, '500107': 1_524_000, '500108': 1_197_000, '500109': 835_000, '500110': 1_012_000,
  '500111': 835_000, '500112': 2_192_000, '500113': 1_179_000, '500114': 487_000, '500115': 693_000,
  '500116': 1_359_000, '500117': 1_245_000, '500118': 1_149_000, '500119': 572_000, '500120': 756_000,
  '500151': 686_000, '500152': 688_000, '500153': 669_000, '500154': 1_203_000, '500155': 646_000,
  '500156': 357_000, '500229': 198_000, '500230': 557_000, '500231': 654_000, '500233': 721_000,
  '500235': 929_000, '500236': 745_000, '500237': 463_000, '500238': 388_000, '500240': 389_000,
  '500241': 483_000, '500242': 608_000, '500243': 494_000,
};

/** Main urban districts: people there do more online. */
export const URBAN = new Set(['500103', '500104', '500105', '500106', '500107', '500108', '500109', '500112', '500113']);

export interface ExtraHall {
  id: string;
  name: string;
  district: string;
  level: 'city' | 'zone';
  at: [number, number];
  /** Counter windows at full staffing. */
  windows: number;
}

/** Besides one centre per district: the city's own centre and the development zones' centres. */
export const EXTRA_HALLS: ExtraHall[] = [
  { id: 'city', name: '重庆市政务服务中心', district: '500112', level: 'city', at: [106.532, 29.622], windows: 96 },
  { id: 'liangjiang', name: '两江新区政务服务中心', district: '500112', level: 'zone', at: [106.598, 29.665], windows: 48 },
  { id: 'hi-tech', name: '西部科学城重庆高新区政务服务中心', district: '500106', level: 'zone', at: [106.318, 29.602], windows: 36 },
  { id: 'wansheng', name: '万盛经开区政务服务中心', district: '500110', level: 'zone', at: [106.924, 28.962], windows: 18 },
];
