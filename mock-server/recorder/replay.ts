/**
 * HUB_REPLAY=<file.mcap or directory>: the hub serves a recording instead of running its
 * simulators (a kiosk or a demo without the city's systems, a past day shown again).
 *
 * The recorded envelopes go out on their recorded rhythm: the recording's first moment is the
 * hub's start, each envelope leaves when as much time has passed as had passed in the recording,
 * and carries that moment as its `time` (so walls see fresh data, not hours-old data). At the end it
 * starts over, under a new epoch (walls treat it as a hub restart: they refetch snapshots). Payloads
 * are as recorded, times inside them included (a chart's history shows the recorded hours).
 * Each loop numbers `seq` from 1 per topic: a recording may span several hub runs, and within one
 * epoch seq must only grow.
 *
 * Same rooms, conflation and snapshots as the topic engine (topic-engine.ts), so a wall cannot tell.
 */
import type { Namespace } from 'socket.io';
import { CONTRACT_VERSION, TOPICS } from '../../src/hub/contract.ts';
import { createConflator } from '../conflate.ts';
import type { HubLog } from '../log.ts';
import { FAULT_NOT_AN_ENVELOPE, settingInRange, topicRoom } from '../topic-engine.ts';
import { openRecording, type Recording } from './reader.ts';

/** Between the recording's last moment and its first, when it loops. */
const LOOP_GAP_MS = 1000;

/**
 * The recording HUB_REPLAY names, checked before the hub starts: a missing file, one that is not
 * MCAP, or one with nothing in it stops the hub with the file and the problem named. A truncated
 * one is only warned about (reader.ts) and plays up to its cut.
 */
export async function openReplay(path: string, log: HubLog): Promise<Recording> {
  let recording: Recording;
  try {
    recording = await openRecording(path, { log });
  } catch (err) {
    throw new Error(`HUB_REPLAY=${path}: ${(err as Error).message}`);
  }
  const bad = recording.unreadable();
  if (bad.length) {
    await recording.close();
    throw new Error(`HUB_REPLAY=${path}: ${bad[0].file} cannot be replayed: ${bad[0].error}`);
  }
  if (!recording.range()) {
    await recording.close();
    throw new Error(`HUB_REPLAY=${path}: it holds no recorded envelopes (${recording.isDir ? 'no .mcap file with messages in the directory' : 'an empty recording'})`);
  }
  return recording;
}

export function startReplayEngine(live: Namespace, recording: Recording, opts: { env: Record<string, string | undefined>; startTime: number; log: HubLog }) {
  const { log } = opts;
  const maxHz = settingInRange('HUB_TOPIC_MAX_HZ', opts.env.HUB_TOPIC_MAX_HZ, 1, 240, 30);
  const range = recording.range()!;
  let loop = 0;
  const epochOf = (n: number) => `${opts.startTime.toString(36)}-replay${n}`;
  let epoch = epochOf(0);
  const seqs = new Map<string, number>();
  const latest = new Map<string, { epoch: string; seq: number; time: number; data: unknown }>();
  const out = createConflator<unknown>(maxHz, (topic, envelope) => {
    const room = live.local.to(topicRoom(topic));
    (TOPICS.get(topic)?.codec === 'json' ? room : room.volatile).emit(topic, envelope);
  });

  let stopped = false;
  let wake: (() => void) | null = null;
  let sleepTimer: ReturnType<typeof setTimeout> | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      sleepTimer = setTimeout(resolve, ms);
    });

  const nextSeq = (topic: string) => {
    const seq = (seqs.get(topic) ?? 0) + 1;
    seqs.set(topic, seq);
    return seq;
  };

  async function play() {
    let loopStart = opts.startTime;
    for (;;) {
      let played = 0;
      for await (const m of recording.iterate()) {
        const due = loopStart + (m.recordedAt - range.from);
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
        if (stopped) return;
        const seq = nextSeq(m.topic);
        const time = Math.max(due, 1);
        latest.set(m.topic, { epoch, seq, time, data: m.envelope.data });
        out.publish(m.topic, { v: CONTRACT_VERSION, topic: m.topic, epoch, seq, time, data: m.envelope.data });
        played++;
      }
      if (stopped) return;
      if (played === 0) return void log(`replay: nothing in ${recording.path} passed the contract; the hub serves no topics`);
      loop++;
      epoch = epochOf(loop);
      seqs.clear();
      loopStart += range.to - range.from + LOOP_GAP_MS;
      log(`replay: ${recording.path} starts again (epoch ${epoch})`, { loop });
    }
  }

  log(
    `REPLAY MODE: serving the recording ${recording.path} (${new Date(range.from).toISOString()} to ${new Date(range.to).toISOString()}, ${recording.counts().size} topics) instead of the simulators, looping at its end`,
  );
  const playing = play()
    .catch((err: Error) => log(`replay stopped: ${err.message}`, { file: recording.path }))
    .finally(() => recording.close());

  return {
    get epoch() {
      return epoch;
    },
    snapshot(topic: string) {
      return latest.get(topic);
    },
    /** Faults only, as the topic engine's. */
    inject(topic: string, data: unknown) {
      const envelope = { v: CONTRACT_VERSION, topic, epoch, seq: nextSeq(topic), time: Date.now(), data };
      out.drop(topic);
      live.local.to(topicRoom(topic)).emit(topic, data === FAULT_NOT_AN_ENVELOPE ? `${topic} unavailable` : envelope);
    },
    /** Faults only, as the topic engine's. */
    flood(topic: string, count: number) {
      const data = latest.get(topic)?.data;
      if (data === undefined) return;
      const room = live.local.to(topicRoom(topic));
      for (let i = 0; i < count; i++) room.emit(topic, { v: CONTRACT_VERSION, topic, epoch, seq: nextSeq(topic), time: Date.now(), data });
    },
    stop() {
      stopped = true;
      clearTimeout(sleepTimer);
      wake?.();
      out.stop();
      return playing;
    },
  };
}
