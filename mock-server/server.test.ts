import { createCityStore } from '../src/store/city-store.ts';
import { createTopicStore } from '../src/store/topic-store.ts';
import { checkScene } from '../src/modules/scene-validation.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import { enrolDisplay } from './control-test-kit.ts';
import { startHub, type Hub } from './server.ts';
import {
  API_PREFIX,
  DistrictsResponseSchema,
  ErrorBodySchema,
  HealthSchema,
  LIVE_NAMESPACE,
  OverviewSchema,
  ScenesResponseSchema,
  SceneSchema,
  describeIssue,
  liveEnvelopeSchema,
  topicSnapshotSchema,
} from '../src/hub/contract.ts';
import { HubClient } from '../src/hub/hub-client.ts';
import { createConnectionStore } from '../src/store/connection-store.ts';
import { createDiagnosticsStore } from '../src/store/diagnostics-store.ts';
import { createDistrictStore } from '../src/store/district-store.ts';

const OverviewEventSchema = liveEnvelopeSchema('overview', OverviewSchema);

// The display's token is fetched from the hub once it runs (enrolment, approved at once in demo mode).
const DISPLAY_AUTH: Record<string, unknown> = { role: 'display', wall: 'main', display: '0' };

let hub: Hub;
const sockets: Socket[] = [];

beforeAll(async () => {
  hub = await startHub({ host: '127.0.0.1', port: 0, seed: 1, tickMs: 200, corsOrigins: [], faults: true, log: () => {}, control: { demo: true } });
  DISPLAY_AUTH.token = (await enrolDisplay(hub.url, 'main', '0')).token;
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await hub?.close();
});

async function getValid<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const res = await fetch(`${hub.url}${API_PREFIX}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`${path}: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

function openSocket(auth: unknown): Socket {
  const socket = connect(`${hub.url}${LIVE_NAMESPACE}`, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

/** Subscribes to the `overview` topic and collects its payloads; `waitFor` resolves once a predicate holds. */
function collect(socket: Socket) {
  const payloads: unknown[] = [];
  const waiters: (() => void)[] = [];
  socket.on('connect', () => socket.emit('subscribe', { topics: ['overview'] }));
  socket.on('overview', (p: unknown) => {
    payloads.push(p);
    for (const w of [...waiters]) w();
  });
  const waitFor = (ok: () => boolean, timeoutMs = 5000) =>
    new Promise<void>((resolve, reject) => {
      if (ok()) return resolve();
      const timer = setTimeout(() => reject(new Error(`timed out with ${payloads.length} events`)), timeoutMs);
      const check = () => {
        if (!ok()) return;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve();
      };
      waiters.push(check);
    });
  return { payloads, waitFor };
}

describe('mock hub REST', () => {
  it('listens on a free port', () => {
    expect(hub.port).toBeGreaterThan(0);
    expect(hub.url).toBe(`http://127.0.0.1:${hub.port}`);
  });

  it('GET /health is valid and says simulated', async () => {
    const health = await getValid('/health', HealthSchema);
    expect(health).toMatchObject({ status: 'ok', contractVersion: 2, simulated: true });
    expect(health.epoch).toMatch(/^[a-z0-9]+-[a-z0-9]+$/);
    expect(Math.abs(health.time - Date.now())).toBeLessThan(60_000);
  });

  it('GET /districts is valid: the 38 districts of Chongqing', async () => {
    const d = await getValid('/districts', DistrictsResponseSchema);
    expect(d.features).toHaveLength(38);
    expect(d.features.map((f) => f.properties.code)).toContain('500103');
  });

  it('GET /scenes is valid and lists the overview scene', async () => {
    const s = await getValid('/scenes', ScenesResponseSchema);
    const checked = s.scenes.map((x) => SceneSchema.parse(x));
    expect(checked.map((x) => x.id)).toContain('overview');
  });

  it('GET /topics/overview is a valid snapshot with its history, in the epoch /health announces', async () => {
    const snap = await getValid('/topics/overview', topicSnapshotSchema('overview', OverviewSchema));
    expect(snap.simulated).toBe(true);
    expect(snap.data.districts).toHaveLength(38);
    expect(snap.history!.length).toBeGreaterThan(0);
    expect(snap.history!.length).toBeLessThanOrEqual(288);
    expect(snap.epoch).toBe((await getValid('/health', HealthSchema)).epoch);
  });

  it('the overview has no endpoint of its own any more: it is a topic like the others', async () => {
    expect((await fetch(`${hub.url}${API_PREFIX}/overview`)).status).toBe(404);
  });

  it('an unknown route is a 404 with an ErrorBody', async () => {
    for (const path of [`${API_PREFIX}/nope`, '/', `${API_PREFIX}/overview/extra`]) {
      const res = await fetch(`${hub.url}${path}`);
      expect(res.status).toBe(404);
      const body = ErrorBodySchema.parse(await res.json());
      expect(body.error).toBe('not-found');
    }
  });

  it('POST /sim/faults with a bad body is a 400 with an ErrorBody', async () => {
    const post = (body: string) =>
      fetch(`${hub.url}${API_PREFIX}/sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const body of ['{"kind":"meteor-strike"}', '{}', '[]', '{"kind":3}']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const err = ErrorBodySchema.parse(await res.json());
      expect(err.error).toBe('bad-request');
    }
    const notJson = await post('{kind:');
    expect(notJson.status).toBe(400);
    ErrorBodySchema.parse(await notJson.json());
  });

  it('CORS allows the local dev origin and refuses others', async () => {
    const ok = await fetch(`${hub.url}${API_PREFIX}/health`, { headers: { origin: 'http://127.0.0.1:5173' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const evil = await fetch(`${hub.url}${API_PREFIX}/health`, { headers: { origin: 'http://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const lookalike = await fetch(`${hub.url}${API_PREFIX}/health`, { headers: { origin: 'http://127.0.0.1.evil.example' } });
    expect(lookalike.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${hub.url}${API_PREFIX}/sim/faults`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('mock hub live socket', () => {
  it('a display receives valid overview events with increasing seq', async () => {
    const socket = openSocket(DISPLAY_AUTH);
    const { payloads, waitFor } = collect(socket);
    await waitFor(() => payloads.length >= 4);
    const events = payloads.map((p) => {
      const r = OverviewEventSchema.safeParse(p);
      if (!r.success) throw new Error(describeIssue(r.error));
      return r.data;
    });
    for (let i = 1; i < events.length; i++) {
      expect(events[i].seq).toBeGreaterThan(events[i - 1].seq);
      expect(events[i].time).toBeGreaterThanOrEqual(events[i - 1].time);
    }
    expect(events[0].data.districts).toHaveLength(38);
    socket.close();
  });

  it('a connection with bad auth gets connect_error', async () => {
    for (const auth of [{}, { ...DISPLAY_AUTH, wall: 'Main Wall' }, { ...DISPLAY_AUTH, role: 'admin' }]) {
      const socket = openSocket(auth);
      let overviews = 0;
      socket.on('overview', () => (overviews += 1));
      const err = await new Promise<Error>((resolve, reject) => {
        socket.on('connect_error', resolve);
        socket.on('connect', () => reject(new Error('connected with bad auth')));
      });
      expect(err.message).toMatch(/^unauthorised: /);
      expect(socket.connected).toBe(false);
      expect(overviews).toBe(0);
      socket.close();
    }
  });

  it('a malformed-overview fault makes the next overview event fail the contract, and a wall rejects it', async () => {
    const socket = openSocket(DISPLAY_AUTH);
    const { payloads, waitFor } = collect(socket);
    await waitFor(() => payloads.length >= 1);

    // A wall's client fed with the same events.
    const connection = createConnectionStore();
    const diagnostics = createDiagnosticsStore();
    const topics = createTopicStore();
    const client = new HubClient({
      hubUrl: hub.url,
      auth: DISPLAY_AUTH as never,
      connection,
      diagnostics,
      districts: createDistrictStore(),
      topics,
      city: createCityStore(),
      checkScene,
      onScenes: () => {},
    });
    client.setTopics(['overview']);
    const feed = (p: unknown) => (client.feed.receive('overview', p), client.feed.flush());
    for (const p of payloads) feed(p);
    socket.on('overview', feed);

    const sentAt = payloads.length;
    const res = await fetch(`${hub.url}${API_PREFIX}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'malformed-overview' }),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ injected: 'malformed-overview' });

    const invalidIndex = () => payloads.findIndex((p, i) => i >= sentAt && !OverviewEventSchema.safeParse(p).success);
    await waitFor(() => invalidIndex() >= 0);
    const bad = invalidIndex();
    // Anything between the POST and the fault is an ordinary tick that was already on its way.
    const before = payloads.slice(sentAt, bad);
    for (const p of before) expect(OverviewEventSchema.safeParse(p).success).toBe(true);
    expect(before.length).toBeLessThanOrEqual(2);
    const r = OverviewEventSchema.safeParse(payloads[bad]);
    expect(r.success).toBe(false);
    expect(describeIssue(r.error!)).toMatch(/^data\.(govMattersToday|systemsConnected): /);

    // The live stream carries on with valid events after the fault.
    await waitFor(() => payloads.length >= bad + 2);
    expect(OverviewEventSchema.safeParse(payloads[bad + 1]).success).toBe(true);

    const diag = diagnostics.getState();
    expect(diag.rejected).toBe(1);
    expect(diag.lastError).toMatch(/^live\/overview: data\./);
    const shown = topics.getState().values.overview?.data as z.infer<typeof OverviewSchema>;
    expect(shown.systemsConnected).toBeLessThanOrEqual(shown.systemsPlanned);
    expect(shown.govMattersToday).toBeGreaterThanOrEqual(0);
    client.stop();
    socket.close();
  });

  it('wrong-shape and oversized faults are rejected by the contract too', async () => {
    const socket = openSocket(DISPLAY_AUTH);
    const { payloads, waitFor } = collect(socket);
    await waitFor(() => payloads.length >= 1);
    const start = payloads.length;
    for (const kind of ['wrong-shape-overview', 'oversized-overview']) {
      const res = await fetch(`${hub.url}${API_PREFIX}/sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind }),
      });
      expect(res.status).toBe(202);
    }
    const invalid = () => payloads.slice(start).filter((p) => !OverviewEventSchema.safeParse(p).success);
    await waitFor(() => invalid().length >= 2);
    const [shape, oversized] = invalid();
    expect(shape).toBe('overview unavailable');
    expect(describeIssue(OverviewEventSchema.safeParse(oversized).error!)).toMatch(/^data\.districts: /);
    socket.close();
  });
});
