import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDistricts } from '../../mock-server/geo.ts';
import { govSim } from '../../mock-server/sim/gov.ts';
import { CONTRACT_VERSION, TOPICS } from './contract.ts';
import { offlineHubClient } from './hub-client-fixture.ts';
import type { HubClient } from './hub-client.ts';

const T0 = Date.UTC(2026, 10, 21, 2, 0);
const TOPIC = 'gov.services';

/** A real gov.services value from the simulator (the topic's schema is not small). */
function govValue() {
  const districts = loadDistricts();
  const sim = govSim.create({ seed: 7, districts, districtProps: districts.features.map((f) => f.properties), startTime: T0, env: {} });
  const changed = sim.step(T0 + 5000);
  const data = changed.find(([t]) => t === TOPIC)?.[1] ?? sim.latest(TOPIC);
  if (!data) throw new Error('the gov simulator gave no gov.services value');
  return data;
}

const envelope = (seq: number, data: unknown, epoch = 'e1') => ({ v: CONTRACT_VERSION, topic: TOPIC, epoch, seq, time: T0 + seq, data });

const clients: HubClient[] = [];

function setup() {
  // No hub: REST requests hang, so no network errors or retry timers get in the way.
  vi.stubGlobal('fetch', vi.fn(() => new Promise(() => {})));
  const stores = offlineHubClient();
  clients.push(stores.client);
  stores.client.setTopics([TOPIC]);
  let updates = 0;
  stores.topics.subscribe(() => updates++);
  return { ...stores, updates: () => updates };
}

afterEach(() => {
  for (const c of clients.splice(0)) c.stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('HubClient: a burst of live values', () => {
  it('reads only the newest on the next tick, in one store update; the rest are shed, not validated', async () => {
    const { client, topics, diagnostics, updates } = setup();
    const data = govValue();
    for (let seq = 1; seq <= 200; seq++) client.feed.receive(TOPIC, envelope(seq, data));
    expect(topics.getState().values[TOPIC]).toBeUndefined(); // not yet: applied on the next tick
    expect(diagnostics.getState()).toMatchObject({ accepted: 0, rejected: 0, shed: 0 });
    await new Promise((r) => setTimeout(r, 60));
    expect(topics.getState().values[TOPIC]?.seq).toBe(200);
    expect(updates()).toBe(1);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 0, shed: 199 });
    expect(diagnostics.getState().shedAt).toEqual(expect.any(Number));
  });

  it('a malformed newest value is rejected and the last good one stays', async () => {
    const { client, topics, diagnostics, updates } = setup();
    const data = govValue();
    client.feed.receive(TOPIC, envelope(1, data));
    client.feed.flush();
    for (let seq = 2; seq <= 10; seq++) client.feed.receive(TOPIC, envelope(seq, data));
    client.feed.receive(TOPIC, envelope(11, { nonsense: true }));
    await new Promise((r) => setTimeout(r, 60));
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 1, shed: 9 });
    expect(diagnostics.getState().lastError).toMatch(/^live\/gov\.services: data\./);
    expect(topics.getState().values[TOPIC]?.seq).toBe(1);
    expect(updates()).toBe(1);
  });

  it('a flood of 5,000 events before one flush costs one validation and one apply; 4,999 are shed', () => {
    const { client, topics, diagnostics, updates } = setup();
    const data = govValue();
    const schema = TOPICS.get(TOPIC)!.schema;
    const validate = vi.spyOn(schema, 'safeParse');
    for (let seq = 1; seq <= 5000; seq++) client.feed.receive(TOPIC, envelope(seq, data));
    expect(validate).not.toHaveBeenCalled(); // nothing is read on arrival
    client.feed.flush();
    expect(validate).toHaveBeenCalledTimes(1);
    expect(updates()).toBe(1);
    expect(topics.getState().values[TOPIC]).toMatchObject({ epoch: 'e1', seq: 5000, time: T0 + 5000 });
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 0, shed: 4999 });
    // Nothing is left waiting: another flush reads nothing and sheds nothing.
    client.feed.flush();
    expect(validate).toHaveBeenCalledTimes(1);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, shed: 4999 });
  });
});
