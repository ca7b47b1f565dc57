import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, WallAck, WallState } from '../hub/control.ts';
import { createControlStore, type WallChange } from '../store/control-store.ts';
import { DisplaySync, type DisplaySyncDeps } from './display-sync.ts';
import { applyCommand, initialWallState } from '../hub/wall-state.ts';

const WALL = 'main';
const T0 = 1_790_000_000_000;

/** A consistent hub history: states[r] is the wall after command r (issued at T0 + r). */
function history(commands: Command[]) {
  const states: WallState[] = [initialWallState(WALL, T0)];
  for (const c of commands) states.push(applyCommand(states[states.length - 1], c, T0 + states.length));
  return states;
}
const delta = (commands: Command[], rev: number) => ({
  wall: WALL,
  rev,
  commandId: `cmd-${String(rev).padStart(6, '0')}`,
  command: commands[rev - 1],
  issuedAt: T0 + rev,
});

function harness(overrides: Partial<DisplaySyncDeps> = {}) {
  const store = createControlStore();
  const applied: { state: WallState; change: WallChange }[] = [];
  const acks: WallAck[] = [];
  const joins: ((raw: unknown) => void)[] = [];
  const events: string[] = [];
  const sync = new DisplaySync({
    wall: WALL,
    display: 'a',
    store,
    apply: (state, change) => {
      applied.push({ state, change });
      return null;
    },
    join: () => new Promise((resolve) => joins.push(resolve)),
    ack: (a) => (acks.push(a), events.push(`ack ${a.rev}`)),
    reload: () => events.push('reload'),
    rejected: () => {},
    connected: () => true,
    setTimer: () => 0,
    ...overrides,
  });
  return { store, applied, acks, joins, events, sync };
}
/** Lets the answer to a join (a resolved promise) reach the display. */
const flush = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('layer' as const), layer: fc.constantFrom('district', 'rain', 'roads'), visible: fc.boolean() }),
  fc.record({ type: fc.constant('scene' as const), scene: fc.constantFrom('overview', 'weather', 'traffic') }),
  fc.record({
    type: fc.constant('fly' as const),
    to: fc.option(fc.record({ center: fc.tuple(fc.double({ min: 105, max: 110, noNaN: true }), fc.double({ min: 28, max: 32, noNaN: true })) })),
  }),
  fc.record({ type: fc.constant('time' as const), time: fc.constant({ mode: 'live' as const }) }),
);

describe('display sync', () => {
  it('never applies a rev twice or out of order, whatever the interleaving of replays, duplicates, gaps and reconnects', async () => {
    const step = fc.oneof(
      fc.constant({ t: 'emit' as const }), // the hub applies its next command and sends the delta
      fc.record({ t: fc.constant('replay' as const), back: fc.nat(40) }), // an old delta comes again
      fc.constant({ t: 'drop' as const }), // the hub applies a command whose delta this display misses
      fc.constant({ t: 'answer' as const }), // the oldest pending join is answered
      fc.constant({ t: 'reconnect' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 30 }), fc.array(step, { maxLength: 80 }), async (commands, steps) => {
        const states = history(commands);
        const { applied, acks, joins, sync } = harness();
        let hubRev = 0;
        sync.onConnect();
        for (const s of steps) {
          if (s.t === 'emit' && hubRev < commands.length) sync.onDelta(delta(commands, ++hubRev));
          else if (s.t === 'drop' && hubRev < commands.length) hubRev++;
          else if (s.t === 'replay' && hubRev > 0) sync.onDelta(delta(commands, Math.max(1, hubRev - s.back)));
          else if (s.t === 'answer' && joins.length) joins.shift()!({ state: states[hubRev], hubTime: T0 + 5000 });
          else if (s.t === 'reconnect') (sync.onDisconnect(), sync.onConnect());
          await flush();
        }
        // The hub sends the rest; then the display reconnects (as after any loss) and catches up.
        while (hubRev < commands.length) (sync.onDelta(delta(commands, ++hubRev)), await flush());
        sync.onDisconnect();
        sync.onConnect();
        while (joins.length) (joins.shift()!({ state: states[hubRev], hubTime: T0 + 5000 }), await flush());

        const deltaRevs = applied.filter((a) => a.change.kind === 'delta').map((a) => a.state.rev);
        for (let i = 1; i < deltaRevs.length; i++) expect(deltaRevs[i]).toBeGreaterThan(deltaRevs[i - 1]);
        for (const a of applied) {
          // Every state put on the wall is exactly the hub's state at that rev.
          expect(a.state).toEqual(states[a.state.rev]);
          if (a.change.kind === 'delta') expect(a.change.prev.rev).toBe(a.state.rev - 1);
        }
        expect(acks.map((a) => a.rev)).toEqual(deltaRevs);
        expect(sync.rev).toBe(commands.length);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('buffers deltas that arrive while the snapshot is on its way and drops what the snapshot holds', async () => {
    const commands: Command[] = [
      { type: 'scene', scene: 'weather' },
      { type: 'layer', layer: 'rain', visible: false },
      { type: 'time', time: { mode: 'playback', at: T0 - 3600_000 } },
    ];
    const states = history(commands);
    const { applied, joins, sync, store } = harness();
    sync.onConnect();
    sync.onDelta(delta(commands, 1));
    sync.onDelta(delta(commands, 2));
    sync.onDelta(delta(commands, 3));
    expect(applied).toHaveLength(0);
    joins.shift()!({ state: states[2], hubTime: T0 });
    await flush();
    expect(applied.map((a) => [a.change.kind, a.state.rev])).toEqual([
      ['snapshot', 2],
      ['delta', 3],
    ]);
    expect(store.getState()).toMatchObject({ synced: true, snapshots: 1, applied: 1 });
  });

  it('holds deltas recovered before the reconnect (socket.io replays missed events before connect) for the snapshot', async () => {
    const commands: Command[] = [
      { type: 'layer', layer: 'rain', visible: false },
      { type: 'fly', to: { center: [106.53, 29.55] } },
    ];
    const states = history(commands);
    const { applied, joins, sync } = harness();
    sync.onConnect();
    joins.shift()!({ state: states[1], hubTime: T0 });
    await flush();
    sync.onDisconnect();
    sync.onDelta(delta(commands, 2)); // the missed fly, recovered before 'connect'
    expect(applied).toHaveLength(1);
    sync.onConnect();
    joins.shift()!({ state: states[2], hubTime: T0 });
    await flush();
    // The missed command lands as part of the snapshot (a jump), never as a late flight.
    expect(applied.map((a) => [a.change.kind, a.state.rev])).toEqual([
      ['snapshot', 1],
      ['snapshot', 2],
    ]);
  });

  it('asks for a new snapshot on a gap and takes no delta beyond it', async () => {
    const commands: Command[] = Array.from({ length: 5 }, (_, i) => ({ type: 'layer', layer: 'rain', visible: i % 2 === 0 }));
    const states = history(commands);
    const { applied, joins, sync, store } = harness();
    sync.onConnect();
    joins.shift()!({ state: states[1], hubTime: T0 });
    await flush();
    sync.onDelta(delta(commands, 3)); // rev 2 was missed
    expect(joins).toHaveLength(1);
    expect(store.getState().gaps).toBe(1);
    joins.shift()!({ state: states[4], hubTime: T0 });
    await flush();
    sync.onDelta(delta(commands, 4)); // a replay now
    sync.onDelta(delta(commands, 5));
    expect(applied.map((a) => [a.change.kind, a.state.rev])).toEqual([
      ['snapshot', 1],
      ['snapshot', 4],
      ['delta', 5],
    ]);
    expect(store.getState().replays).toBe(2); // the buffered rev 3 and rev 4: both held by the snapshot
  });

  it('acknowledges a command it could not apply with the reason, and reloads only after acknowledging', async () => {
    const commands: Command[] = [{ type: 'scene', scene: 'nowhere' }, { type: 'reload', display: 'b' }, { type: 'reload' }];
    const states = history(commands);
    const { acks, joins, sync, events } = harness({ apply: (_s, c) => (c.kind === 'delta' && c.command.type === 'scene' ? 'scene "nowhere" is unknown' : null) });
    sync.onConnect();
    joins.shift()!({ state: states[0], hubTime: T0 });
    await flush();
    for (const rev of [1, 2, 3]) sync.onDelta(delta(commands, rev));
    expect(acks[0]).toMatchObject({ rev: 1, ok: false, error: 'scene "nowhere" is unknown' });
    // The reload for display b is acknowledged by display a but not obeyed; the one for all is.
    expect(events).toEqual(['ack 1', 'ack 2', 'ack 3', 'reload']);
  });

  it('rejects malformed payloads and a snapshot of another wall, keeping what it holds', async () => {
    const rejected: string[] = [];
    const { applied, joins, sync } = harness({ rejected: (source, message) => rejected.push(`${source}: ${message}`) });
    sync.onConnect();
    joins.shift()!({ state: { ...initialWallState('other', T0) }, hubTime: T0 });
    await flush();
    sync.onDelta({ wall: WALL, rev: -1 });
    sync.onDelta('nonsense');
    expect(applied).toHaveLength(0);
    expect(rejected).toHaveLength(3);
    expect(rejected[0]).toMatch(/wall:join: snapshot of wall "other"/);
    expect(rejected[1]).toMatch(/^wall:delta: /);
  });
});
