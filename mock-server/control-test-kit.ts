// Helpers shared by the hub's control tests (control-socket.test.ts, redis-scaleout.test.ts, the
// security suite): a JSON POST to the hub's API, an enrolled display's token, a socket on the live
// namespace, and polling for a condition.
import { io as connect, type Socket } from 'socket.io-client';
import { API_PREFIX, LIVE_NAMESPACE } from '../src/hub/contract.ts';
import { TokenResponseSchema } from '../src/hub/control.ts';
import { EnrolAnswerSchema, type EnrolRequest } from '../src/hub/enrolment.ts';
import { startHub, type HubOptions } from './server.ts';

/** The hub in this process, small and quiet: loopback, a free port, a small city, no log. `env` adds to the small sizes. */
export function startQuietHub(overrides: Partial<HubOptions> = {}) {
  return startHub({
    host: '127.0.0.1',
    port: 0,
    seed: 1,
    tickMs: 1000,
    corsOrigins: [],
    faults: false,
    log: () => {},
    ...overrides,
    env: { HUB_BUILDINGS: '200', HUB_TRAFFIC_VEHICLES: '100', ...overrides.env },
  });
}

export async function postJson(hubUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${hubUrl}${API_PREFIX}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Connects (no reconnection); resolves once connected, or rejects with the hub's refusal. Tracked in `sockets` for closing. */
export function openSocket(hubUrl: string, auth: Record<string, unknown>, sockets: Socket[]): Promise<Socket> {
  const socket = connect(`${hubUrl}${LIVE_NAMESPACE}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A display token the way a display on this machine gets one from a demo-mode hub: enrolment
 * (approved at once for loopback), then the credential for a token. Returns both.
 */
export async function enrolDisplay(hubUrl: string, wall: string, display: string, grid: EnrolRequest['hint']['grid'] = null) {
  const enrolled = await postJson(hubUrl, '/enrol', { hint: { wall, display, grid } });
  const answer = EnrolAnswerSchema.parse(enrolled.body);
  if (answer.status !== 'approved') throw new Error(`enrolment of ${wall}/${display} not approved at once (is the hub in demo mode?): ${answer.status}`);
  const res = await postJson(hubUrl, '/auth/display', { credential: answer.credential });
  if (res.status !== 200) throw new Error(`display token for ${wall}/${display}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return { credential: answer.credential, device: answer.device, token: TokenResponseSchema.parse(res.body).token };
}
