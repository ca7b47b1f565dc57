// The response headers of the wall's web server (vite preview for `npm start` and the tests, the
// Vite dev server for `npm run dev`): a Content-Security-Policy that lets no inline or injected
// script run, and no framing, sniffing or referrer leaks. vite.config.ts mounts wallHeaders() as
// middleware; the tests read wallCsp() and run the middleware.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** Where the wall's hub is: HUB_URL, else loopback on HUB_PORT (8787), as /runtime-config.json says. */
export function hubUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  return env.HUB_URL || `http://127.0.0.1:${env.HUB_PORT || 8787}`;
}

/** The hub's origins for CSP: its http(s) origin and the ws(s) one socket.io upgrades to. None when HUB_URL is no URL. */
export function hubSources(hubUrl: string): { http: string; ws: string } | null {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { http: url.origin, ws: `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}` };
}

export interface WallCspOptions {
  hubUrl: string;
  /**
   * The Vite dev server: its index.html carries an inline module script (the React-refresh
   * preamble @vitejs/plugin-react injects, and Vite's client import), which a strict script-src
   * would block, so dev allows inline scripts. Never for what `npm start`, the tests or a wall
   * serve: they run vite preview over the build, whose index.html has no inline script.
   */
  dev?: boolean;
}

/** The CSP directives (helmet's camelCase names). */
export function wallCspDirectives({ hubUrl, dev = false }: WallCspOptions): Record<string, string[]> {
  const hub = hubSources(hubUrl);
  return {
    defaultSrc: ["'self'"],
    // 'wasm-unsafe-eval' lets WebAssembly compile, nothing more: no string of JavaScript is ever
    // evaluated ('unsafe-eval' stays out) and no inline script runs. @loaders.gl/gltf's meshopt
    // decoder compiles its WebAssembly as soon as it is imported (an unhandled rejection, i.e. a
    // page error, without it) and @loaders.gl/3d-tiles' 64-bit maths (long.js) uses WebAssembly.
    scriptSrc: ["'self'", "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-inline'"] : [])],
    scriptSrcAttr: ["'none'"],
    // echarts, maplibre-gl and React's style props set inline styles; only scripts must not be inline.
    styleSrc: ["'self'", "'unsafe-inline'"],
    // The wall's own files, data: icons, blob: images (maplibre decodes tiles and sprites into object URLs).
    imgSrc: ["'self'", 'data:', 'blob:', ...(hub ? [hub.http] : [])],
    fontSrc: ["'self'", 'data:'],
    // REST and socket.io (polling over http(s), then WebSocket over ws(s)) to the hub; 'self' covers
    // /runtime-config.json, the static data and (dev) Vite's HMR socket.
    connectSrc: ["'self'", ...(hub ? [hub.http, hub.ws] : [])],
    // maplibre-gl starts its worker from a blob: URL of its bundled worker source; the decode worker is a file of ours.
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    // The scene designer embeds the wall as its live preview (same origin); no other site may frame it.
    frameAncestors: ["'self'"],
  };
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The Content-Security-Policy header value, as the wall's server sends it. */
export function wallCsp(options: WallCspOptions): string {
  return Object.entries(wallCspDirectives(options))
    .map(([name, values]) => `${kebab(name)} ${values.join(' ')}`)
    .join('; ');
}

/** Connect middleware (Vite's server.middlewares) that sets the wall's security headers on every response. */
export function wallHeaders(options: WallCspOptions): (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void {
  return helmet({
    // useDefaults off: helmet's defaults add upgrade-insecure-requests, which would send the wall's
    // http:// hub requests to https.
    contentSecurityPolicy: { useDefaults: false, directives: wallCspDirectives(options) },
    xFrameOptions: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
    // Served over plain HTTP on loopback or the operations network; TLS (and HSTS) is a proxy's job.
    strictTransportSecurity: false,
  });
}
