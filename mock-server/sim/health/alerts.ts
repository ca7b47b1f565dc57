import { HEALTH_ALERT_LEVELS, type HealthAlert, type HealthAlertLevel } from '../../../src/hub/topics/health.ts';

/**
 * Alert thresholds, one per warning level (蓝 < 黄 < 橙 < 红): a district is in alert at a level
 * when its yellow-code share or its red-code count reaches that level's figure.
 */
export const ALERT_THRESHOLDS = {
  yellowShare: [0.008, 0.012, 0.02, 0.03],
  red: [25, 60, 150, 300],
} as const;
/** An alert holds until the figures fall below this share of the thresholds (no flicker). */
export const ALERT_RELEASE = 0.85;

/** The highest level whose threshold (times k) the figures reach, or -1. */
export function alertLevelIndex(yellowShare: number, red: number, k = 1): { index: number; reason: HealthAlert['reason'] } {
  let index = -1;
  let reason: HealthAlert['reason'] = 'yellow-share';
  for (let i = HEALTH_ALERT_LEVELS.length - 1; i >= 0; i--) {
    const byYellow = yellowShare >= ALERT_THRESHOLDS.yellowShare[i] * k;
    const byRed = red >= ALERT_THRESHOLDS.red[i] * k;
    if (byYellow || byRed) {
      index = i;
      reason = byYellow ? 'yellow-share' : 'red-count';
      break;
    }
  }
  return { index, reason };
}

/**
 * Per-district alert state with hysteresis: an alert starts when a threshold is crossed, keeps its
 * start time while its level rises or falls, and ends when the figures drop below the release
 * level of every threshold.
 */
export class AlertTracker {
  private state = new Map<string, HealthAlert>();

  update(code: string, yellowShare: number, red: number, time: number): HealthAlert | null {
    const current = this.state.get(code);
    const enter = alertLevelIndex(yellowShare, red);
    const hold = alertLevelIndex(yellowShare, red, ALERT_RELEASE);
    const currentIndex = current ? HEALTH_ALERT_LEVELS.indexOf(current.level) : -1;
    const index = Math.max(enter.index, Math.min(currentIndex, hold.index));
    if (index < 0) {
      this.state.delete(code);
      return null;
    }
    const level: HealthAlertLevel = HEALTH_ALERT_LEVELS[index];
    const next: HealthAlert = current ? { ...current, level } : { level, since: time, reason: enter.reason };
    this.state.set(code, next);
    return next;
  }

  get(code: string): HealthAlert | null {
    return this.state.get(code) ?? null;
  }
}
