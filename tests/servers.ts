// Starts and stops the real hub and the built wall client for end-to-end tests: separate
// processes on loopback, each ended by its own id when a test file is done.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function waitForHttp(url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
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
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The mock hub with fault injection enabled and test-size simulators (hundreds of entities: software
 * WebGL is slow), on a fixed port so it can be stopped and restarted.
 */
export function testHub(port: number, env: Record<string, string> = {}): TestHub {
  let child: ChildProcess | null = null;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...TEST_SIZES, HUB_PORT: String(port), HUB_SIM_FAULTS: '1', HUB_TICK_MS: '1000', ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await waitForHttp(`${url}/api/v1/health`);
    },
    async stop() {
      if (child) await stopProcess(child);
      child = null;
    },
  };
}

/** The built wall client (vite preview over dist/), told where its hub is. */
export async function startClient(port: number, hubUrl: string) {
  const outDir = process.env.E2E_OUT_DIR ?? 'dist';
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir];
  const child = spawn(`${ROOT}node_modules/.bin/vite`, args, {
    cwd: ROOT,
    env: { ...process.env, HUB_URL: hubUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/runtime-config.json`);
  return { url, stop: () => stopProcess(child) };
}
