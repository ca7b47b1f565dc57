/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The wall learns where its hub is at run time (not build time), so one build serves any hub.
function runtimeConfig(): Plugin {
  const body = () =>
    JSON.stringify({
      hubUrl: process.env.HUB_URL ?? `http://127.0.0.1:${process.env.HUB_PORT ?? 8787}`,
      // Served to displays on the operations network so they can get their receive-only token.
      ...(process.env.HUB_DISPLAY_KEY ? { displayKey: process.env.HUB_DISPLAY_KEY } : {}),
    });
  const handler = (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/runtime-config.json') return next();
    res.setHeader('content-type', 'application/json');
    res.setHeader('cache-control', 'no-store');
    res.end(body());
  };
  return {
    name: 'onescreen-runtime-config',
    configureServer: (server) => void server.middlewares.use(handler),
    configurePreviewServer: (server) => void server.middlewares.use(handler),
  };
}

export default defineConfig({
  plugins: [react(), runtimeConfig()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['src/**/*.test.ts', 'mock-server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Simulator days and real hubs take seconds on a quiet 2-core machine and several times that on
    // a busy one: the limits say "hung", not "slow" (timings belong in benchmarks).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
