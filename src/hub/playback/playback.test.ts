// The time machine on a wall: the feed's playback gate (live ignored, ordering per seek, live
// refetched on return) and the player's fetch/apply decisions against a faked hub.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDistricts } from '../../../mock-server/geo.ts';
import { govSim } from '../../../mock-server/sim/gov.ts';
import { CONTRACT_VERSION } from '../contract.ts';
import { offlineHubClient } from '../hub-client-fixture.ts';
import type { HubClient } from '../hub-client.ts';
import { HubRest } from '../rest.ts';
import { createDiagnosticsStore } from '../../store/diagnostics-store.ts';
import { PlaybackPlayer, type PlaybackSink } from './player.ts';
import { lookaheadMs } from './plan.ts';

const T0 = Date.UTC(2026, 10, 21, 2, 0);
const TOPIC = 'gov.services';

function govValue() {
  const districts = loadDistricts();
  const sim = govSim.create({ seed: 7, districts, districtProps: districts.features.map((f) => f.properties), startTime: T0, env: {} });
  const data = sim.step(T0 + 5000).find(([t]) => t === TOPIC)?.[1] ?? sim.latest(TOPIC);
  if (!data) throw new Error('no gov.services value');
  return data;
}
const envelope = (seq: number, data: unknown, epoch = 'e1') => ({ v: CONTRACT_VERSION, topic: TOPIC, epoch, seq, time: T0 + seq, data });

const clients: HubClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.stop();
  vi.unstubAllGlobals();
});

describe('TopicFeed in playback', () => {
  it('ignores live events, applies recorded ones through the same checks, resets ordering on a seek, refetches live on return', () => {
    const fetches: string[] = [];
    vi.stubGlobal('fetch', vi.fn((url: string) => (fetches.push(String(url)), new Promise(() => {}))));
    const { client, topics, diagnostics } = offlineHubClient();
    clients.push(client);
    client.feed.setTopics([TOPIC]);
    const data = govValue();
    const held = () => topics.getState().values[TOPIC];

    client.feed.receive(TOPIC, envelope(50, data));
    client.feed.flush();
    expect(held()?.seq).toBe(50);

    client.feed.enterPlayback(1);
    client.feed.receive(TOPIC, envelope(51, data));
    client.feed.flush();
    expect(held()?.seq).toBe(50); // live is not applied during playback

    client.feed.replay(1, envelope(20, data)); // older than what live showed: accepted, a new seek
    expect(held()).toMatchObject({ seq: 20, epoch: 'e1:r1' });
    client.feed.replay(1, envelope(19, data)); // older within the seek: not applied
    expect(held()?.seq).toBe(20);
    client.feed.replay(1, { ...envelope(21, data), data: { bad: true } }); // the topic's schema still applies
    expect(held()?.seq).toBe(20);
    expect(diagnostics.getState().rejected).toBe(1);

    client.feed.enterPlayback(2); // a seek backwards
    client.feed.replay(2, envelope(5, data));
    expect(held()).toMatchObject({ seq: 5, epoch: 'e1:r2' });
    client.feed.replay(1, envelope(30, data)); // an answer of the overtaken seek
    expect(held()?.seq).toBe(5);

    const before = fetches.length;
    client.feed.leavePlayback();
    expect(fetches.slice(before).some((u) => u.endsWith(`/topics/${TOPIC}`))).toBe(true);
    client.feed.receive(TOPIC, envelope(52, data));
    client.feed.flush();
    expect(held()).toMatchObject({ seq: 52, epoch: 'e1' });
  });
});

/** A fake hub answering the recordings REST; each request waits until the test answers it. */
function fakeHub() {
  const requests: { url: URL; auth: string | null; answer: (status: number, body: unknown) => void }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (url: string, init?: RequestInit) =>
        new Promise<Response>((resolve) => {
          const headers = new Headers(init?.headers);
          requests.push({ url: new URL(url), auth: headers.get('authorization'), answer: (status, body) => resolve(new Response(JSON.stringify(body), { status })) });
        }),
    ),
  );
  return requests;
}
const recorded = (topic: string, recordedAt: number, seq: number) => ({ v: CONTRACT_VERSION, topic, epoch: 'e1', seq, time: recordedAt, recordedAt, data: { n: seq } });
const settle = () => new Promise((r) => setTimeout(r, 0));

function player() {
  const requests = fakeHub();
  const diagnostics = createDiagnosticsStore();
  let now = T0;
  const calls: [string, ...unknown[]][] = [];
  const sink: PlaybackSink = {
    topics: ['a.one', 'b.two'],
    enterPlayback: (g) => calls.push(['enter', g]),
    replay: (g, e) => calls.push(['replay', g, (e as { topic: string; seq: number }).topic, (e as { seq: number }).seq]),
    leavePlayback: () => calls.push(['leave']),
  };
  const p = new PlaybackPlayer({
    rest: new HubRest('http://hub.test', diagnostics),
    token: { current: async () => 'display-token-0123456789', refused: () => {} },
    sink,
    now: () => now,
    every: () => () => {},
  });
  return { p, requests, calls, diagnostics, advance: (ms: number) => (now += ms), now: () => now };
}

describe('PlaybackPlayer', () => {
  const AT = T0 - 3_600_000;

  it('takes the state at the moment, pages ahead, and applies the newest per topic as the clock passes', async () => {
    const { p, requests, calls, advance } = player();
    p.setTime({ mode: 'playback', at: AT, rate: 60, anchor: T0 });
    await settle();
    expect(calls).toEqual([['enter', 1]]);
    expect(requests).toHaveLength(1);
    expect(requests[0].url.pathname).toBe('/api/v1/recordings/state');
    expect(requests[0].url.searchParams.get('at')).toBe(String(AT));
    expect(requests[0].url.searchParams.get('topics')).toBe('a.one,b.two');
    expect(requests[0].auth).toBe('Bearer display-token-0123456789');
    p.tick(); // one request in flight: nothing more
    expect(requests).toHaveLength(1);
    requests[0].answer(200, { contractVersion: CONTRACT_VERSION, at: AT, envelopes: [recorded('a.one', AT - 500, 1), recorded('b.two', AT - 900, 1)], missing: [] });
    await vi.waitFor(() => expect(calls).toContainEqual(['replay', 1, 'b.two', 1]));

    p.tick();
    await settle();
    expect(requests).toHaveLength(2);
    const page = requests[1].url;
    expect(page.pathname).toBe('/api/v1/recordings/messages');
    expect(Number(page.searchParams.get('from'))).toBe(AT + 1);
    expect(Number(page.searchParams.get('to'))).toBe(AT + lookaheadMs(60));
    requests[1].answer(200, {
      contractVersion: CONTRACT_VERSION,
      from: AT + 1,
      to: AT + lookaheadMs(60),
      envelopes: [recorded('a.one', AT + 1000, 2), recorded('a.one', AT + 2000, 3), recorded('b.two', AT + 2500, 2), recorded('a.one', AT + 90_000, 4)],
      next: null,
    });
    await settle();
    await settle();
    calls.length = 0;
    advance(50); // the clock reads AT + 3 s at 60×
    p.tick();
    expect(calls).toEqual([
      ['replay', 1, 'a.one', 3],
      ['replay', 1, 'b.two', 2],
    ]);
    expect(p.status.buffered).toBe(1);
  });

  it('a seek outside the range: the wall keeps its picture and diagnostics say why; a later seek drops the old answers', async () => {
    const { p, requests, calls, diagnostics } = player();
    p.setTime({ mode: 'playback', at: AT, rate: 10, anchor: T0 });
    await settle();
    p.setTime({ mode: 'playback', at: AT - 86_400_000, rate: 10, anchor: T0 + 1 });
    await settle();
    // The first seek's answer arrives late: not applied.
    requests[0].answer(200, { contractVersion: CONTRACT_VERSION, at: AT, envelopes: [recorded('a.one', AT - 1, 1)], missing: [] });
    requests[1].answer(416, { error: 'out-of-range', message: 'at: outside the recording (from … to …)' });
    await vi.waitFor(() => expect(diagnostics.getState().lastError ?? '').toMatch(/^playback: .*416 out-of-range.*keeps its picture/));
    expect(calls.filter((c) => c[0] === 'replay')).toEqual([]);
    p.setTime({ mode: 'live' });
    expect(calls.at(-1)).toEqual(['leave']);
  });

  it('at the highest rates it polls /state at the clock instead of paging; paused, it asks once', async () => {
    const { p, requests, advance } = player();
    p.setTime({ mode: 'playback', at: AT, rate: 3600, anchor: T0 });
    await settle();
    requests[0].answer(200, { contractVersion: CONTRACT_VERSION, at: AT, envelopes: [], missing: ['a.one', 'b.two'] });
    await settle();
    await settle();
    advance(300);
    p.tick();
    await settle();
    expect(requests).toHaveLength(2);
    expect(requests[1].url.pathname).toBe('/api/v1/recordings/state');
    expect(Number(requests[1].url.searchParams.get('at'))).toBe(AT + 300 * 3600);

    const paused = player();
    paused.p.setTime({ mode: 'playback', at: AT, rate: 3600, paused: true, anchor: T0 });
    await settle();
    paused.requests[0].answer(200, { contractVersion: CONTRACT_VERSION, at: AT, envelopes: [], missing: [] });
    await settle();
    await settle();
    paused.advance(10_000);
    paused.p.tick();
    await settle();
    expect(paused.requests).toHaveLength(1);
  });
});

describe('PlaybackPlayer at the end of the recording', () => {
  it('stops fetching once the clock passed the end (416 while playing), says so once, and plays again after a seek', async () => {
    const { p, requests, diagnostics, advance } = player();
    const AT = T0 - 60_000;
    p.setTime({ mode: 'playback', at: AT, rate: 3600, anchor: T0 });
    await settle();
    requests[0].answer(200, { contractVersion: CONTRACT_VERSION, at: AT, envelopes: [], missing: [] });
    await settle();
    await settle();
    advance(300);
    p.tick();
    await settle();
    requests[1].answer(416, { error: 'out-of-range', message: 'at: outside the recording' });
    await vi.waitFor(() => expect(diagnostics.getState().lastError ?? '').toMatch(/passed the end of the recording/));
    advance(10_000);
    p.tick();
    await settle();
    expect(requests).toHaveLength(2);
    p.setTime({ mode: 'playback', at: AT, rate: 3600, anchor: T0 + 10_300 });
    await settle();
    expect(requests).toHaveLength(3);
  });
});
