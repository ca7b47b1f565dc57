/**
 * Warning signals per district, after the CMA's national standard (气象灾害预警信号发布与传播办法,
 * 中国气象局令第16号): a level is issued when its threshold "will be reached" in the window (here:
 * observed rain plus a one-hour nowcast from the current rate) or "has been reached and
 * continues". Upgrades are immediate; a downgrade or lift waits until the lower level has held for
 * 30 minutes, as forecasters do not flap signals.
 */
import type { Warning, WarningLevel, WarningType } from '../../../src/hub/topics/weather.ts';

export const LEVEL_RANK: Record<WarningLevel, number> = { blue: 0, yellow: 1, orange: 2, red: 3 };
const LEVELS: WarningLevel[] = ['blue', 'yellow', 'orange', 'red'];

/** 暴雨: blue 50 mm in 12 h, yellow 50 mm in 6 h, orange 50 mm in 3 h, red 100 mm in 3 h. */
export const RAINSTORM = [
  { level: 'blue', window: 12, mm: 50 },
  { level: 'yellow', window: 6, mm: 50 },
  { level: 'orange', window: 3, mm: 50 },
  { level: 'red', window: 3, mm: 100 },
] as const;
/** 大风 by gust: blue force 7 (13.9 m/s), yellow force 9 (20.8), orange force 11 (28.5), red force 13 (37.0). */
export const GALE_GUST_MS = [13.9, 20.8, 28.5, 37.0] as const;
/** 高温 by the day's maximum: yellow 35 °C, orange 37 °C, red 40 °C (there is no blue heat signal). */
export const HEAT_C = { yellow: 35, orange: 37, red: 40 } as const;
/** 大雾 by visibility: yellow < 500 m, orange < 200 m, red < 50 m (no blue fog signal). */
export const FOG_M = { yellow: 500, orange: 200, red: 50 } as const;

export const HOLD_MS = 30 * 60_000;
/** Share of the current rain rate expected over the next hour at a place (the nowcast). */
export const NOWCAST_SHARE = 0.5;

export type Basis = Warning['basis'];
export interface Assessment {
  level: WarningLevel | null;
  basis: Basis;
}

/** Rain accumulations of one grid cell: past windows (mm) and the current rate (mm/h). */
export interface CellRain {
  acc2h: number;
  acc3h: number;
  acc5h: number;
  acc6h: number;
  acc11h: number;
  acc12h: number;
  rateMmh: number;
}

export function assessRain(c: CellRain): Assessment {
  const continuing = c.rateMmh >= 1;
  const reach = (window: 3 | 6 | 12) => {
    const past = window === 3 ? c.acc3h : window === 6 ? c.acc6h : c.acc12h;
    const before = window === 3 ? c.acc2h : window === 6 ? c.acc5h : c.acc11h;
    // A cell moves on: over the next hour a point gets about half of what falls on it now.
    return Math.max(before + NOWCAST_SHARE * c.rateMmh, continuing ? past : 0);
  };
  let best: Assessment = { level: null, basis: { metric: 'rain12h', value: Math.round(reach(12) * 10) / 10, unit: 'mm' } };
  for (const rule of RAINSTORM) {
    const value = reach(rule.window);
    if (value >= rule.mm) best = { level: rule.level, basis: { metric: `rain${rule.window}h`, value: Math.round(value * 10) / 10, unit: 'mm' } };
  }
  return best;
}

export function assessGale(gustMs: number): Assessment {
  let level: WarningLevel | null = null;
  GALE_GUST_MS.forEach((g, i) => {
    if (gustMs >= g) level = LEVELS[i];
  });
  return { level, basis: { metric: 'gust', value: Math.round(gustMs * 10) / 10, unit: 'm/s' } };
}

export function assessHeat(tmaxC: number): Assessment {
  const level: WarningLevel | null = tmaxC >= HEAT_C.red ? 'red' : tmaxC >= HEAT_C.orange ? 'orange' : tmaxC >= HEAT_C.yellow ? 'yellow' : null;
  return { level, basis: { metric: 'tmax', value: Math.round(tmaxC * 10) / 10, unit: '°C' } };
}

export function assessFog(visibilityM: number): Assessment {
  const level: WarningLevel | null = visibilityM < FOG_M.red ? 'red' : visibilityM < FOG_M.orange ? 'orange' : visibilityM < FOG_M.yellow ? 'yellow' : null;
  return { level, basis: { metric: 'visibility', value: Math.round(visibilityM), unit: 'm' } };
}

/** The more severe of two assessments (null < blue < … < red); ties keep the first. */
export function worse(a: Assessment, b: Assessment): Assessment {
  const ra = a.level ? LEVEL_RANK[a.level] : -1;
  const rb = b.level ? LEVEL_RANK[b.level] : -1;
  return rb > ra ? b : a;
}

interface Signal {
  warning: Warning | null;
  /** Since when the assessment has stayed below the signal in force. */
  lowerSince: number | null;
  lowerLevel: WarningLevel | null;
  /** The assessment behind lowerLevel: a stepped-down signal cites what justified it. */
  lowerBasis: Basis | null;
}

export type WarningEvent = { kind: 'issued' | 'lifted'; warning: Warning; time: number };

/** Signals in force for every district and type, with the hysteresis of a forecaster. */
export class WarningBoard {
  private signals = new Map<string, Signal>();
  private serial = 0;

  /** Applies one assessment; returns what changed (issue, upgrade, downgrade or lift). */
  update(districtCode: string, type: WarningType, a: Assessment, time: number): WarningEvent | null {
    const key = `${districtCode}:${type}`;
    let s = this.signals.get(key);
    if (!s) this.signals.set(key, (s = { warning: null, lowerSince: null, lowerLevel: null, lowerBasis: null }));
    const current = s.warning;
    const rank = a.level ? LEVEL_RANK[a.level] : -1;
    const currentRank = current ? LEVEL_RANK[current.level] : -1;
    if (rank > currentRank) {
      this.serial += 1;
      s.warning = { id: `${districtCode}-${type}-${this.serial}`, districtCode, type, level: a.level!, issuedAt: time, basis: a.basis };
      s.lowerSince = null;
      return { kind: 'issued', warning: s.warning, time };
    }
    if (!current) return null;
    if (rank === currentRank) {
      s.lowerSince = null;
      s.warning = { ...current, basis: a.basis };
      return null;
    }
    // Lower than the signal in force: wait for it to hold before stepping down.
    if (s.lowerSince === null) {
      s.lowerSince = time;
      s.lowerLevel = a.level;
      s.lowerBasis = a.basis;
    } else if (rank > (s.lowerLevel ? LEVEL_RANK[s.lowerLevel] : -1)) {
      // The step down goes to the highest level seen while waiting.
      s.lowerLevel = a.level;
      s.lowerBasis = a.basis;
    }
    if (time - s.lowerSince < HOLD_MS) return null;
    s.lowerSince = null;
    if (s.lowerLevel === null) {
      s.warning = null;
      return { kind: 'lifted', warning: current, time };
    }
    this.serial += 1;
    s.warning = { id: `${districtCode}-${type}-${this.serial}`, districtCode, type, level: s.lowerLevel, issuedAt: time, basis: s.lowerBasis ?? a.basis };
    return { kind: 'issued', warning: s.warning, time };
  }

  /** Every signal in force, newest first. */
  active(): Warning[] {
    const out: Warning[] = [];
    for (const s of this.signals.values()) if (s.warning) out.push(s.warning);
    return out.sort((a, b) => b.issuedAt - a.issuedAt || a.id.localeCompare(b.id));
  }
}
