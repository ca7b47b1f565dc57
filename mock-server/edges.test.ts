// The hub's edge (edges.ts) on a small express app + socket.io server of its own, as server.ts
// mounts it: headers, allowed Host names, allowed socket origins.
import { createServer, request, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import cors from 'cors';
import { Server as IoServer } from 'socket.io';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubEdges, parseHost } from './edges.ts';

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const CORS_ORIGINS = ['http://wall.ops.example:5173'];
// The rule server.ts uses for CORS and sockets.
const allowOrigin = (origin: string | undefined) => !origin || LOOPBACK_ORIGIN.test(origin) || CORS_ORIGINS.includes(origin);

const logged: { msg: string; fields?: Record<string, unknown> }[] = [];
let httpServer: HttpServer;
let io: IoServer;
let port: number;

beforeAll(async () => {
  const edges = hubEdges({
    listenHost: '10.1.2.3',
    allowedHosts: ['hub.ops.example:8787', 'Wall-Hub.Ops.Example', 'http://not-a-host/'],
    originAllowed: allowOrigin,
    log: (msg, fields) => void logged.push({ msg, fields }),
  });
  const app = express();
  app.disable('x-powered-by');
  app.use(edges.middleware);
  app.use(cors({ origin: (origin, cb) => cb(null, allowOrigin(origin)) }));
  app.get('/api/v1/health', (_req, res) => void res.json({ status: 'ok' }));
  app.use((_req, res) => void res.status(404).json({ error: 'not-found', message: 'no such endpoint' }));
  httpServer = createServer(app);
  io = new IoServer(httpServer, { cors: { origin: (origin, cb) => cb(null, allowOrigin(origin)) }, allowRequest: edges.allowRequest });
  io.on('connection', (socket) => socket.emit('hello', 'hub'));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  port = (httpServer.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

/** A request with the headers given (Host included: fetch would not let us set it). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, setHost: !('host' in headers) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Connects with the given transport and headers: resolves 'connected' or the error's message. */
function connect(transport: 'polling' | 'websocket', extraHeaders: Record<string, string>) {
  return new Promise<string>((resolve) => {
    const socket: Socket = ioClient(`http://127.0.0.1:${port}`, { transports: [transport], extraHeaders, reconnection: false, timeout: 5000 });
    socket.once('hello', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
  });
}

describe('hub edge: headers', () => {
  it('sends the security headers on every response, errors included', async () => {
    for (const path of ['/api/v1/health', '/nothing-here']) {
      const res = await get(path);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('keeps CORS working for the wall and console on loopback', async () => {
    const res = await get('/api/v1/health', { origin: 'http://127.0.0.1:5173' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    expect((await get('/api/v1/health', { origin: 'http://evil.example' })).headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('hub edge: allowed Host names (DNS rebinding)', () => {
  it('refuses a Host it was not given, with the JSON error body', async () => {
    for (const host of ['evil.example', 'evil.example:' + port, '127.0.0.1.evil.example', 'hub.ops.example:9999', '']) {
      const res = await get('/api/v1/health', { host });
      expect(res.status, host).toBe(421);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'bad-host', message: expect.any(String) });
      // The refusal carries the headers too.
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers loopback names on any port, the listen address, and HUB_ALLOWED_HOSTS', async () => {
    const hosts = [`127.0.0.1:${port}`, 'localhost:1234', 'LOCALHOST', '[::1]:8787', '10.1.2.3:8787', 'hub.ops.example:8787', 'wall-hub.ops.example:443'];
    for (const host of hosts) expect((await get('/api/v1/health', { host })).status, host).toBe(200);
  });

  it('logs refusals with their fields, and an ignored HUB_ALLOWED_HOSTS entry', async () => {
    await get('/api/v1/health', { host: 'evil.example' });
    expect(logged.some((l) => /HUB_ALLOWED_HOSTS/.test(l.msg) && l.fields?.entry === 'http://not-a-host/')).toBe(true);
    expect(logged.some((l) => l.msg.includes('bad-host') && l.fields?.host === 'evil.example' && l.fields?.path === '/api/v1/health')).toBe(true);
  });

  it('applies to socket.io handshakes, polling and WebSocket', async () => {
    const polling = await get('/socket.io/?EIO=4&transport=polling', { host: 'evil.example' });
    expect(polling.status).toBe(403);
    expect(polling.body).toContain('bad-host');
    expect((await get('/socket.io/?EIO=4&transport=polling', { host: `localhost:${port}` })).status).toBe(200);
    // A WebSocket opened directly (no polling first) is an HTTP upgrade: refused before it is one.
    const socketRefusals = () => logged.filter((l) => l.msg.includes('bad-host') && l.fields?.path === '/socket.io/').length;
    const before = socketRefusals();
    const upgrade = await new Promise<string>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/socket.io/?EIO=4&transport=websocket',
        setHost: false,
        headers: { host: 'evil.example', connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
      });
      req.on('upgrade', () => resolve('upgraded'));
      req.on('response', (res) => resolve(String(res.statusCode)));
      req.on('error', reject);
      req.end();
    });
    // engine.io answers a refused upgrade with 400 and closes; the refusal is ours (logged with its path).
    expect(upgrade).toBe('400');
    expect(socketRefusals()).toBe(before + 1);
  });
});

describe('hub edge: socket origins', () => {
  it('refuses a browser origin outside the CORS rule, over polling and WebSocket', async () => {
    const before = logged.filter((l) => l.msg.includes('bad-origin')).length;
    expect(await connect('polling', { origin: 'http://evil.example' })).not.toBe('connected');
    expect(await connect('websocket', { origin: 'http://evil.example' })).not.toBe('connected');
    expect(await connect('websocket', { origin: 'null' })).not.toBe('connected');
    // Refused by the origin check (not by chance): one logged refusal each, with the origin.
    const refusals = logged.filter((l) => l.msg.includes('bad-origin')).slice(before);
    expect(refusals.map((l) => l.fields?.origin)).toEqual(['http://evil.example', 'http://evil.example', 'null']);
    // The polling handshake gets socket.io's 403 with the reason.
    const res = await get('/socket.io/?EIO=4&transport=polling', { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).toContain('bad-origin');
  });

  it('allows loopback and configured origins, and clients that send none', async () => {
    expect(await connect('polling', { origin: `http://127.0.0.1:5173` })).toBe('connected');
    expect(await connect('websocket', { origin: 'http://localhost:4173' })).toBe('connected');
    expect(await connect('websocket', { origin: CORS_ORIGINS[0] })).toBe('connected');
    expect(await connect('polling', {})).toBe('connected');
    expect(await connect('websocket', {})).toBe('connected');
  });
});

describe('parseHost', () => {
  it('reads host and host:port, brackets IPv6, and rejects what is neither', () => {
    expect(parseHost('Hub.Example:8787')).toEqual({ host: 'hub.example', port: '8787' });
    expect(parseHost('[::1]:80')).toEqual({ host: '[::1]', port: '80' });
    expect(parseHost('fd00::1')).toEqual({ host: '[fd00::1]', port: null });
    for (const bad of ['http://hub', 'hub/path', 'a b', 'hub:', 'hub:123456', '-hub', 'user@hub']) expect(parseHost(bad), bad).toBeNull();
  });
});
