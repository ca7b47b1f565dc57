#!/usr/bin/env node
// npm test: every test the project has, on a fresh machine. Installs what the browser tests need
// (Debian's chromium, fonts-noto-cjk, and Mesa's EGL and llvmpipe driver for software WebGL: see
// tests/browser.ts), the Redis scale-out test needs (redis-server) and the event store's tests need
// (postgresql) when missing, then runs, in order and stopping at the first failure: the type check,
// the import rules, the unit tests, the end-to-end tests in headless Chromium.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const run = (label, cmd, args) => {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${label} failed`);
    process.exit(r.status ?? 1);
  }
};

function hasCjkFont() {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).includes('Noto Sans CJK');
  } catch {
    return false;
  }
}

/** Debian's PostgreSQL server binaries (/usr/lib/postgresql/<major>/bin/postgres), for the event store's tests. */
function hasPostgres() {
  if (process.env.PG_BIN_DIR) return existsSync(`${process.env.PG_BIN_DIR}/postgres`);
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`));
  } catch {
    return false;
  }
}

function ensureSystemPackages() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const missing = [];
  if (!existsSync(chromium)) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (!existsSync('/usr/lib/x86_64-linux-gnu/libEGL_mesa.so.0') && !existsSync('/usr/lib/aarch64-linux-gnu/libEGL_mesa.so.0')) missing.push('libegl-mesa0');
  if (!existsSync('/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so') && !existsSync('/usr/lib/aarch64-linux-gnu/dri/swrast_dri.so')) missing.push('libgl1-mesa-dri');
  if (!existsSync(process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server')) missing.push('redis-server');
  // The tests start their own throw-away server; a cluster the package may start is not used.
  if (!hasPostgres()) missing.push('postgresql');
  if (!missing.length) return;
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  console.log(`▶ installing ${missing.join(', ')} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', ...missing]]) {
    const [cmd, ...rest] = [...sudo, ...args];
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`could not install ${missing.join(', ')}: run "apt-get install -y ${missing.join(' ')}" as root`);
      process.exit(1);
    }
  }
}

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

ensureSystemPackages();
run('type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
// The layers of the code and which may import which: .dependency-cruiser.cjs.
run('import rules', bin('depcruise'), ['src', 'mock-server', 'scripts', 'tests', 'bench', '--config', '.dependency-cruiser.cjs']);
run('unit tests', bin('vitest'), ['run']);
run('end-to-end tests (headless Chromium)', bin('vitest'), ['run', '-c', 'vitest.e2e.config.ts']);
console.log('\n✓ all tests passed');
