#!/usr/bin/env node
// Starts the mock city hub and the wall client together on loopback: the demo on one machine.
//   npm start            build the client, then serve it (vite preview) beside the hub
//   npm start -- --dev   vite dev server with hot reload instead of a build
// Environment: HUB_HOST, HUB_PORT (8787), CLIENT_HOST, CLIENT_PORT (5173), HUB_SEED, HUB_TICK_MS,
// HUB_DEMO (1 here: see the banner), HUB_OPERATOR_USER / HUB_OPERATOR_PASSWORD, HUB_LOG_LEVEL.
//
// Ctrl-C, SIGTERM or SIGHUP stop everything this started: each child is sent SIGTERM, waited for,
// and killed if it has not exited after STOP_GRACE_MS; only then does this process exit.
import { spawn } from 'node:child_process';

const STOP_GRACE_MS = 8000;
const dev = process.argv.includes('--dev');
const hubHost = process.env.HUB_HOST ?? '127.0.0.1';
const hubPort = process.env.HUB_PORT ?? '8787';
const clientHost = process.env.CLIENT_HOST ?? '127.0.0.1';
const clientPort = process.env.CLIENT_PORT ?? '5173';
// A hub listening on every interface is still reached on loopback here (its Host check answers
// loopback names; 0.0.0.0 is no address a browser should be sent to).
const hubReachAt = ['0.0.0.0', '::', '[::]'].includes(hubHost) ? '127.0.0.1' : hubHost.includes(':') ? `[${hubHost}]` : hubHost;
const hubUrl = process.env.HUB_URL ?? `http://${hubReachAt}:${hubPort}`;
// `npm start` is the demo: the hub enrols loopback displays at once and accepts the default
// operator password (mock-server/control/config.ts). HUB_DEMO=0 turns that off.
const demo = (process.env.HUB_DEMO ?? '1') === '1';
const env = { ...process.env, HUB_HOST: hubHost, HUB_PORT: hubPort, HUB_URL: hubUrl, HUB_DEMO: demo ? '1' : '0' };
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
let stopping = false;

/** Starts a child; with `essential`, its ending on its own (a crash, a port in use) ends the demo. */
function run(command, args, options, essential = true) {
  const child = spawn(command, args, { env, ...options });
  running.add(child);
  child.once('exit', (code, signal) => {
    running.delete(child);
    if (stopping) {
      if (running.size === 0) process.exit(process.exitCode ?? 0);
    } else if (essential) stop(code ?? (signal ? 1 : 0));
  });
  child.once('error', (err) => {
    console.error(`[start] ${command}: ${err.message}`);
    running.delete(child);
    stop(1);
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (running.size === 0) process.exit(code);
  for (const child of running) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of running) {
      console.error(`[start] pid ${child.pid} did not stop in ${STOP_GRACE_MS / 1000} s: killing it`);
      child.kill('SIGKILL');
    }
  }, STOP_GRACE_MS).unref();
}

// Registered before anything starts, so a signal during the build stops the build too.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

if (!dev) {
  console.log('[start] building the wall client…');
  const build = run(bin('vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit' }, false);
  const code = await new Promise((resolve) => build.once('exit', (c) => resolve(c)));
  if (code !== 0 || stopping) {
    stop(code ?? 1);
    await new Promise(() => {}); // the exit handler ends the process
  }
}

run(process.execPath, ['--import', 'tsx', 'mock-server/main.ts'], { stdio: 'inherit' });
run(bin('vite'), [dev ? 'serve' : 'preview', '--host', clientHost, '--port', clientPort, '--strictPort'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

const operatorUser = process.env.HUB_OPERATOR_USER || 'operator';
const operatorPassword = process.env.HUB_OPERATOR_PASSWORD ? '(HUB_OPERATOR_PASSWORD)' : 'onescreen';
const designerUser = process.env.HUB_DESIGNER_USER || 'designer';
const designerPassword = process.env.HUB_DESIGNER_PASSWORD ? '(HUB_DESIGNER_PASSWORD)' : 'onescreen';
console.log(`
  OneScreen is starting (simulated city hub, no external services):
    wall     http://${clientHost}:${clientPort}/wall        (diagnostics: /wall?diag=1)
    console  http://${clientHost}:${clientPort}/console     (sign-in ${operatorUser} / ${operatorPassword})
    designer http://${clientHost}:${clientPort}/designer    (sign-in ${designerUser} / ${designerPassword})
    hub      ${hubUrl}/api/v1/health   (logs JSON lines; HUB_LOG_LEVEL=debug for more)
${
  demo
    ? `  DEMO MODE (HUB_DEMO=1): displays on this machine (loopback) are approved automatically;
  sign-in ${operatorUser} / ${operatorPassword}. Not for an operations network.`
    : '  HUB_DEMO=0: displays wait for an operator to approve them in the console.'
}
  Ctrl-C (or SIGTERM) stops both.
`);
