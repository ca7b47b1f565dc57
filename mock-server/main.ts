import { startHub } from './server.ts';
import { controlOptionsFromEnv } from './control/config.ts';
import { createHubLog } from './log.ts';

/** The simulated city hub. Configuration is by environment; defaults suit one machine. */
const env = process.env;
const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

// JSON lines on stdout (mock-server/log.ts), level HUB_LOG_LEVEL (info). Only the banner below is prose.
const { log } = createHubLog({ level: env.HUB_LOG_LEVEL });
const host = env.HUB_HOST ?? '127.0.0.1';
const allowedHosts = list(env.HUB_ALLOWED_HOSTS);
const hub = await startHub({
  host,
  port: Number(env.HUB_PORT ?? 8787),
  seed: Number(env.HUB_SEED ?? 20180830),
  tickMs: Number(env.HUB_TICK_MS ?? 1000),
  corsOrigins: list(env.HUB_CORS_ORIGINS),
  // Host names the hub answers to besides loopback and HUB_HOST (DNS rebinding; mock-server/edges.ts).
  allowedHosts,
  faults: env.HUB_SIM_FAULTS === '1',
  scenesDir: env.HUB_SCENES_DIR,
  // Operator credential, token secret and lifetimes, demo mode, REDIS_URL: see docs/hub-contract.md.
  control: controlOptionsFromEnv(env),
  log,
  // Events, alerts, rules and the audit log persist here (PGlite) unless DATABASE_URL names a server.
  env: { ...env, HUB_DATA_DIR: env.HUB_DATA_DIR ?? 'data/hub' },
});
if (['0.0.0.0', '::', '[::]'].includes(host) && allowedHosts.length === 0)
  log('WARNING: listening on every interface, but only loopback Host names are answered: list the names walls use in HUB_ALLOWED_HOSTS', { host });
log('listening', { url: hub.url });
console.log(`[hub] OneScreen mock hub (simulated data) listening on ${hub.url}`);

let stopping = false;
const stop = async () => {
  // Ctrl-C under `npm start` brings SIGINT from the terminal and SIGTERM from start.mjs: one close.
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 10_000).unref();
  try {
    await hub.close();
    process.exit(0);
  } catch (err) {
    log('close failed', { error: (err as Error).message });
    process.exit(1);
  }
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
