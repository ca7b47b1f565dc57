import { describe, expect, it } from 'vitest';
import { loadDistricts } from '../../mock-server/geo.ts';
import { govSim } from '../../mock-server/sim/gov.ts';
import { offlineHubClient } from './hub-client-fixture.ts';

const T0 = Date.UTC(2026, 10, 21, 2, 0);

/** A real gov.services value from the simulator (the topic's schema is not small). */
function govValue() {
  const districts = loadDistricts();
  const sim = govSim.create({ seed: 7, districts, districtProps: districts.features.map((f) => f.properties), startTime: T0, env: {} });
  const changed = sim.step(T0 + 5000);
  const data = changed.find(([t]) => t === 'gov.services')?.[1] ?? sim.latest('gov.services');
  if (!data) throw new Error('the gov simulator gave no gov.services value');
  return data;
}

describe('HubClient: a burst of live values', () => {
  it('validates every message but applies only the newest, in one store update', async () => {
    const { client, topics, diagnostics } = offlineHubClient();
    client.setTopics(['gov.services']);
    let updates = 0;
    topics.subscribe(() => updates++);
    const data = govValue();
    for (let seq = 1; seq <= 200; seq++) client.onTopic('gov.services', { v: 1, topic: 'gov.services', seq, time: T0 + seq, data });
    client.onTopic('gov.services', { v: 1, topic: 'gov.services', seq: 201, time: T0 + 201, data: { nonsense: true } });
    expect(diagnostics.getState().accepted).toBe(200);
    expect(diagnostics.getState().rejected).toBe(1);
    expect(topics.getState().values['gov.services']).toBeUndefined(); // not yet: applied on the next tick
    await new Promise((r) => setTimeout(r, 60));
    expect(topics.getState().values['gov.services']?.seq).toBe(200);
    expect(updates).toBe(1);
    client.stop();
  });
});
