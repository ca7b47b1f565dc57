// The wall's web server headers (wall-headers.ts, mounted by vite.config.ts), run as the
// middleware they are on a plain node:http server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { hubSources, hubUrlFromEnv, wallCsp, wallHeaders, type WallCspOptions } from './wall-headers.ts';

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function headersOf(options: WallCspOptions) {
  const mw = wallHeaders(options);
  server = createServer((req, res) => mw(req, res, () => res.end('<!doctype html>')));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/wall`);
  return res.headers;
}

/** "a b c; d e" → { a: ['b', 'c'], d: ['e'] } */
function parseCsp(value: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of value.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    out[name] = values;
  }
  return out;
}

describe('the wall server headers', () => {
  it('send a strict CSP for what preview serves: no inline or eval script, the hub for data', async () => {
    const headers = await headersOf({ hubUrl: 'http://127.0.0.1:8787' });
    const csp = parseCsp(headers.get('content-security-policy')!);
    expect(csp).toEqual(parseCsp(wallCsp({ hubUrl: 'http://127.0.0.1:8787' })));
    // WebAssembly may compile (glTF meshopt decoder, long.js); no JavaScript eval, no inline script.
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['connect-src']).toEqual(["'self'", 'http://127.0.0.1:8787', 'ws://127.0.0.1:8787']);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:', 'http://127.0.0.1:8787']);
    expect(csp['worker-src']).toEqual(["'self'", 'blob:']);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['font-src']).toEqual(["'self'", 'data:']);
    // helmet's default would upgrade the http:// hub to https.
    expect(csp).not.toHaveProperty('upgrade-insecure-requests');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('strict-transport-security')).toBeNull();
  });

  it('relax script-src only for the dev server (its inline React-refresh preamble)', async () => {
    const csp = parseCsp((await headersOf({ hubUrl: 'http://127.0.0.1:8787', dev: true })).get('content-security-policy')!);
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'"]);
    expect(csp['script-src']).not.toContain("'unsafe-eval'");
    expect(csp['frame-ancestors']).toEqual(["'self'"]);
  });

  it('follow the hub URL: https gives wss, a path is dropped, a bad URL adds nothing', () => {
    expect(hubSources('https://hub.ops.example/base/')).toEqual({ http: 'https://hub.ops.example', ws: 'wss://hub.ops.example' });
    expect(hubSources('http://10.0.0.5:9000')).toEqual({ http: 'http://10.0.0.5:9000', ws: 'ws://10.0.0.5:9000' });
    expect(hubSources('not a url')).toBeNull();
    expect(hubSources('javascript:alert(1)')).toBeNull();
    expect(parseCsp(wallCsp({ hubUrl: 'nope' }))['connect-src']).toEqual(["'self'"]);
  });

  it('read the hub URL as /runtime-config.json does', () => {
    expect(hubUrlFromEnv({})).toBe('http://127.0.0.1:8787');
    expect(hubUrlFromEnv({ HUB_PORT: '9100' })).toBe('http://127.0.0.1:9100');
    expect(hubUrlFromEnv({ HUB_URL: 'http://hub:1', HUB_PORT: '9100' })).toBe('http://hub:1');
  });
});
