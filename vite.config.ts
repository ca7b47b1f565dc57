/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { hubUrlFromEnv, wallHeaders } from './scripts/lib/wall-headers.ts';

// The wall learns where its hub is at run time (not build time), so one build serves any hub. It
// holds no secret: anyone who can reach the wall's server reads it (displays enrol with the hub).
function runtimeConfig(): Plugin {
  const body = () => JSON.stringify({ hubUrl: hubUrlFromEnv(process.env) });
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

// CSP (scripts only from the wall's own files; the hub's origins for data), nosniff, no referrer,
// no framing: scripts/lib/wall-headers.ts. Mounted before every other middleware, so each response
// of either server carries them. HUB_URL is read at run time (server start), not build time.
function securityHeaders(): Plugin {
  return {
    name: 'onescreen-security-headers',
    // Dev allows the inline React-refresh preamble Vite injects (see WallCspOptions.dev); preview is strict.
    configureServer: (server) => void server.middlewares.use(wallHeaders({ hubUrl: hubUrlFromEnv(process.env), dev: true })),
    configurePreviewServer: (server) => void server.middlewares.use(wallHeaders({ hubUrl: hubUrlFromEnv(process.env) })),
  };
}

export default defineConfig({
  plugins: [react(), securityHeaders(), runtimeConfig()],
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
