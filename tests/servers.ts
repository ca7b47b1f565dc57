// Starts and stops the real hub and the built wall client for end-to-end tests: separate
// processes on loopback, each ended by its own id when a test file is done. Ports are free ones
// chosen at start unless a caller names one (benchmarks do).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * A free loopback port: the kernel picks one for a listener on port 0, which is closed again at
 * once so that the process under test can take it.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Processes started here and still running: killed by their own ids if the test process exits without stopping them. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** Simulator sizes for browser tests. */
export const TEST_SIZES: Record<string, string> = {
  HUB_TRAFFIC_VEHICLES: '2000',
  HUB_BUILDINGS: '3000',
};

export interface TestHub {
  /** http://127.0.0.1:port; known once the port is (a named port, or after reservePort or start). */
  readonly url: string;
  /** Chooses the free port now (if none is named) without starting: the wall can be told the URL early. */
  reservePort(): Promise<string>;
  /** Starts the hub; a restart after stop() takes the same port, so walls reconnect to the same URL. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The mock hub with fault injection enabled and test-size simulators (hundreds of entities: software
 * WebGL is slow). On `port`, or on a free port chosen at the first start (port left out or 0) and
 * kept for restarts. `env` adds to or overrides the hub's environment.
 */
export function testHub(port = 0, env: Record<string, string> = {}): TestHub {
  let child: ChildProcess | null = null;
  // The hub's database on disk for this hub's life, as in production: enrolled displays, revocations
  // and events survive its restarts. Removed when the test process ends.
  let dataDir: string | null = null;
  const database = () => {
    if (env.HUB_DATA_DIR) return env.HUB_DATA_DIR;
    if (!dataDir) {
      const dir = (dataDir = mkdtempSync(join(tmpdir(), 'onescreen-hub-')));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    return dataDir;
  };
  const url = () => {
    if (!port) throw new Error('testHub: the port is chosen at start (or reservePort)');
    return `http://127.0.0.1:${port}`;
  };
  const reservePort = async () => {
    if (!port) port = await freePort();
    return url();
  };
  return {
    get url() {
      return url();
    },
    reservePort,
    async start() {
      await reservePort();
      child = track(
        spawn(process.execPath, ['--import', 'tsx', 'mock-server/main.ts'], {
          cwd: ROOT,
          // Demo mode: the wall pages on loopback are enrolled at once.
          env: { ...process.env, ...TEST_SIZES, HUB_PORT: String(port), HUB_SIM_FAULTS: '1', HUB_TICK_MS: '1000', HUB_DEMO: '1', ...env, HUB_DATA_DIR: database() },
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
      await waitForHttp(`${url()}/api/v1/health`, child);
    },
    async stop() {
      if (child) await stopProcess(child);
      child = null;
    },
  };
}

/** The built wall client (vite preview over dist/ or E2E_OUT_DIR), told where its hub is; on `port`, or a free one when 0. */
export async function startClient(port: number, hubUrl: string) {
  const outDir = process.env.E2E_OUT_DIR ?? 'dist';
  if (!port) port = await freePort();
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir];
  const child = track(
    spawn(`${ROOT}node_modules/.bin/vite`, args, {
      cwd: ROOT,
      env: { ...process.env, HUB_URL: hubUrl },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/runtime-config.json`, child);
  } catch (err) {
    await stopProcess(child);
    throw err;
  }
  return { url, stop: () => stopProcess(child) };
}
