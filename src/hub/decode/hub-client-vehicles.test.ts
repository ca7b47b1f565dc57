import { describe, expect, it } from 'vitest';
import { offlineHubClient } from '../hub-client-fixture.ts';
import type { FrameDecoder } from './decode-bridge.ts';
import { syncDecoder } from './decoders.ts';
import { encodeVehicleFrame, type DecodedVehicles } from './vehicle-frame.ts';

function setup(decoder: FrameDecoder = syncDecoder()) {
  const { client, diagnostics, topics } = offlineHubClient({ decoder });
  client.setTopics(['traffic.vehicles']);
  return { client, diagnostics, topics };
}

const frame = (seq: number) => encodeVehicleFrame(seq, 1_700_000_000_000 + seq, new Float32Array([106.5, 29.5, 106.6, 29.6]), Uint8Array.of(0, 60));

describe('HubClient: binary vehicle frames through the decoder', () => {
  it('stores the decoded typed arrays (colours included) and counts the frame accepted', () => {
    const { client, diagnostics, topics } = setup();
    client.onTopic('traffic.vehicles', frame(7));
    const value = topics.getState().values['traffic.vehicles'];
    expect(value?.seq).toBe(7);
    const data = value?.data as DecodedVehicles;
    expect(data.positions).toBeInstanceOf(Float32Array);
    expect(data.colors).toHaveLength(8);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('counts a truncated frame as rejected under live/traffic.vehicles and keeps the last good one', () => {
    const { client, diagnostics, topics } = setup();
    client.onTopic('traffic.vehicles', frame(1));
    const bad = frame(2);
    bad.data.speeds = new ArrayBuffer(1);
    client.onTopic('traffic.vehicles', bad);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 1 });
    expect(diagnostics.getState().lastError).toBe('live/traffic.vehicles: data.speeds: truncated: 1 bytes for 2 vehicles (expected 2)');
    expect(topics.getState().values['traffic.vehicles']?.seq).toBe(1);
  });

  it('counts frames dropped while the decoder is busy in diagnostics', () => {
    const jobs: (() => void)[] = [];
    const sync = syncDecoder();
    const slow: FrameDecoder = { decode: (p, done) => void jobs.push(() => sync.decode(p, done)) };
    const { client, diagnostics, topics } = setup(slow);
    for (let seq = 1; seq <= 4; seq++) client.onTopic('traffic.vehicles', frame(seq));
    while (jobs.length) jobs.shift()!();
    expect(diagnostics.getState()).toMatchObject({ accepted: 2, dropped: 2 });
    expect(topics.getState().values['traffic.vehicles']?.seq).toBe(4);
  });
});
