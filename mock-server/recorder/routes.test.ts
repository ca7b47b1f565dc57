import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, ErrorBodySchema, TOPICS, describeIssue, liveEnvelopeSchema } from '../../src/hub/contract.ts';
import { RECORDINGS_API, RecordingMessagesSchema, RecordingStateSchema, RecordingsIndexSchema, restoreBinary, type RecordedEnvelope } from '../../src/hub/recording.ts';
import { enrolDisplay, postJson, startQuietHub } from '../control-test-kit.ts';
import type { Hub } from '../server.ts';
import { tempDir } from './recorder-fixture.ts';

const dir = tempDir('routes');
let hub: Hub;
let display: string;
let operator: string;

beforeAll(async () => {
  hub = await startQuietHub({ control: { demo: true }, env: { HUB_RECORD_DIR: dir, HUB_RECORD_BINARY_MAX_HZ: '1' } });
  display = (await enrolDisplay(hub.url, 'main', 'rec')).token;
  operator = ((await postJson(hub.url, '/auth/operator', { user: 'operator', password: 'onescreen' })).body as { token: string }).token;
  await new Promise((r) => setTimeout(r, 2500));
  // One closed (indexed) segment, and the open one after it.
  await hub.recorder!.rotate();
  await new Promise((r) => setTimeout(r, 1200));
});
afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, token?: string) {
  const res = await fetch(`${hub.url}${API_PREFIX}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as unknown };
}

function valid<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(describeIssue(parsed.error));
  return parsed.data;
}

/** A served envelope, its binary columns restored, checked as a wall checks a live event. */
function asLiveEvent(e: RecordedEnvelope) {
  const restored = restoreBinary(e) as RecordedEnvelope;
  return liveEnvelopeSchema(e.topic, TOPICS.get(e.topic)!.schema).safeParse(restored);
}

describe('the recordings REST', () => {
  it('answers only signed-in readers: 401 without a token or with a bad one', async () => {
    for (const path of [RECORDINGS_API.index, `${RECORDINGS_API.state}?at=1`, `${RECORDINGS_API.messages}?from=1&to=2`]) {
      expect((await get(path)).status).toBe(401);
      const bad = await get(path, 'x'.repeat(40));
      expect(bad.status).toBe(401);
      valid(ErrorBodySchema, bad.body);
    }
  });

  it('lists the recording: range, topics with counts, segments, the open one', async () => {
    const res = await get(RECORDINGS_API.index, display);
    expect(res.status).toBe(200);
    const index = valid(RecordingsIndexSchema, res.body);
    expect(index.recording).toBe(true);
    expect(index.range).not.toBeNull();
    expect(index.topics.find((t) => t.topic === 'overview')?.messages).toBeGreaterThanOrEqual(2);
    expect(index.topics.find((t) => t.topic === 'traffic.vehicles')).toMatchObject({ codec: 'vehicle-frame' });
    expect(index.segments.length).toBe(2);
    expect(index.segments[0]).toMatchObject({ indexed: true, open: false, truncated: false });
    expect(index.segments[1]).toMatchObject({ indexed: false, open: true, truncated: false });
    expect(index.truncatedSegments).toBe(0);
    expect(index.binary).toBe('base64');
  });

  it('serves the state at a moment: one envelope per topic, each a valid live event once its columns are restored', async () => {
    const index = valid(RecordingsIndexSchema, (await get(RECORDINGS_API.index, operator)).body);
    const at = index.range!.to;
    const res = await get(`${RECORDINGS_API.state}?at=${at}`, operator);
    expect(res.status).toBe(200);
    const state = valid(RecordingStateSchema, res.body);
    expect(state.missing).toEqual([]);
    expect(new Set(state.envelopes.map((e) => e.topic)).size).toBe(state.envelopes.length);
    expect(state.envelopes.map((e) => e.topic)).toContain('traffic.vehicles');
    for (const e of state.envelopes) {
      expect(e.recordedAt).toBeLessThanOrEqual(at);
      const live = asLiveEvent(e);
      if (!live.success) throw new Error(`${e.topic}: ${describeIssue(live.error)}`);
    }
    const fleet = state.envelopes.find((e) => e.topic === 'traffic.vehicles')!;
    expect((fleet.data as { positions: unknown }).positions).toEqual({ $base64: expect.any(String) });
    const some = valid(RecordingStateSchema, (await get(`${RECORDINGS_API.state}?at=${at}&topics=overview,weather.radar`, display)).body);
    expect(some.envelopes.map((e) => e.topic)).toEqual(['overview', 'weather.radar']);
  });

  it('refuses a bad query with 400 naming the field, and a moment outside the recording with 416 naming the range', async () => {
    const bad = async (path: string, field: RegExp) => {
      const res = await get(path, operator);
      expect(res.status).toBe(400);
      expect(valid(ErrorBodySchema, res.body).message).toMatch(field);
    };
    await bad(RECORDINGS_API.state, /^at:/);
    await bad(`${RECORDINGS_API.state}?at=yesterday`, /^at:/);
    await bad(`${RECORDINGS_API.state}?at=1&topics=overview,Bad Topic`, /^topics/);
    await bad(`${RECORDINGS_API.state}?at=1&topics=no.such-topic`, /^topics: unknown topic "no.such-topic"/);
    await bad(`${RECORDINGS_API.messages}?from=5&to=1`, /^to: from must not be after to/);
    await bad(`${RECORDINGS_API.messages}?from=1&to=5&limit=0`, /^limit/);
    await bad(`${RECORDINGS_API.messages}?from=1&to=5&limit=5000`, /^limit/);
    await bad(`${RECORDINGS_API.messages}?from=1&to=5&cursor=abc`, /^cursor/);

    const index = valid(RecordingsIndexSchema, (await get(RECORDINGS_API.index, operator)).body);
    const early = await get(`${RECORDINGS_API.state}?at=${index.range!.from - 60_000}`, operator);
    expect(early.status).toBe(416);
    expect(valid(ErrorBodySchema, early.body).message).toContain(new Date(index.range!.from).toISOString());
    expect((await get(`${RECORDINGS_API.messages}?from=1000&to=2000`, operator)).status).toBe(416);
  });

  it('pages messages in order with a cursor', async () => {
    const index = valid(RecordingsIndexSchema, (await get(RECORDINGS_API.index, display)).body);
    const { from, to } = index.range!;
    const q = `from=${from}&to=${to}&topics=overview,traffic.congestion`;
    const whole = valid(RecordingMessagesSchema, (await get(`${RECORDINGS_API.messages}?${q}&limit=1000`, display)).body);
    expect(whole.next).toBeNull();
    const paged: RecordedEnvelope[] = [];
    let cursor = '';
    for (let i = 0; i < 50; i++) {
      const page = valid(RecordingMessagesSchema, (await get(`${RECORDINGS_API.messages}?${q}&limit=3${cursor}`, display)).body);
      expect(page.envelopes.length).toBeLessThanOrEqual(3);
      paged.push(...page.envelopes);
      if (!page.next) break;
      cursor = `&cursor=${page.next}`;
    }
    expect(paged.length).toBeGreaterThan(3);
    // The hub is still recording: a chunk it closes meanwhile makes more of [from, to] readable, and
    // always at the end (the open chunk holds the newest messages). So the pages hold at least what
    // the first read saw and at most what a read after them sees, in the same order.
    const after = valid(RecordingMessagesSchema, (await get(`${RECORDINGS_API.messages}?${q}&limit=1000`, display)).body);
    expect(paged.slice(0, whole.envelopes.length)).toEqual(whole.envelopes);
    expect(after.envelopes.slice(0, paged.length)).toEqual(paged);
    const times = paged.map((e) => e.recordedAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
