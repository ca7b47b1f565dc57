// Rules engine throughput, in Node alone (no build, no browser): the default rules
// (rules/default.json) against synthetic readings over ~2,000 places, every metric, values that
// wander across the thresholds so alerts are raised, updated and cleared along the way.
//   npm run bench -- rules            (RULES_READINGS sets the count, default 3,000,000)
import { METRICS, type Metric, type Place, type Reading } from '../src/hub/contract.ts';
import { createRandom } from '../mock-server/sim/random.ts';
import { loadRuleFiles } from '../mock-server/events/rule-files.ts';
import { createRuleEngine } from '../mock-server/events/rules-engine.ts';
import type { AlertChange } from '../mock-server/events/store/event-store.ts';
import { round } from './stats.ts';

const READINGS = Number(process.env.RULES_READINGS ?? 3_000_000);
const PLACES = 2000;
/** Values per place, replayed in rounds with time moving on. */
const STEPS = 500;
const STEP_MS = 5000;

export async function run() {
  const rules = loadRuleFiles();
  const r = createRandom(20180830);
  const metrics = Object.keys(METRICS) as Metric[];
  // Each place watches one metric of a rule; its value wanders between 0 and 1.3× the red threshold.
  const readings: Reading[] = [];
  const values = new Float64Array(PLACES * STEPS);
  for (let p = 0; p < PLACES; p++) {
    const rule = rules.rules[p % rules.rules.length];
    const metric = metrics.includes(rule.metric) ? rule.metric : metrics[0];
    const place: Place = {
      kind: rule.scope,
      id: `${rule.scope === 'district' ? 'd' : 's'}${p}`,
      name: `place ${p}`,
      district: String(500101 + (p % 38)),
      position: [105.5 + r.next() * 4.5, 28.3 + r.next() * 3.5],
    };
    readings.push({ metric, place, value: 0, time: 0 });
    const top = (rule.thresholds.red ?? rule.thresholds.orange ?? 1) * 1.3;
    const period = r.range(50, 400);
    const phase = r.next() * Math.PI * 2;
    for (let s = 0; s < STEPS; s++) values[s * PLACES + p] = top * (0.5 + 0.5 * Math.sin(phase + (2 * Math.PI * s) / period)) + r.gauss() * top * 0.01;
  }
  const engine = createRuleEngine(rules);
  const out: AlertChange[] = [];
  const t0 = Date.UTC(2024, 6, 10);
  let step = 0;
  const counts = { raise: 0, update: 0, clear: 0 };
  const pass = (limit: number) => {
    for (let done = 0; done < limit; step++) {
      const s = step % STEPS;
      const time = t0 + step * STEP_MS;
      for (let p = 0; p < PLACES && done < limit; p++, done++) {
        const reading = readings[p];
        reading.value = values[s * PLACES + p];
        reading.time = time;
        engine.evaluate(reading, out);
      }
      for (const c of out) counts[c.kind]++;
      out.length = 0;
    }
  };
  pass(Math.min(500_000, READINGS)); // warm up the JIT
  counts.raise = counts.update = counts.clear = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  pass(READINGS);
  const seconds = (performance.now() - start) / 1000;
  // CPU time as well: on a shared machine the wall clock counts other processes' turns.
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const state = engine.state();
  const result = {
    readings: READINGS,
    places: PLACES,
    rules: rules.rules.length,
    seconds: round(seconds, 3),
    readingsPerSecond: Math.round(READINGS / seconds),
    cpuSeconds: round(cpuSeconds, 3),
    readingsPerCpuSecond: Math.round(READINGS / cpuSeconds),
    nsPerReading: round((seconds * 1e9) / READINGS, 1),
    changes: counts,
    activeAlertsAtEnd: state.rules.reduce((a, x) => a + x.active, 0),
  };
  console.error(
    `rules: ${result.readingsPerSecond.toLocaleString('en')} readings/s over ${PLACES} places (${result.nsPerReading} ns a reading; ` +
      `${result.readingsPerCpuSecond.toLocaleString('en')} per CPU second)`,
  );
  return result;
}
