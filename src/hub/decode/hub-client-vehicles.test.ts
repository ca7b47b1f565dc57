import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOPICS } from '../contract.ts';
import { offlineHubClient } from '../hub-client-fixture.ts';
import type { HubClient } from '../hub-client.ts';
import type { FrameDecoder } from './decode-bridge.ts';
import { syncDecoder } from './decoders.ts';
import { encodeVehicleFrame, type DecodedVehicles } from './vehicle-frame.ts';

const TOPIC = 'traffic.vehicles';
const clients: HubClient[] = [];

function setup(decoder: FrameDecoder = syncDecoder()) {
  const { client, diagnostics, topics } = offlineHubClient({ decoder });
  clients.push(client);
  client.setTopics([TOPIC]);
  return { client, diagnostics, topics };
}

afterEach(() => {
  for (const c of clients.splice(0)) c.stop();
});

/** A live event as the socket delivers it, read at once. */
function push(client: HubClient, payload: unknown) {
  client.feed.receive(TOPIC, payload);
  client.feed.flush();
}

const frame = (seq: number, epoch = 'e1') =>
  encodeVehicleFrame(seq, 1_700_000_000_000 + seq, new Float32Array([106.5, 29.5, 106.6, 29.6]), Uint8Array.of(0, 60), epoch);

describe('HubClient: binary vehicle frames through the decoder', () => {
  it('stores the decoded typed arrays (colours included) and counts the frame accepted', () => {
    const { client, diagnostics, topics } = setup();
    push(client, frame(7));
    const value = topics.getState().values[TOPIC];
    expect(value?.seq).toBe(7);
    expect(value?.epoch).toBe('e1');
    const data = value?.data as DecodedVehicles;
    expect(data.positions).toBeInstanceOf(Float32Array);
    expect(data.colors).toHaveLength(8);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('counts a truncated frame as rejected under live/traffic.vehicles and keeps the last good one', () => {
    const { client, diagnostics, topics } = setup();
    push(client, frame(1));
    const bad = frame(2);
    bad.data.speeds = new ArrayBuffer(1);
    push(client, bad);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 1 });
    expect(diagnostics.getState().lastError).toBe('live/traffic.vehicles: data.speeds: truncated: 1 bytes for 2 vehicles (expected 2)');
    expect(topics.getState().values[TOPIC]?.seq).toBe(1);
  });

  it('counts frames dropped while the decoder is busy in diagnostics', () => {
    const jobs: (() => void)[] = [];
    const sync = syncDecoder();
    const slow: FrameDecoder = { decode: (j, done) => void jobs.push(() => sync.decode(j, done)) };
    const { client, diagnostics, topics } = setup(slow);
    for (let seq = 1; seq <= 4; seq++) push(client, frame(seq));
    while (jobs.length) jobs.shift()!();
    expect(diagnostics.getState()).toMatchObject({ accepted: 2, dropped: 2, shed: 0 });
    expect(topics.getState().values[TOPIC]?.seq).toBe(4);
  });

  it('sheds frames replaced before a flush without decoding them', () => {
    const decode = vi.fn(syncDecoder().decode);
    const { client, diagnostics, topics } = setup({ decode });
    for (let seq = 1; seq <= 4; seq++) client.feed.receive(TOPIC, frame(seq));
    client.feed.flush();
    expect(decode).toHaveBeenCalledTimes(1);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, shed: 3, dropped: 0 });
    expect(topics.getState().values[TOPIC]?.seq).toBe(4);
  });

  it('orders a frame by its header before decoding it: a replay is not decoded, a new epoch is', () => {
    const decode = vi.fn(syncDecoder().decode);
    const { client, diagnostics, topics } = setup({ decode });
    push(client, frame(10));
    push(client, { ...frame(9), time: frame(10).time + 60_000 }); // replay: older seq, newer time
    push(client, frame(10));
    expect(decode).toHaveBeenCalledTimes(1);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 0 });
    push(client, frame(1, 'e2')); // the hub restarted
    expect(decode).toHaveBeenCalledTimes(2);
    expect(topics.getState().values[TOPIC]).toMatchObject({ epoch: 'e2', seq: 1 });
  });

  it('rejects a frame whose columns exceed the topic’s maxBytes without decoding it', () => {
    const maxBytes = TOPICS.get(TOPIC)!.maxBytes;
    const decode = vi.fn(syncDecoder().decode);
    const { client, diagnostics, topics } = setup({ decode });
    push(client, frame(1));
    expect(decode).toHaveBeenCalledTimes(1);

    const big = frame(2);
    big.data.positions = new ArrayBuffer(maxBytes - 1);
    big.data.speeds = new ArrayBuffer(2); // together one byte over
    push(client, big);
    expect(decode).toHaveBeenCalledTimes(1);
    expect(diagnostics.getState()).toMatchObject({ accepted: 1, rejected: 1 });
    expect(diagnostics.getState().lastError).toBe(
      `live/traffic.vehicles: ${maxBytes + 1} bytes of columns, over the topic's bound of ${maxBytes}: dropped undecoded`,
    );
    // Node Buffers (views) count by their own length, not their pool's.
    const viaView = frame(3);
    viaView.data.positions = Buffer.alloc(maxBytes + 1) as unknown as ArrayBuffer;
    push(client, viaView);
    expect(decode).toHaveBeenCalledTimes(1);
    expect(diagnostics.getState().rejected).toBe(2);
    expect(topics.getState().values[TOPIC]?.seq).toBe(1);

    // Exactly at the bound, the frame goes on to the codec (which judges its count).
    const atBound = frame(4);
    atBound.data.positions = new ArrayBuffer(maxBytes - 2);
    push(client, atBound);
    expect(decode).toHaveBeenCalledTimes(2);
  });
});
