import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Place, Reading, Rule, RuleSet } from '../../src/hub/contract.ts';
import { loadRuleFiles } from './rule-files.ts';
import { MAX_PLACES_PER_RULE, createRuleEngine } from './rules-engine.ts';
import type { AlertChange } from './store/event-store.ts';

const S = 1000;
const T0 = Date.UTC(2024, 6, 10, 6);

const site = (id = 'lp-jfb'): Place => ({ kind: 'site', id, name: '临江门下穿道', district: '500103', position: [106.578, 29.563] });
const district = (id = '500103'): Place => ({ kind: 'district', id, name: '渝中区', district: id, position: [106.55, 29.558] });

function rule(over: Partial<Rule> = {}): Rule {
  return {
    id: 'depth',
    version: 1,
    name: '积水',
    nameEn: 'Depth',
    enabled: true,
    metric: 'waterlogging',
    scope: 'site',
    thresholds: { blue: 15, yellow: 27, orange: 40, red: 50 },
    minDurationS: 60,
    hysteresis: 3,
    ...over,
  };
}
const set = (...rules: Rule[]): RuleSet => ({ schemaVersion: 1, rules });

/** Feeds (seconds after T0, value) pairs to an engine and returns every change. */
function feed(engine: ReturnType<typeof createRuleEngine>, points: Array<[number, number]>, place = site(), metric: Reading['metric'] = 'waterlogging') {
  const out: AlertChange[] = [];
  for (const [s, value] of points) engine.evaluate({ metric, place, value, time: T0 + s * S }, out);
  return out;
}
const kinds = (cs: AlertChange[]) => cs.map((c) => (c.kind === 'raise' ? `raise:${c.level}` : c.kind));

describe('rules engine', () => {
  it('adopts a level only after the value held it for minDurationS (reading time)', () => {
    const e = createRuleEngine(set(rule()));
    expect(feed(e, [[0, 20], [30, 21], [59, 22]])).toEqual([]);
    const out = feed(e, [[60, 22]]);
    expect(out).toEqual([
      { kind: 'raise', ruleId: 'depth', ruleVersion: 1, metric: 'waterlogging', place: site(), level: 'blue', value: 22, threshold: 15, at: T0 + 60 * S },
    ]);
  });

  it('restarts the clock when the value dips below the threshold', () => {
    const e = createRuleEngine(set(rule()));
    expect(feed(e, [[0, 20], [50, 10], [70, 20], [120, 20]])).toEqual([]);
    expect(kinds(feed(e, [[130, 20]]))).toEqual(['raise:blue']);
  });

  it('goes straight to the highest level held long enough', () => {
    const e = createRuleEngine(set(rule()));
    expect(kinds(feed(e, [[0, 60], [60, 60]]))).toEqual(['raise:red']);
    // A level reached earlier is adopted first, the higher one when it has been held in turn.
    const f = createRuleEngine(set(rule()));
    expect(kinds(feed(f, [[0, 30], [40, 45], [60, 45], [99, 45], [100, 45]]))).toEqual(['raise:yellow', 'raise:orange']);
  });

  it('leaves a level only below threshold − hysteresis for minDurationS, and clears below the lowest', () => {
    const e = createRuleEngine(set(rule()));
    feed(e, [[0, 30], [60, 30]]); // yellow
    // 25 is below yellow (27) but within its hysteresis (24): the level holds.
    expect(kinds(feed(e, [[70, 25], [200, 25], [400, 25]]))).toEqual(['update']);
    // Below 24 for less than a minute: still yellow (the value moved, so the alert is updated).
    expect(kinds(feed(e, [[410, 20], [460, 20]]))).toEqual(['update']);
    // A minute below: down to blue, a raise that lowers the level.
    const down = feed(e, [[470, 20]]);
    expect(down).toMatchObject([{ kind: 'raise', level: 'blue', threshold: 15, value: 20 }]);
    // Below 12 (15 − 3) for a minute: the alert clears.
    // Below 12 since 600 s; the falling value updates the alert on the way.
    expect(kinds(feed(e, [[500, 13], [600, 11], [659, 0]]))).toEqual(['update', 'update', 'update']);
    expect(feed(e, [[660, 0]])).toEqual([{ kind: 'clear', ruleId: 'depth', place: site(), value: 0, at: T0 + 660 * S }]);
    expect(feed(e, [[700, 0], [800, 0]])).toEqual([]);
  });

  it('falls past several levels at once when the value drops far', () => {
    const e = createRuleEngine(set(rule()));
    feed(e, [[0, 60], [60, 60]]);
    expect(kinds(feed(e, [[100, 30], [160, 30]]))).toEqual(['update', 'raise:yellow']);
    const f = createRuleEngine(set(rule()));
    feed(f, [[0, 60], [60, 60]]);
    expect(kinds(feed(f, [[100, 0], [160, 0]]))).toEqual(['update', 'clear']);
  });

  it('does not raise again for a repeated reading or a steady value', () => {
    const e = createRuleEngine(set(rule()));
    const out = feed(e, [[0, 45], [60, 45], [60, 45], [61, 45], [120, 45], [3600, 45]]);
    expect(kinds(out)).toEqual(['raise:orange']);
  });

  it('updates at most once a minute at the same level, sooner for a move of 10 % of the threshold', () => {
    const e = createRuleEngine(set(rule()));
    feed(e, [[0, 42], [60, 42]]); // orange (40): 10 % is 4 cm
    expect(feed(e, [[70, 43], [80, 44], [90, 45]])).toEqual([]);
    expect(feed(e, [[100, 46.5]])).toMatchObject([{ kind: 'update', value: 46.5 }]);
    expect(feed(e, [[110, 47], [159, 47.5]])).toEqual([]);
    expect(feed(e, [[161, 47.5]])).toMatchObject([{ kind: 'update', value: 47.5, at: T0 + 161 * S }]);
    expect(feed(e, [[300, 47.5]])).toEqual([]); // the same value: nothing to tell
  });

  it('ignores out-of-order readings', () => {
    const e = createRuleEngine(set(rule()));
    feed(e, [[0, 20], [100, 5]]);
    // A stale high reading must neither start nor complete a rise.
    expect(feed(e, [[50, 60], [90, 60]])).toEqual([]);
    expect(feed(e, [[150, 5]])).toEqual([]);
    expect(e.state().counters.outOfOrder).toBe(2);
  });

  it('considers only readings of the rule’s metric and scope, and nothing for disabled rules', () => {
    const e = createRuleEngine(set(rule(), rule({ id: 'off', enabled: false, minDurationS: 0 })));
    expect(feed(e, [[0, 60], [60, 60]], district('lp-jfb'))).toEqual([]);
    expect(feed(e, [[0, 60], [60, 60]], site(), 'rain')).toEqual([]);
    expect(kinds(feed(e, [[0, 60], [60, 60]]))).toEqual(['raise:red']);
  });

  it('evaluates every rule of a metric: one reading, several changes', () => {
    const e = createRuleEngine(set(rule(), rule({ id: 'depth-fast', minDurationS: 0, thresholds: { orange: 30 } })));
    const out = feed(e, [[0, 45]]);
    expect(out.map((c) => c.ruleId)).toEqual(['depth-fast']);
    const more = feed(e, [[60, 45]]);
    expect(more.map((c) => `${c.ruleId}:${c.kind}`)).toEqual(['depth:raise']);
  });

  it('keeps places apart', () => {
    const e = createRuleEngine(set(rule()));
    feed(e, [[0, 45], [60, 45]], site('a'));
    expect(feed(e, [[60, 0]], site('b'))).toEqual([]);
    expect(e.state().places.map((p) => [p.place.id, p.level])).toEqual([['a', 'orange']]);
  });

  it('handles rules with only some levels set', () => {
    const e = createRuleEngine(set(rule({ thresholds: { orange: 40, red: 50 } })));
    expect(feed(e, [[0, 30], [60, 30]])).toEqual([]);
    expect(kinds(feed(e, [[100, 45], [160, 45]]))).toEqual(['raise:orange']);
    expect(kinds(feed(e, [[200, 30], [260, 30]]))).toEqual(['update', 'clear']);
  });

  it('with minDurationS 0 acts on the first reading', () => {
    const e = createRuleEngine(set(rule({ minDurationS: 0 })));
    expect(kinds(feed(e, [[0, 16], [1, 0]]))).toEqual(['raise:blue', 'clear']);
  });

  it('setRules keeps the state of unchanged rules and clears the alerts of changed, disabled or removed ones', () => {
    const a = rule({ id: 'a' });
    const b = rule({ id: 'b' });
    const c = rule({ id: 'c' });
    const e = createRuleEngine(set(a, b, c));
    feed(e, [[0, 45], [30, 45]]); // pending orange for all three
    const out: AlertChange[] = [];
    expect(e.setRules(set(a, { ...b, version: 2 }, c), out)).toBe(0); // nothing stood yet
    // a and c kept their clocks: orange at 60 s; b starts again.
    expect(feed(e, [[60, 45]]).map((x) => `${x.ruleId}:${x.kind}`)).toEqual(['a:raise', 'c:raise']);
    expect(feed(e, [[90, 45]])).toEqual([]);
    expect(feed(e, [[120, 45]]).map((x) => `${x.ruleId}:${x.kind}`)).toEqual(['b:raise']);
    expect(e.state().places.filter((p) => p.level === 'orange')).toHaveLength(3);

    const changes: AlertChange[] = [];
    const n = e.setRules(set(a, { ...b, version: 3, thresholds: { red: 50 } }, { ...c, enabled: false }), changes);
    expect(n).toBe(2);
    expect(changes.map((x) => `${x.ruleId}:${x.kind}`).sort()).toEqual(['b:clear', 'c:clear']);
    expect(changes[0]).toMatchObject({ value: 45, at: T0 + 120 * S });
    // a still stands at orange and raises nothing new.
    expect(feed(e, [[130, 45]])).toEqual([]);
    expect(e.state().rules.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('treats a rule whose thresholds changed under the same version as changed', () => {
    const e = createRuleEngine(set(rule()));
    feed(e, [[0, 45], [60, 45]]);
    const out: AlertChange[] = [];
    e.setRules(set(rule({ thresholds: { red: 60 } })), out);
    expect(kinds(out)).toEqual(['clear']);
  });

  it('reports pending changes and counters in state()', () => {
    const e = createRuleEngine(set(rule()));
    feed(e, [[0, 45], [30, 45]]);
    const st = e.state();
    expect(st.places).toEqual([
      { ruleId: 'depth', ruleVersion: 1, place: site(), level: null, value: 45, time: T0 + 30 * S, pending: { level: 'orange', since: T0 } },
    ]);
    expect(st.rules).toEqual([{ id: 'depth', version: 1, metric: 'waterlogging', scope: 'site', places: 1, active: 0 }]);
    expect(st.counters.readings).toBe(2);
    feed(e, [[60, 45], [100, 0]]);
    expect(e.state().places[0].pending).toEqual({ level: null, since: T0 + 100 * S });
  });

  it('bounds the places it tracks per rule', () => {
    const e = createRuleEngine(set(rule({ minDurationS: 0 })));
    const out: AlertChange[] = [];
    for (let i = 0; i <= MAX_PLACES_PER_RULE; i++) e.evaluate({ metric: 'waterlogging', place: site(`p${i}`), value: 0, time: T0 }, out);
    expect(e.state().counters.overflow).toBe(1);
    expect(e.state().rules[0].places).toBe(MAX_PLACES_PER_RULE);
  });

  it('never emits an update or clear for a place without a standing alert, nor two raises of one level in a row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.float({ min: -10, max: 80, noNaN: true })), { maxLength: 200 }),
        fc.integer({ min: 0, max: 3 }),
        (steps, hyst) => {
          const e = createRuleEngine(set(rule({ hysteresis: hyst })));
          let t = 0;
          let standing: string | null = null;
          for (const [dt, v] of steps) {
            t += dt;
            for (const c of feed(e, [[t, v]])) {
              if (c.kind === 'raise') {
                expect(c.level).not.toBe(standing);
                standing = c.level;
              } else {
                expect(standing).not.toBeNull();
                if (c.kind === 'clear') standing = null;
              }
            }
          }
        },
      ),
    );
  });

  it('runs the default rules', () => {
    const e = createRuleEngine(loadRuleFiles());
    const out = feed(e, [[0, 55], [600, 55]], district(), 'rain');
    expect(out).toMatchObject([{ kind: 'raise', ruleId: 'rain-hourly', level: 'orange', threshold: 50 }]);
  });
});
