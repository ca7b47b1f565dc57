import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacketType } from 'socket.io-parser';
import { LIMITS } from './contract.ts';
import { boundedParser } from './live-socket.ts';

function decoder() {
  const oversize: number[] = [];
  const { Decoder } = boundedParser((bytes) => oversize.push(bytes));
  const d = new Decoder();
  const decoded: { type: number; data?: unknown }[] = [];
  d.on('decoded', (p: { type: number; data?: unknown }) => decoded.push(p));
  return { d, oversize, decoded };
}

/** A socket.io EVENT packet as the hub's engine delivers it: '2' then the JSON array. */
const eventPacket = (name: string, payload: unknown) => `2${JSON.stringify([name, payload])}`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('boundedParser', () => {
  it('drops a text packet over LIMITS.maxMessageBytes without calling JSON.parse, and reports its size', () => {
    const { d, oversize, decoded } = decoder();
    const packet = eventPacket('overview', { pad: 'x'.repeat(LIMITS.maxMessageBytes) });
    const parse = vi.spyOn(JSON, 'parse');
    d.add(packet);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(oversize).toEqual([packet.length]);
    expect(decoded).toEqual([]);
  });

  it('counts bytes, not characters: a multi-byte packet over the bound is dropped, one under it passes', () => {
    const { d, oversize, decoded } = decoder();
    // 400k characters of 3 bytes each: 1.2 MB on the wire.
    const wide = eventPacket('gov.services', { name: '中'.repeat(400_000) });
    const parse = vi.spyOn(JSON, 'parse');
    d.add(wide);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(oversize).toEqual([new TextEncoder().encode(wide).byteLength]);
    expect(decoded).toEqual([]);
    // 300k of them: 0.9 MB, within the bound.
    d.add(eventPacket('gov.services', { name: '中'.repeat(300_000) }));
    expect(oversize).toHaveLength(1);
    expect(decoded).toHaveLength(1);
    expect((decoded[0].data as [string, { name: string }])[1].name).toHaveLength(300_000);
  });

  it('passes normal packets through to socket.io’s own decoder, also after dropping one', () => {
    const { d, oversize, decoded } = decoder();
    const parse = vi.spyOn(JSON, 'parse');
    d.add(eventPacket('overview', { v: 2, seq: 1 }));
    expect(parse).toHaveBeenCalled();
    parse.mockRestore();
    d.add(eventPacket('overview', { pad: 'x'.repeat(LIMITS.maxMessageBytes + 10) }));
    const nearlyFull = eventPacket('traffic.roads', { pad: 'y'.repeat(LIMITS.maxMessageBytes - 100) });
    expect(nearlyFull.length).toBeLessThanOrEqual(LIMITS.maxMessageBytes);
    d.add(nearlyFull);
    expect(oversize).toHaveLength(1);
    expect(decoded.map((p) => p.type)).toEqual([PacketType.EVENT, PacketType.EVENT]);
    expect(decoded[0].data).toEqual(['overview', { v: 2, seq: 1 }]);
    expect((decoded[1].data as [string, { pad: string }])[1].pad).toHaveLength(LIMITS.maxMessageBytes - 100);
  });

  it('passes a binary event’s header (‘5…’) through so its attachments reach the decoder', () => {
    const { d, oversize, decoded } = decoder();
    const header = `51-${JSON.stringify(['traffic.vehicles', { v: 2, topic: 'traffic.vehicles', seq: 1, data: { positions: { _placeholder: true, num: 0 } } }])}`;
    d.add(header);
    expect(decoded).toEqual([]); // waits for its attachment
    const column = new Uint8Array([1, 2, 3, 4]).buffer;
    d.add(column);
    expect(oversize).toEqual([]);
    expect(decoded).toHaveLength(1);
    expect(decoded[0].type).toBe(PacketType.EVENT); // reconstructed with its attachment
    const [name, payload] = decoded[0].data as [string, { data: { positions: ArrayBuffer } }];
    expect(name).toBe('traffic.vehicles');
    expect(payload.data.positions).toBe(column);
  });

  it('drops an oversized binary event’s header with its attachments, and the next event still decodes', () => {
    const { d, oversize, decoded } = decoder();
    const pad = 'x'.repeat(LIMITS.maxMessageBytes + 10);
    d.add(`52-${JSON.stringify(['traffic.vehicles', { pad, data: { a: { _placeholder: true, num: 0 }, b: { _placeholder: true, num: 1 } } }])}`);
    d.add(new Uint8Array([1]).buffer);
    d.add(new Uint8Array([2]).buffer);
    expect(oversize).toHaveLength(1);
    expect(decoded).toEqual([]);
    d.add(`2${JSON.stringify(['overview', { v: 2, seq: 2 }])}`);
    expect(decoded.map((p) => p.data)).toEqual([['overview', { v: 2, seq: 2 }]]);
  });

  it('keeps the rest of socket.io-parser (the Encoder, packet types) as it is', async () => {
    const parser = await import('socket.io-parser');
    const bounded = boundedParser(() => {});
    expect(bounded.Encoder).toBe(parser.Encoder);
    expect(bounded.PacketType).toBe(parser.PacketType);
    expect(bounded.Decoder).not.toBe(parser.Decoder);
  });
});
