import type { z } from 'zod';
import { ErrorBodySchema, describeIssue } from '../contract.ts';
import type { WallTime } from '../control.ts';
import { RECORDINGS_API, RECORDING_LIMITS, RecordingMessagesSchema, RecordingStateSchema, restoreBinary, type RecordedEnvelope } from '../recording.ts';
import { replayedAt } from '../replay-clock.ts';
import type { HubRest } from '../rest.ts';
import type { TokenSource } from '../display-token.ts';
import { PLAYBACK_TUNING, fellBehind, pageWindow, pollsAt, takeDue, wantsPage } from './plan.ts';

type Playback = Extract<WallTime, { mode: 'playback' }>;

/** Where replayed data goes: the wall's one topic feed (topic-feed.ts). */
export interface PlaybackSink {
  readonly topics: readonly string[];
  enterPlayback(generation: number): void;
  replay(generation: number, envelope: unknown): void;
  leavePlayback(): void;
}

export interface PlayerDeps {
  rest: HubRest;
  /** The display's token: the recordings answer signed-in tokens only (Authorization: Bearer). */
  token: TokenSource;
  sink: PlaybackSink;
  /** Hub time now (the wall clock). */
  now: () => number;
  /** Timers (tests drive them); default setInterval/clearInterval. */
  every?: (fn: () => void, ms: number) => () => void;
}

const REST_TIMEOUT_MS = 8_000;

/** A refusal from the recordings REST: named in diagnostics, the picture stays. */
class RecordingFetchError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The time machine on a wall: while the wall's time is playback, it takes the recording's state at
 * the replayed moment (/recordings/state) on entering and on every seek, then pages
 * /recordings/messages ahead of the replayed clock (one request in flight, a bounded buffer) and,
 * every tick, hands the sink the newest envelope per topic recorded by the clock (plan.ts). At the
 * highest rates, or when paging falls behind, it polls /state at the clock instead. A failed fetch
 * (a seek outside the range, a hub away) leaves the wall's last picture and is said in diagnostics.
 */
export class PlaybackPlayer {
  private time: Playback | null = null;
  private seekKey = '';
  private generation = 0;
  private buffer: RecordedEnvelope[] = [];
  private fetchedTo = 0;
  private cursor: { from: number; to: number; cursor: string } | null = null;
  private inFlight = false;
  /** The state at the seek moment has been applied: paging may start. */
  private seeked = false;
  private lastPoll = 0;
  private retryAfter = 0;
  /** The replayed clock ran past the recording's end (416 while playing): nothing more to fetch until a seek. */
  private atEnd = false;
  private stopTimer: (() => void) | null = null;

  constructor(private deps: PlayerDeps) {}

  /** The replayed clock now; null while live. */
  clock(): number | null {
    return this.time ? replayedAt(this.time, this.deps.now()) : null;
  }

  /** The wall's time changed (a snapshot or a delta): start, seek, change rate, pause, or go live. */
  setTime(time: WallTime | null | undefined) {
    if (!time || time.mode === 'live') return this.goLive();
    const key = `${time.at}:${time.anchor ?? ''}:${time.rate ?? 1}:${time.paused ? 1 : 0}`;
    this.time = time;
    if (key === this.seekKey) return;
    this.seekKey = key;
    this.seek();
  }

  /** The wall's topics changed mid-playback: the new ones need their state at the clock. */
  topicsChanged() {
    if (this.time) this.seek();
  }

  stop() {
    this.stopTimer?.();
    this.stopTimer = null;
  }

  /** For tests and diagnostics. */
  get status() {
    return { generation: this.generation, buffered: this.buffer.length, fetchedTo: this.fetchedTo, inFlight: this.inFlight, seeked: this.seeked };
  }

  private goLive() {
    if (!this.time) return;
    this.time = null;
    this.seekKey = '';
    this.generation++; // answers still in flight belong to no seek
    this.buffer = [];
    this.stop();
    this.deps.sink.leavePlayback();
  }

  private seek() {
    this.generation++;
    this.buffer = [];
    this.cursor = null;
    this.seeked = false;
    this.inFlight = false; // an answer to an older request is dropped by its generation
    this.retryAfter = 0;
    this.atEnd = false;
    this.deps.sink.enterPlayback(this.generation);
    if (!this.stopTimer) {
      const every =
        this.deps.every ??
        ((fn, ms) => {
          const t = setInterval(fn, ms);
          return () => clearInterval(t);
        });
      this.stopTimer = every(() => this.tick(), PLAYBACK_TUNING.tickMs);
    }
    this.tick();
  }

  /** Public for tests: one look at the clock. */
  tick() {
    const time = this.time;
    if (!time) return;
    const now = this.deps.now();
    const clock = replayedAt(time, now);
    if (!this.seeked || (!time.paused && pollsAt(time.rate ?? 1))) {
      // Entering, seeking, or a rate too high to page: the state at the clock.
      if (this.inFlight || now < this.retryAfter || (this.seeked && this.atEnd)) return;
      if (this.seeked && now - this.lastPoll < PLAYBACK_TUNING.pollMs) return;
      this.lastPoll = now;
      return void this.fetchState(clock);
    }
    const { due, rest } = takeDue(this.buffer, clock);
    this.buffer = rest;
    for (const envelope of due) this.apply(envelope);
    if (time.paused || this.inFlight || now < this.retryAfter || this.atEnd) return;
    const paging = { clock, rate: time.rate ?? 1, fetchedTo: this.fetchedTo, buffered: this.buffer.length, inFlight: this.inFlight };
    if (fellBehind(paging) && this.buffer.length === 0) {
      // The pages did not keep up: take the moment whole and page on from it.
      this.deps.rest.diag.error('playback', `paging fell behind the replayed clock by ${Math.round((clock - this.fetchedTo) / 1000)} s: taking the state at the clock`);
      this.seeked = false;
      return void this.fetchState(clock);
    }
    if (this.cursor || wantsPage(paging)) this.fetchPage(paging);
  }

  private apply(envelope: RecordedEnvelope) {
    this.deps.sink.replay(this.generation, { ...envelope, data: restoreBinary(envelope.data) });
  }

  private topicsParam(): string | null {
    const topics = this.deps.sink.topics.slice(0, RECORDING_LIMITS.maxTopics);
    return topics.length ? topics.map(encodeURIComponent).join(',') : null;
  }

  private fetchState(at: number) {
    const topics = this.topicsParam();
    if (!topics) return void (this.seeked = true);
    const generation = this.generation;
    this.inFlight = true;
    this.get(`${RECORDINGS_API.state}?at=${Math.floor(at)}&topics=${topics}`, RecordingStateSchema)
      .then((state) => {
        if (generation !== this.generation) return;
        for (const envelope of state.envelopes) this.apply(envelope);
        this.seeked = true;
        this.fetchedTo = Math.floor(at);
        this.cursor = null;
        this.buffer = [];
      })
      .catch((err: Error) => this.failed(generation, err))
      .finally(() => {
        if (generation === this.generation) this.inFlight = false;
      });
  }

  private fetchPage(s: { clock: number; rate: number; fetchedTo: number }) {
    const topics = this.topicsParam();
    if (!topics) return;
    const window = this.cursor ?? pageWindow(s);
    const generation = this.generation;
    this.inFlight = true;
    const cursor = this.cursor ? `&cursor=${this.cursor.cursor}` : '';
    this.get(`${RECORDINGS_API.messages}?from=${window.from}&to=${window.to}&topics=${topics}&limit=${PLAYBACK_TUNING.pageLimit}${cursor}`, RecordingMessagesSchema)
      .then((page) => {
        if (generation !== this.generation) return;
        // Recording order; anything at or before what was fetched already is not played twice.
        const last = this.buffer.at(-1)?.recordedAt ?? -Infinity;
        for (const e of page.envelopes) if (e.recordedAt > last) this.buffer.push(e);
        if (page.next) {
          this.cursor = { from: window.from, to: window.to, cursor: page.next };
          this.fetchedTo = Math.max(this.fetchedTo, page.envelopes.at(-1)?.recordedAt ?? this.fetchedTo);
        } else {
          this.cursor = null;
          this.fetchedTo = Math.max(this.fetchedTo, window.to);
        }
      })
      .catch((err: Error) => {
        // Past the recording's end (416): nothing more to play; the clock runs on, the picture stays.
        this.failed(generation, err);
      })
      .finally(() => {
        if (generation === this.generation) this.inFlight = false;
      });
  }

  private failed(generation: number, err: Error) {
    if (generation !== this.generation) return;
    if (this.seeked && err instanceof RecordingFetchError && err.status === 416) {
      // Playing on past the end of what was recorded: the wall keeps the last recorded picture.
      this.atEnd = true;
      return this.deps.rest.diag.error('playback', 'the replay passed the end of the recording: the wall keeps its last recorded picture');
    }
    this.retryAfter = this.deps.now() + PLAYBACK_TUNING.retryMs;
    this.deps.rest.diag.error('playback', `${err.message} (the wall keeps its picture)`);
  }

  private async get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const token = await this.deps.token.current();
    const res = await fetch(this.deps.rest.url(path), {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(REST_TIMEOUT_MS),
    });
    const body: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      if (res.status === 401) this.deps.token.refused();
      const refusal = ErrorBodySchema.safeParse(body);
      throw new RecordingFetchError(`GET ${path.split('?')[0]}: HTTP ${res.status}${refusal.success ? ` ${refusal.data.error}: ${refusal.data.message.slice(0, 200)}` : ''}`, res.status);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const message = `GET ${path.split('?')[0]} rejected: ${describeIssue(parsed.error)}`;
      this.deps.rest.diag.rejected('playback', message);
      throw new RecordingFetchError(message);
    }
    this.deps.rest.diag.accepted();
    return parsed.data;
  }
}
