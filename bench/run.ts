// npm run bench [-- <name>…]: runs the benchmarks against the production build and the mock hub,
// prints their figures and writes them to bench/results/<name>.json. Not part of npm test.
import { mkdirSync, writeFileSync } from 'node:fs';
import setup from '../tests/global-setup.ts';

const BENCHES: Record<string, () => Promise<{ run: () => Promise<object> }>> = {
  'scene-switch-memory': () => import('./scene-switch-memory.ts'),
  ingest: () => import('./ingest.ts'),
  render: () => import('./render.ts'),
  start: () => import('./start.ts'),
  fanout: () => import('./fanout.ts'),
  latency: () => import('./latency.ts'),
  soak: () => import('./soak.ts'),
  rules: () => import('./rules.ts'),
  events: () => import('./events.ts'),
  'designer-edit': () => import('./designer-edit.ts'),
  recorder: () => import('./recorder.ts'),
  playback: () => import('./playback.ts'),
};
/** Benchmarks that run in Node alone: they need no production build. */
const NODE_ONLY = new Set(['rules', 'events', 'recorder']);

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHES);
for (const n of names) if (!BENCHES[n]) throw new Error(`unknown benchmark ${n} (known: ${Object.keys(BENCHES).join(', ')})`);

if (!names.every((n) => NODE_ONLY.has(n))) setup();
const out = new URL('./results/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const name of names) {
  const { run } = await BENCHES[name]();
  const result = { ...(await run()), machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, at: new Date().toISOString() };
  writeFileSync(new URL(`${name}.json`, out), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
}
