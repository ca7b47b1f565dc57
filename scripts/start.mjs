#!/usr/bin/env node
// Starts the mock city hub and the wall client together on loopback.
//   npm start            build the client, then serve it (vite preview) beside the hub
//   npm start -- --dev   vite dev server with hot reload instead of a build
// Environment: HUB_HOST, HUB_PORT (8787), CLIENT_HOST, CLIENT_PORT (5173), HUB_SEED, HUB_TICK_MS.
import { spawn, spawnSync } from 'node:child_process';

const dev = process.argv.includes('--dev');
const hubHost = process.env.HUB_HOST ?? '127.0.0.1';
const hubPort = process.env.HUB_PORT ?? '8787';
const clientHost = process.env.CLIENT_HOST ?? '127.0.0.1';
const clientPort = process.env.CLIENT_PORT ?? '5173';
const hubUrl = process.env.HUB_URL ?? `http://${hubHost}:${hubPort}`;
const env = { ...process.env, HUB_HOST: hubHost, HUB_PORT: hubPort, HUB_URL: hubUrl };
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

if (!dev) {
  console.log('[start] building the wall client…');
  const build = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children = [
  spawn(process.execPath, ['--import', 'tsx', 'mock-server/main.ts'], { stdio: 'inherit', env }),
  spawn(bin('vite'), [dev ? 'serve' : 'preview', '--host', clientHost, '--port', clientPort, '--strictPort'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  }),
];

console.log(`
  OneScreen is starting (simulated city hub, no external services):
    wall     http://${clientHost}:${clientPort}/wall        (diagnostics: /wall?diag=1)
    console  http://${clientHost}:${clientPort}/console     (operator sign-in: see the hub's warning or README)
    hub      ${hubUrl}/api/v1/health
  Ctrl-C stops both.
`);

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300);
};
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
