import type { WallState } from '../../src/hub/control.ts';
import { CONTROL_LIMITS } from '../../src/hub/control.ts';
import { initialWallState } from '../../src/hub/wall-state.ts';
import type { Ack, LogRecord, Presence } from './command-log.ts';

/** Walls a hub keeps (the console's WallsUpdate holds at most this many). */
export const MAX_WALLS = 64;
/** Command ids are remembered this long to refuse duplicates. */
export const COMMAND_ID_TTL_MS = 60 * 60_000;
/**
 * And at most this many (a few MB): the command limits let no one come near it within the hour,
 * and past it the oldest ids go first, so memory stays bounded whatever arrives.
 */
export const MAX_COMMAND_IDS = 100_000;

/**
 * Where the hub keeps wall state, command logs and who is online. In memory for one process;
 * in Redis (redis-store.ts) when several processes share walls.
 */
export interface WallStore {
  /**
   * Adds a wall to the known set (an operator, an enrolment or the configuration made it); false
   * when MAX_WALLS are known and this is not one of them. A display asking never makes a wall.
   */
  create(wall: string): Promise<boolean>;
  exists(wall: string): Promise<boolean>;
  walls(): Promise<string[]>;
  state(wall: string): Promise<WallState>;
  /** True the first time an id is seen (within COMMAND_ID_TTL_MS). */
  claimCommandId(id: string): Promise<boolean>;
  /**
   * Applies one step atomically: `step` gets the current state and returns the next one and its
   * log record; no other step on the same wall interleaves, so revs are strictly ordered.
   */
  apply(wall: string, step: (current: WallState) => { next: WallState; record: LogRecord }): Promise<{ next: WallState; record: LogRecord }>;
  /**
   * Records an ack into the wall's log entry `commandId` when `accept` agrees. Null when the wall
   * has no such entry; otherwise the entry (after the ack, if recorded).
   */
  recordAck(
    wall: string,
    commandId: string,
    display: string,
    ack: Ack,
    accept: (record: LogRecord) => boolean,
  ): Promise<{ record: LogRecord; recorded: boolean } | null>;
  /** Newest first, at most CONTROL_LIMITS.logEntries. */
  log(wall: string): Promise<LogRecord[]>;
  setDisplay(wall: string, presence: Presence): Promise<void>;
  /** Removes a display if `socketId` still holds it (a newer connection of it may have taken over). */
  removeDisplay(wall: string, display: string, socketId: string): Promise<void>;
  displays(wall: string): Promise<Presence[]>;
  close(): Promise<void>;
}

export function memoryWallStore(now: () => number = Date.now): WallStore {
  const states = new Map<string, WallState>();
  const logs = new Map<string, LogRecord[]>();
  const presence = new Map<string, Map<string, Presence>>();
  const commandIds = new Map<string, number>();

  return {
    async create(wall) {
      if (states.has(wall)) return true;
      if (states.size >= MAX_WALLS) return false;
      states.set(wall, initialWallState(wall, now()));
      return true;
    },
    async exists(wall) {
      return states.has(wall);
    },
    async walls() {
      return [...states.keys()];
    },
    async state(wall) {
      return states.get(wall) ?? initialWallState(wall, now());
    },
    async claimCommandId(id) {
      const t = now();
      if ((commandIds.get(id) ?? -Infinity) > t - COMMAND_ID_TTL_MS) return false;
      // Ids are inserted in time order, so the expired ones are at the front.
      for (const [old, at] of commandIds) {
        if (at > t - COMMAND_ID_TTL_MS && commandIds.size < MAX_COMMAND_IDS) break;
        commandIds.delete(old);
      }
      commandIds.set(id, t);
      return true;
    },
    async apply(wall, step) {
      const result = step(states.get(wall) ?? initialWallState(wall, now()));
      states.set(wall, result.next);
      const log = logs.get(wall) ?? [];
      log.unshift(result.record);
      log.length = Math.min(log.length, CONTROL_LIMITS.logEntries);
      logs.set(wall, log);
      return result;
    },
    async recordAck(wall, commandId, display, ack, accept) {
      const record = logs.get(wall)?.find((r) => r.id === commandId);
      if (!record) return null;
      if (!accept(record)) return { record, recorded: false };
      record.acks.set(display, ack);
      return { record, recorded: true };
    },
    async log(wall) {
      return (logs.get(wall) ?? []).map((r) => ({ ...r, acks: new Map(r.acks) }));
    },
    async setDisplay(wall, p) {
      let displays = presence.get(wall);
      if (!displays) presence.set(wall, (displays = new Map()));
      displays.set(p.display, { ...p });
    },
    async removeDisplay(wall, display, socketId) {
      const displays = presence.get(wall);
      if (displays?.get(display)?.socketId === socketId) displays.delete(display);
    },
    async displays(wall) {
      return [...(presence.get(wall)?.values() ?? [])].map((p) => ({ ...p }));
    },
    async close() {},
  };
}
