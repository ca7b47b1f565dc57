// The hub's edge: what every HTTP response carries, which Host names the hub answers to (DNS
// rebinding), and which browser origins may open a socket. Mounted first on the express app and
// handed to socket.io as its allowRequest (socket.io answers its own requests before express sees
// them, so both places need the checks).
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { HubLog } from './log.ts';

/** Hosts every hub answers to on any port: it is always reachable from its own machine. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
/** Listen addresses that mean "every interface": they name no host a client would send. */
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);

/** An allowed Host: a name (any port) or name and port. */
interface HostRule {
  host: string;
  port: string | null;
}

/** `[::1]:8787` → { host: '[::1]', port: '8787' }; null when it is no host[:port]. */
export function parseHost(value: string): HostRule | null {
  const v = value.trim().toLowerCase();
  // A bare IPv6 address (as HUB_HOST may name one): the Host header writes it in brackets.
  if (/^[0-9a-f:]+$/.test(v) && v.includes('::')) return { host: `[${v}]`, port: null };
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return null;
  return { host: m[1], port: m[2] ?? null };
}

export interface EdgeOptions {
  /** The address the hub listens on (HUB_HOST): allowed as a Host unless it is a wildcard. */
  listenHost: string;
  /** More Host values to answer to (HUB_ALLOWED_HOSTS): `name` (any port) or `name:port`. */
  allowedHosts: string[];
  /** Browser origins allowed to open a socket (the hub's CORS rule: loopback plus HUB_CORS_ORIGINS). */
  originAllowed: (origin: string | undefined) => boolean;
  log: HubLog;
}

/** At most this many refusals are logged per minute (refusals cost nothing; a flood of log lines would). */
const REFUSALS_LOGGED_PER_MINUTE = 20;

export function hubEdges(options: EdgeOptions) {
  const rules: HostRule[] = LOOPBACK_HOSTS.map((host) => ({ host, port: null }));
  const listen = options.listenHost.trim().toLowerCase();
  if (!WILDCARD_HOSTS.has(listen)) {
    const rule = parseHost(listen);
    if (rule) rules.push(rule);
  }
  for (const entry of options.allowedHosts) {
    const rule = parseHost(entry);
    if (rule) rules.push(rule);
    else options.log('WARNING: HUB_ALLOWED_HOSTS: ignored an entry that is not host or host:port', { entry });
  }

  /** Whether a request's Host header names this hub (no header: refused; HTTP/1.1 requires one). */
  const hostAllowed = (hostHeader: string | undefined): boolean => {
    if (!hostHeader) return false;
    const asked = parseHost(hostHeader);
    if (!asked) return false;
    return rules.some((r) => r.host === asked.host && (r.port === null || r.port === asked.port));
  };

  let span = { start: 0, logged: 0, dropped: 0 };
  const refused = (what: string, req: IncomingMessage) => {
    const now = Date.now();
    if (now - span.start >= 60_000) {
      if (span.dropped) options.log('edge: more refusals not logged', { count: span.dropped });
      span = { start: now, logged: 0, dropped: 0 };
    }
    if (span.logged >= REFUSALS_LOGGED_PER_MINUTE) return void span.dropped++;
    span.logged++;
    options.log(`edge: refused a request (${what})`, {
      host: req.headers.host,
      origin: req.headers.origin,
      method: req.method,
      // The path without its query: socket.io's query has the session id.
      path: req.url?.split('?')[0].slice(0, 200),
      address: req.socket.remoteAddress,
    });
  };

  // The hub serves JSON and binary only: nothing in its answers may run, be framed or be sniffed.
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Walls and consoles on other origins read the hub: CORS decides who may (server.ts); CORP
    // "same-origin" would only break no-cors loads (an <img> of a hub image) that the wall's CSP allows.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // The mock hub speaks plain HTTP; HSTS belongs to whatever terminates TLS in front of it.
    strictTransportSecurity: false,
  });

  type Next = (err?: unknown) => void;
  /** Express middleware: security headers on every response, then the Host check. */
  const middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => {
    headers(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (hostAllowed(req.headers.host)) return next();
      refused('bad-host', req);
      res.statusCode = 421;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(
        JSON.stringify({
          error: 'bad-host',
          message: 'this hub does not answer to that Host name (allowed: loopback, its HUB_HOST and HUB_ALLOWED_HOSTS)',
        }),
      );
    });
  };

  /**
   * socket.io's `allowRequest`: runs for every new engine.io session (a polling handshake or a
   * WebSocket opened directly). Requests that carry a session id need a session that passed here.
   * A browser always sends Origin; a client without one (Node, tools) is not a browser page and
   * passes the origin check (it still needs its token in the handshake).
   */
  const allowRequest = (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
    if (!hostAllowed(req.headers.host)) {
      refused('bad-host', req);
      return callback('bad-host', false);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !options.originAllowed(origin)) {
      refused('bad-origin', req);
      return callback('bad-origin', false);
    }
    callback(null, true);
  };

  return { middleware, allowRequest, hostAllowed };
}
export type HubEdges = ReturnType<typeof hubEdges>;
