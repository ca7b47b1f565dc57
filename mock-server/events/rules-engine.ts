/**
 * The early-warning rules engine: readings in, alert changes out (for EventStore.applyAlert).
 *
 * Per rule and place it keeps the current level and decides, in reading time:
 * - a higher level is adopted once the value has stayed at or above that level's threshold for
 *   the rule's minDurationS (the highest level so held wins: a jump over several levels goes
 *   straight to the highest one that has been held long enough);
 * - the level is left downward once the value has stayed below (its threshold − hysteresis) for
 *   minDurationS; it lands on the highest lower level whose own (threshold − hysteresis) the value
 *   has not been below for as long, or clears when that holds for the lowest level too;
 * - `raise` is emitted on every level change that leaves an alert standing, downward included (the
 *   store raises or lowers the active alert's level); `clear` when the alert ends; `update` when the
 *   value moved at the same level, at most once a minute per place unless it moved by 10 % of the
 *   level's threshold or more, so the store is not written per reading.
 * Readings older than the last one seen for the rule and place are ignored, as are readings of a
 * place kind other than the rule's scope and readings for disabled rules.
 *
 * One reading may concern several rules (two rules on one metric), so `evaluate` appends to an
 * array the caller owns and reuses: the hot path allocates nothing but the changes it emits.
 */
import { LEVELS, type Level, type Metric, type Place, type Reading, type Rule, type RuleSet } from '../../src/hub/contract.ts';
import type { AlertChange } from './store/event-store.ts';

/** At the same level, an update at most this often per place… */
export const UPDATE_INTERVAL_MS = 60_000;
/** …unless the value moved by this share of the level's threshold. */
export const UPDATE_STEP_SHARE = 0.1;
/**
 * Places tracked per rule at most: readings of further places are dropped (and counted), so a
 * stream of made-up place ids cannot grow the hub's memory without bound.
 */
export const MAX_PLACES_PER_RULE = 20_000;

const NONE = -1;

/** What the engine holds for one rule and one place. Reused for the place's life: no allocation per reading. */
class PlaceState {
  level = NONE;
  value = NaN;
  lastTime = -Infinity;
  emittedValue = NaN;
  emittedAt = -Infinity;
  /** Per level: since when the value has been at or above the threshold (NaN: it is not). */
  readonly above = new Float64Array(LEVELS.length).fill(NaN);
  /** Per level: since when the value has been below threshold − hysteresis (NaN: it is not). */
  readonly below = new Float64Array(LEVELS.length).fill(NaN);
  constructor(public place: Place) {}
}

interface CompiledRule {
  rule: Rule;
  /** Threshold per level index; NaN where the rule sets none. */
  thresholds: Float64Array;
  /** Indices of the levels the rule sets, ascending. */
  levels: Int8Array;
  minMs: number;
  hysteresis: number;
  /** What must not change for the per-place state to carry over (besides the version). */
  shape: string;
  places: Map<string, PlaceState>;
}

export interface RulePlaceState {
  ruleId: string;
  ruleVersion: number;
  place: Place;
  /** The alert's level, or null when none stands. */
  level: Level | null;
  value: number;
  time: number;
  /** A level change under way (held, but not yet for minDurationS); level null: a clear. */
  pending: { level: Level | null; since: number } | null;
}

export interface RuleEngineState {
  rules: Array<{ id: string; version: number; metric: Metric; scope: Rule['scope']; places: number; active: number }>;
  /** Places with an alert standing or a change pending. */
  places: RulePlaceState[];
  counters: { readings: number; changes: number; outOfOrder: number; overflow: number };
}

export interface RuleEngine {
  /**
   * Evaluates one reading against every enabled rule of its metric and scope, appends what changed
   * to `out`, and returns how many changes it appended.
   */
  evaluate(reading: Reading, out: AlertChange[]): number;
  /** Evaluates readings in order; the changes, appended to `out` (a new array if none is given). */
  evaluateAll(readings: readonly Reading[], out?: AlertChange[]): AlertChange[];
  /**
   * Replaces the rules. Rules whose id and version (and metric, scope and thresholds) are unchanged
   * keep their per-place state; for every other rule that had alerts standing (changed, disabled
   * or removed) a `clear` is appended to `out`, so the store holds no alert no rule will ever end:
   * a changed rule raises afresh, under its new version.
   */
  setRules(rules: RuleSet, out?: AlertChange[]): number;
  rules(): RuleSet;
  state(): RuleEngineState;
}

function compile(rule: Rule, previous: CompiledRule | undefined): CompiledRule {
  const thresholds = new Float64Array(LEVELS.length).fill(NaN);
  const levels: number[] = [];
  LEVELS.forEach((l, i) => {
    const t = rule.thresholds[l];
    if (t !== undefined) {
      thresholds[i] = t;
      levels.push(i);
    }
  });
  const shape = JSON.stringify([rule.metric, rule.scope, levels.map((i) => thresholds[i]), rule.hysteresis, rule.minDurationS]);
  const keep = previous && previous.rule.version === rule.version && previous.shape === shape;
  return {
    rule,
    thresholds,
    levels: Int8Array.from(levels),
    minMs: rule.minDurationS * 1000,
    hysteresis: rule.hysteresis,
    shape,
    places: keep ? previous.places : new Map(),
  };
}

function clearsOf(c: CompiledRule, out: AlertChange[]): number {
  let n = 0;
  for (const s of c.places.values())
    if (s.level !== NONE) {
      out.push({ kind: 'clear', ruleId: c.rule.id, place: s.place, value: s.value, at: s.lastTime });
      n++;
    }
  return n;
}

export function createRuleEngine(initial: RuleSet): RuleEngine {
  let set: RuleSet = { schemaVersion: initial.schemaVersion, rules: [] };
  /** Enabled rules by id, and the same grouped by metric: the only lookup per reading. */
  let byId = new Map<string, CompiledRule>();
  let byMetric = new Map<string, CompiledRule[]>();
  const counters = { readings: 0, changes: 0, outOfOrder: 0, overflow: 0 };

  function setRules(next: RuleSet, out?: AlertChange[]): number {
    const ids = new Map<string, CompiledRule>();
    const metrics = new Map<string, CompiledRule[]>();
    for (const rule of next.rules) {
      if (!rule.enabled) continue;
      const c = compile(rule, byId.get(rule.id));
      ids.set(rule.id, c);
      const list = metrics.get(rule.metric);
      if (list) list.push(c);
      else metrics.set(rule.metric, [c]);
    }
    let n = 0;
    for (const [id, old] of byId) if (ids.get(id)?.places !== old.places && out) n += clearsOf(old, out);
    byId = ids;
    byMetric = metrics;
    set = next;
    counters.changes += n;
    return n;
  }

  function evaluateRule(c: CompiledRule, reading: Reading, out: AlertChange[]): number {
    const place = reading.place;
    let s = c.places.get(place.id);
    if (s === undefined) {
      if (c.places.size >= MAX_PLACES_PER_RULE) {
        counters.overflow++;
        return 0;
      }
      s = new PlaceState(place);
      c.places.set(place.id, s);
    }
    const t = reading.time;
    if (t < s.lastTime) {
      counters.outOfOrder++;
      return 0;
    }
    const v = reading.value;
    s.lastTime = t;
    s.value = v;
    s.place = place;
    const thresholds = c.thresholds;
    const levels = c.levels;
    const minMs = c.minMs;
    const hysteresis = c.hysteresis;
    const above = s.above;
    const below = s.below;
    for (let i = 0; i < levels.length; i++) {
      const k = levels[i];
      const thr = thresholds[k];
      if (v >= thr) {
        if (above[k] !== above[k]) above[k] = t;
      } else above[k] = NaN;
      if (v < thr - hysteresis) {
        if (below[k] !== below[k]) below[k] = t;
      } else below[k] = NaN;
    }
    const current = s.level;
    let target = current;
    // Up: the highest level above the current one held long enough.
    for (let i = levels.length - 1; i >= 0 && levels[i] > current; i--) {
      const k = levels[i];
      if (above[k] === above[k] && t - above[k] >= minMs) {
        target = k;
        break;
      }
    }
    // Down: the current level left for long enough; land on the highest lower level still held.
    if (target === current && current !== NONE && below[current] === below[current] && t - below[current] >= minMs) {
      target = NONE;
      for (let i = levels.length - 1; i >= 0; i--) {
        const k = levels[i];
        if (k >= current) continue;
        if (below[k] !== below[k] || t - below[k] < minMs) {
          target = k;
          break;
        }
      }
    }
    if (target !== current) {
      s.level = target;
      s.emittedValue = v;
      s.emittedAt = t;
      counters.changes++;
      if (target === NONE) out.push({ kind: 'clear', ruleId: c.rule.id, place, value: v, at: t });
      else
        out.push({
          kind: 'raise',
          ruleId: c.rule.id,
          ruleVersion: c.rule.version,
          metric: c.rule.metric,
          place,
          level: LEVELS[target],
          value: v,
          threshold: thresholds[target],
          at: t,
        });
      return 1;
    }
    if (current === NONE || v === s.emittedValue) return 0;
    const step = UPDATE_STEP_SHARE * Math.abs(thresholds[current]);
    if (t - s.emittedAt >= UPDATE_INTERVAL_MS || (step > 0 && Math.abs(v - s.emittedValue) >= step)) {
      s.emittedValue = v;
      s.emittedAt = t;
      counters.changes++;
      out.push({ kind: 'update', ruleId: c.rule.id, place, value: v, at: t });
      return 1;
    }
    return 0;
  }

  function evaluate(reading: Reading, out: AlertChange[]): number {
    counters.readings++;
    const rules = byMetric.get(reading.metric);
    if (rules === undefined || !Number.isFinite(reading.value)) return 0;
    let n = 0;
    for (let i = 0; i < rules.length; i++) {
      const c = rules[i];
      if (c.rule.scope === reading.place.kind) n += evaluateRule(c, reading, out);
    }
    return n;
  }

  function pendingOf(c: CompiledRule, s: PlaceState): RulePlaceState['pending'] {
    for (let i = c.levels.length - 1; i >= 0 && c.levels[i] > s.level; i--) {
      const k = c.levels[i];
      if (s.above[k] === s.above[k]) return { level: LEVELS[k], since: s.above[k] };
    }
    if (s.level !== NONE && s.below[s.level] === s.below[s.level]) {
      let to: Level | null = null;
      for (let i = c.levels.length - 1; i >= 0; i--)
        if (c.levels[i] < s.level && s.below[c.levels[i]] !== s.below[c.levels[i]]) {
          to = LEVELS[c.levels[i]];
          break;
        }
      return { level: to, since: s.below[s.level] };
    }
    return null;
  }

  function state(): RuleEngineState {
    const rules: RuleEngineState['rules'] = [];
    const places: RulePlaceState[] = [];
    for (const c of byId.values()) {
      let active = 0;
      for (const s of c.places.values()) {
        if (s.level !== NONE) active++;
        const pending = pendingOf(c, s);
        if (s.level !== NONE || pending)
          places.push({
            ruleId: c.rule.id,
            ruleVersion: c.rule.version,
            place: s.place,
            level: s.level === NONE ? null : LEVELS[s.level],
            value: s.value,
            time: s.lastTime,
            pending,
          });
      }
      rules.push({ id: c.rule.id, version: c.rule.version, metric: c.rule.metric, scope: c.rule.scope, places: c.places.size, active });
    }
    return { rules, places, counters: { ...counters } };
  }

  function evaluateAll(readings: readonly Reading[], out: AlertChange[] = []): AlertChange[] {
    for (let i = 0; i < readings.length; i++) evaluate(readings[i], out);
    return out;
  }

  setRules(initial);
  return { evaluate, evaluateAll, setRules, rules: () => set, state };
}
