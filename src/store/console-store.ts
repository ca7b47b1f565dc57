import { createStore } from 'zustand/vanilla';
import type { Tour } from '../hub/tour.ts';
import type { Command, CommandReceipt, WallStatus } from '../hub/control.ts';

export interface ConsoleSession {
  token: string;
  user: string;
  expiresAt: number;
}

/** A command as this console sent it, with the hub's receipt (refusals never reach the hub's log). */
export interface SentCommand {
  id: string;
  wall: string;
  command: Command;
  sentAt: number;
  receipt: CommandReceipt | null;
}

/** A district the console can fly to or highlight. */
export interface DistrictChoice {
  code: string;
  name: string;
  nameEn: string;
  center: [number, number];
}

/** A scene the console can switch to, with the layers it can toggle. */
export interface SceneChoice {
  id: string;
  title: string;
  titleEn: string;
  layers: { id: string; kind: string; visible: boolean }[];
  /** The scene's guided tours, whole: the presenter shows their captions and notes. */
  tours: Tour[];
}

export type LinkStatus = 'signed-out' | 'connecting' | 'live' | 'reconnecting';

export interface ConsoleState {
  session: ConsoleSession | null;
  /** Why the console is at the sign-in form (expired, revoked, wrong password…). */
  signInMessage: string | null;
  link: LinkStatus;
  walls: WallStatus[];
  /** Hub clock minus this tablet's clock, from the last WallsUpdate. */
  hubOffsetMs: number;
  selectedWall: string | null;
  scenes: SceneChoice[];
  districts: DistrictChoice[];
  sent: SentCommand[];
  /** The last thing to tell the operator (a refusal, an invalid input), shown until replaced. */
  notice: { tone: 'error' | 'info'; text: string } | null;
  /** Hub payloads that failed validation and were dropped. */
  rejected: number;
  lastRejection: string | null;
}

export const MAX_SENT = 100;

export const createConsoleStore = () =>
  createStore<ConsoleState>(() => ({
    session: null,
    signInMessage: null,
    link: 'signed-out',
    walls: [],
    hubOffsetMs: 0,
    selectedWall: null,
    scenes: [],
    districts: [],
    sent: [],
    notice: null,
    rejected: 0,
    lastRejection: null,
  }));
export type ConsoleStore = ReturnType<typeof createConsoleStore>;
