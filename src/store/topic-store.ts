import { createStore } from 'zustand/vanilla';
import type { SeriesPoint } from '../hub/contract.ts';
import { appendBucketed } from './series.ts';

export interface TopicValue<T = unknown> {
  /** The hub run that numbered `seq` (absent in values made by tests and tools: one run). */
  epoch?: string;
  seq: number;
  /** Hub time of the value, epoch ms. */
  time: number;
  data: T;
}

/** The latest validated value of every topic the wall's scene uses, and the histories some keep. */
export interface TopicState {
  values: Record<string, TopicValue | undefined>;
  /** [time, value] buckets, oldest first, of topics whose spec declares a history. */
  history: Record<string, SeriesPoint[] | undefined>;
}

export const createTopicStore = () => createStore<TopicState>(() => ({ values: {}, history: {} }));
export type TopicStore = ReturnType<typeof createTopicStore>;

/** How a topic's history grows with each value (TopicSpec.history). */
export interface HistoryRule {
  bucketMs: number;
  maxPoints: number;
  value(data: unknown): number;
}

/**
 * Whether a value is newer than the one held: a later `seq` of the same hub run, or any value of
 * another run (the hub announced a restart with a new epoch). Hub times never decide: a replayed
 * event with an old `seq` and a fresh time is old.
 */
export function isNewer(held: TopicValue | undefined, next: Pick<TopicValue, 'epoch' | 'seq'>): boolean {
  return !held || (held.epoch ?? '') !== (next.epoch ?? '') || next.seq > held.seq;
}

export const topicActions = (store: TopicStore) => ({
  /** Applies a value unless it is not newer (isNewer). Returns whether it was applied. */
  apply(topic: string, value: TopicValue, history?: HistoryRule): boolean {
    const state = store.getState();
    if (!isNewer(state.values[topic], value)) return false;
    const values = { ...state.values, [topic]: value };
    if (!history) store.setState({ values });
    else {
      const point: SeriesPoint = [value.time, history.value(value.data)];
      const series = appendBucketed(state.history[topic] ?? [], point, history.bucketMs, history.maxPoints);
      store.setState({ values, history: { ...state.history, [topic]: series } });
    }
    return true;
  },
  /** A snapshot's history replaces what the wall had (it is the hub's record). */
  setHistory(topic: string, points: SeriesPoint[], maxPoints: number) {
    store.setState((s) => ({ history: { ...s.history, [topic]: points.slice(-maxPoints) } }));
  },
  /** Drops topics the scene no longer uses, so their memory goes with the scene. */
  retain(topics: Iterable<string>) {
    const keep = new Set(topics);
    const { values, history } = store.getState();
    const pick = <T,>(from: Record<string, T>) => Object.fromEntries(Object.entries(from).filter(([name]) => keep.has(name)));
    const dropped = Object.keys(values).some((n) => !keep.has(n)) || Object.keys(history).some((n) => !keep.has(n));
    if (dropped) store.setState({ values: pick(values), history: pick(history) });
  },
});
