import { startHub } from './server.ts';
import { controlOptionsFromEnv } from './control/config.ts';

/** The simulated city hub. Configuration is by environment; defaults suit one machine. */
const env = process.env;
const hub = await startHub({
  host: env.HUB_HOST ?? '127.0.0.1',
  port: Number(env.HUB_PORT ?? 8787),
  seed: Number(env.HUB_SEED ?? 20180830),
  tickMs: Number(env.HUB_TICK_MS ?? 1000),
  corsOrigins: (env.HUB_CORS_ORIGINS ?? '').split(',').filter(Boolean),
  faults: env.HUB_SIM_FAULTS === '1',
  scenesDir: env.HUB_SCENES_DIR,
  // Operator credential, token secret and lifetimes, display key, REDIS_URL: see docs/hub-contract.md.
  control: controlOptionsFromEnv(env),
  log: (msg) => console.log(`[hub] ${msg}`),
  // Events, alerts, rules and the audit log persist here (PGlite) unless DATABASE_URL names a server.
  env: { ...env, HUB_DATA_DIR: env.HUB_DATA_DIR ?? 'data/hub' },
});
console.log(`[hub] OneScreen mock hub (simulated data) listening on ${hub.url}`);

const stop = async () => {
  await hub.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
