// The hub conformance check (npm run hub:check) against the real mock hub, where every case must
// pass, and against a deliberately non-conforming hub, where the right cases must fail; and the
// scene/topic tables of docs/hub-contract.md against the scene files and the module registry.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { Server as IoServer } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../mock-server/server.ts';
import { startQuietHub } from '../mock-server/control-test-kit.ts';
import { API_PREFIX, CONTRACT_VERSION, LIVE_NAMESPACE } from '../src/hub/contract.ts';
import { TokenResponseSchema } from '../src/hub/control.ts';
import { DisplaysResponseSchema, type PendingEnrolment } from '../src/hub/enrolment.ts';
import { TEST_SIZES, testHub } from '../tests/servers.ts';
import { formatPairingCode, runHubCheck } from './hub-check/check.ts';
import { DOC, githubAnchor, type CaseResult } from './hub-check/report.ts';
import { MARKERS, between, bundledSceneNeeds, sceneTable, topicTable } from './hub-check/scene-needs.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOC_TEXT = () => readFileSync(`${ROOT}docs/hub-contract.md`, 'utf8');
const ORIGIN = 'https://wall.example';

describe('docs/hub-contract.md', () => {
  it('lists what each bundled scene needs, as the scene files and the registry say', () => {
    const needs = bundledSceneNeeds(ROOT);
    let doc = DOC_TEXT();
    const scenes = sceneTable(needs);
    const topics = topicTable(needs);
    if (process.env.UPDATE_HUB_DOC === '1') {
      for (const [markers, table] of [[MARKERS.scenes, scenes], [MARKERS.topics, topics]] as const) {
        const [a, b] = [doc.indexOf(markers[0]), doc.indexOf(markers[1])];
        if (a >= 0 && b > a) doc = `${doc.slice(0, a + markers[0].length)}\n${table}\n${doc.slice(b)}`;
      }
      writeFileSync(`${ROOT}docs/hub-contract.md`, doc);
    }
    // On a mismatch, paste the expected table (printed by the assertion) between the markers.
    expect(between(doc, MARKERS.scenes), `${MARKERS.scenes[0]}\n${scenes}\n${MARKERS.scenes[1]}`).toBe(scenes);
    expect(between(doc, MARKERS.topics), `${MARKERS.topics[0]}\n${topics}\n${MARKERS.topics[1]}`).toBe(topics);
  });

  it('has every section the checker points at', () => {
    const anchors = new Set(
      DOC_TEXT()
        .split('\n')
        .filter((l) => /^#{1,6} /.test(l))
        .map((l) => githubAnchor(l.replace(/^#+ /, ''))),
    );
    for (const anchor of Object.values(DOC)) expect(anchors, anchor).toContain(anchor);
  });
});

async function startBadHub(mock: string) {
  const app = express();
  app.use(express.json({ limit: '10mb' }));
  const pass = (path: string) => async (req: express.Request, res: express.Response) => {
    const upstream = await fetch(`${mock}${API_PREFIX}${path.replace(':id', String(req.params.id ?? ''))}`);
    res.status(upstream.status).type(upstream.headers.get('content-type') ?? 'application/json').send(Buffer.from(await upstream.arrayBuffer()));
  };
  app.get(`${API_PREFIX}/health`, (_req, res) =>
    void res.json({ status: 'ok', contractVersion: CONTRACT_VERSION, hub: 'bad hub', simulated: true, time: Date.now(), uptimeS: 1 }),
  );
  app.get(`${API_PREFIX}/districts`, async (_req, res) => {
    const body = (await (await fetch(`${mock}${API_PREFIX}/districts`)).json()) as { features: { properties: { code: string } }[] };
    body.features[1].properties.code = body.features[0].properties.code;
    res.json(body);
  });
  app.get(`${API_PREFIX}/scenes`, pass('/scenes'));
  app.get(`${API_PREFIX}/scenes/:id`, pass('/scenes/:id'));
  app.get(`${API_PREFIX}/topics/:id`, pass('/topics/:id'));
  app.get(`${API_PREFIX}/city/buildings`, pass('/city/buildings'));
  // Enrols anyone at once, and gives a token for any credential at all (and lets caches keep it).
  app.post(`${API_PREFIX}/enrol`, (_req, res) =>
    void res.json({ status: 'approved', credential: `dev-badhub0000.${'x'.repeat(43)}`, device: 'dev-badhub0000', slot: { wall: 'hub-check', display: 'hub-check', grid: null } }),
  );
  app.post(`${API_PREFIX}/auth/display`, (_req, res) => void res.json({ token: 'bad-hub-token-0123456789', role: 'display', expiresAt: Date.now() + 3_600_000 }));
  app.use((_req, res) => void res.status(404).json({ error: 'not-found', message: 'no such endpoint' }));

  const gov = (await (await fetch(`${mock}${API_PREFIX}/topics/gov.services`)).json()) as { data: unknown };
  const http: Server = createHttpServer(app);
  const io = new IoServer(http, { maxHttpBufferSize: 10_000_000 });
  let seq = 1000;
  io.of(LIVE_NAMESPACE).on('connection', (socket) => {
    socket.on('subscribe', (req: { topics: string[] }, ack?: (a: unknown) => void) => {
      for (const t of req.topics) void socket.join(t);
      ack?.({ ok: true, topics: req.topics, unknown: [] });
    });
  });
  const timer = setInterval(() => {
    io.of(LIVE_NAMESPACE).to('gov.services').emit('gov.services', { v: CONTRACT_VERSION, topic: 'gov.services', epoch: 'bad-hub-1', seq: seq--, time: Date.now(), data: gov.data });
  }, 200);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      clearInterval(timer);
      await new Promise<void>((r) => io.close(() => r()));
    },
  };
}

describe('npm run hub:check', () => {
  // The mock hub as the browser tests start it (demo mode: the checker is enrolled at once), on a free loopback port.
  const hub = testHub(0, { HUB_CORS_ORIGINS: ORIGIN });
  let url = '';
  beforeAll(async () => {
    await hub.start();
    url = hub.url;
  }, 90_000);
  afterAll(() => hub.stop());

  it.concurrent('passes every case against the mock hub (the command, its output and exit code)', async () => {
    const cli = spawn(process.execPath, ['--import', 'tsx', 'scripts/hub-check.ts', url, '--window', '3', '--origin', ORIGIN, '--json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    cli.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => cli.once('exit', r));
    const report = JSON.parse(out) as { results: CaseResult[]; fail: number };
    const notPassed = report.results.filter((r) => r.verdict !== 'PASS').map((r) => `${r.verdict} ${r.id}: ${r.reason}`);
    expect(notPassed).toEqual([]);
    expect(code).toBe(0);
    const ids = report.results.map((r) => r.id);
    for (const id of ['health', 'districts', 'scenes', 'cors preflight', 'enrolment', 'display token', 'live handshake', 'wall:join', 'subscribe', 'oversized client frame', 'live traffic.vehicles'])
      expect(ids).toContain(id);
    expect(report.results.find((r) => r.id === 'enrolment')?.reason).toMatch(/demo mode: approved at once/);
  }, 40_000);

  it.concurrent('fails the right cases against a non-conforming hub', async () => {
    const bad = await startBadHub(url);
    try {
      const results = await runHubCheck({ hub: bad.url, origin: ORIGIN, windowMs: 2_000, ackTimeoutMs: 2_000, wall: 'hub-check', display: 'hub-check' });
      const verdict = (id: string) => results.find((r) => r.id === id)?.verdict;
      const reason = (id: string) => results.find((r) => r.id === id)?.reason;
      expect(verdict('health'), reason('health')).toBe('FAIL');
      expect(reason('health')).toMatch(/epoch/);
      expect(verdict('districts')).toBe('FAIL');
      expect(reason('districts')).toMatch(/more than once/);
      expect(verdict('cors responses')).toBe('FAIL');
      expect(verdict('cors preflight')).toBe('FAIL');
      expect(verdict('enrolment')).toBe('FAIL');
      expect(reason('enrolment')).toMatch(/never issued got HTTP 200/);
      expect(verdict('rest body limit')).toBe('FAIL');
      expect(verdict('live bad token')).toBe('FAIL');
      expect(verdict('wall:join')).toBe('FAIL');
      expect(verdict('oversized client frame')).toBe('FAIL');
      expect(verdict('live gov.services')).toBe('FAIL');
      expect(reason('live gov.services')).toMatch(/seq \d+ after \d+/);
      // What it does right passes.
      for (const id of ['scenes', 'city buildings', 'topic gov.services', 'display token', 'live handshake'])
        expect(verdict(id), `${id}: ${reason(id)}`).toBe('PASS');
    } finally {
      await bad.close();
    }
  }, 40_000);
});

describe('npm run hub:check against a hub not in demo mode', () => {
  const PASSWORD = 'x-test-pass';
  let hub: Hub;
  let operator = '';
  beforeAll(async () => {
    hub = await startQuietHub({
      corsOrigins: [ORIGIN],
      env: { ...TEST_SIZES, HUB_EVENTS_RATE: '0', HUB_DATA_DIR: 'memory://' },
      control: { demo: false, operatorPassword: PASSWORD, designerPassword: `${PASSWORD}-designer` },
    });
    const res = await fetch(`${hub.url}${API_PREFIX}/auth/operator`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'operator', password: PASSWORD }),
    });
    operator = TokenResponseSchema.parse(await res.json()).token;
  }, 90_000);
  afterAll(() => hub?.close());

  /** The request of `display` waiting in the console's list (显示屏 Displays), as an operator sees it. */
  async function pendingFor(display: string, timeoutMs = 20_000): Promise<PendingEnrolment> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await fetch(`${hub.url}${API_PREFIX}/displays`, { headers: { authorization: `Bearer ${operator}` } });
      const found = DisplaysResponseSchema.parse(await res.json()).pending.find((p) => p.hint.wall === 'hub-check' && p.hint.display === display);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no pending enrolment of hub-check/${display}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it.concurrent('shows its pairing code, waits for an operator to approve it, then checks with the credential', async () => {
    const notices: string[] = [];
    const checking = runHubCheck({
      hub: hub.url, origin: ORIGIN, windowMs: 1_000, ackTimeoutMs: 2_000, wall: 'hub-check', display: 'paired', enrolWaitMs: 30_000, notice: (l) => notices.push(l),
    });
    const pending = await pendingFor('paired');
    // What the person running the check reads: the code the console lists, and where to approve it.
    await expect.poll(() => notices.join('\n')).toContain(`approve pairing code ${formatPairingCode(pending.code)} for hub-check/paired in the console (显示屏 Displays) — waiting up to 30 s`);
    const approve = await fetch(`${hub.url}${API_PREFIX}/displays/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
      body: JSON.stringify({ code: pending.code, slot: pending.hint }),
    });
    expect(approve.status).toBe(201);
    const results = await checking;
    const verdict = (id: string) => results.find((r) => r.id === id);
    expect(verdict('enrolment')?.verdict, verdict('enrolment')?.reason).toBe('PASS');
    expect(verdict('enrolment')?.reason).toMatch(/approved in the console/);
    expect(notices.join('\n')).toMatch(/--credential dev-[a-z0-9]+\./);
    for (const id of ['display token', 'rest body limit', 'live handshake', 'wall:join', 'subscribe', 'oversized client frame'])
      expect(verdict(id)?.verdict, `${id}: ${verdict(id)?.reason}`).toBe('PASS');
  }, 60_000);

  it.concurrent('fails the enrolment, naming the code, when no one approves it within --enrol-wait', async () => {
    const notices: string[] = [];
    const started = Date.now();
    const results = await runHubCheck({
      hub: hub.url, origin: ORIGIN, windowMs: 1_000, ackTimeoutMs: 2_000, wall: 'hub-check', display: 'unapproved', enrolWaitMs: 2_000, notice: (l) => notices.push(l),
    });
    const { code } = await pendingFor('unapproved', 0);
    const enrolment = results.find((r) => r.id === 'enrolment');
    expect(enrolment?.verdict).toBe('FAIL');
    expect(enrolment?.reason).toContain(`pairing code ${formatPairingCode(code)} for hub-check/unapproved was not approved within 2 s`);
    expect(notices.join('\n')).toContain(`approve pairing code ${formatPairingCode(code)}`);
    expect(results.find((r) => r.id === 'display token')?.reason).toMatch(/no device credential/);
    expect(results.find((r) => r.id === 'live handshake')?.verdict).toBe('FAIL');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
