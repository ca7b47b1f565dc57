import type { Namespace } from 'socket.io';
import { CONTRACT_VERSION, TOPICS } from '../src/hub/contract.ts';
import { SIM_MODULES } from './sim/index.ts';
import type { SimContext, SimInstance } from './sim/sim-module.ts';

export const topicRoom = (topic: string) => `topic:${topic}`;

/**
 * Steps every module simulator on its own timer and pushes each changed topic, as an envelope
 * with a per-topic sequence number, to the displays subscribed to it (a socket.io room per topic).
 */
export function startTopicEngine(live: Namespace, ctx: SimContext, log: (msg: string) => void) {
  const seqs = new Map<string, number>();
  const times = new Map<string, number>();
  const owners = new Map<string, SimInstance>();
  const timers: ReturnType<typeof setInterval>[] = [];

  for (const module of SIM_MODULES) {
    const sim = module.create(ctx);
    const publish = (time: number) => {
      for (const [topic, data] of sim.step(time)) {
        if (!TOPICS.has(topic)) {
          log(`simulator ${module.id} produced unknown topic ${topic}`);
          continue;
        }
        owners.set(topic, sim);
        const seq = (seqs.get(topic) ?? 0) + 1;
        seqs.set(topic, seq);
        times.set(topic, time);
        const room = live.to(topicRoom(topic));
        room.emit(topic, { v: CONTRACT_VERSION, topic, seq, time, data });
      }
    };
    publish(ctx.startTime);
    timers.push(setInterval(() => publish(Date.now()), module.tickMs));
  }

  return {
    /** Latest value of a topic with its sequence number and time, or undefined. */
    snapshot(topic: string) {
      const sim = owners.get(topic);
      const data = sim?.latest(topic);
      if (data === undefined) return undefined;
      return { seq: seqs.get(topic) ?? 0, time: times.get(topic) ?? Date.now(), data };
    },
    stop() {
      for (const t of timers) clearInterval(t);
    },
  };
}
