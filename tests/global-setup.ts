import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** End-to-end tests run against the production build, as a wall would. */
export default function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = process.env.E2E_OUT_DIR ?? 'dist';
  const build = spawnSync(`${root}node_modules/.bin/vite`, ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
}
