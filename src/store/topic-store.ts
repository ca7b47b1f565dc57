import { createStore } from 'zustand/vanilla';

export interface TopicValue<T = unknown> {
  seq: number;
  /** Hub time of the value, epoch ms. */
  time: number;
  data: T;
}

/** The latest validated value of every topic the wall's scene uses. */
export interface TopicState {
  values: Record<string, TopicValue | undefined>;
}

export const createTopicStore = () => createStore<TopicState>(() => ({ values: {} }));
export type TopicStore = ReturnType<typeof createTopicStore>;

export const topicActions = (store: TopicStore) => ({
  /**
   * Applies a value unless it is stale: not newer in sequence and not newer in time (a restarted
   * hub starts its sequence again, with newer times). Returns whether it was applied.
   */
  apply(topic: string, value: TopicValue): boolean {
    const current = store.getState().values[topic];
    if (current && value.seq <= current.seq && value.time <= current.time) return false;
    store.setState((s) => ({ values: { ...s.values, [topic]: value } }));
    return true;
  },
  /** Drops topics the scene no longer uses, so their memory goes with the scene. */
  retain(topics: Iterable<string>) {
    const keep = new Set(topics);
    const values = store.getState().values;
    const next: TopicState['values'] = {};
    let dropped = false;
    for (const [name, value] of Object.entries(values)) {
      if (keep.has(name)) next[name] = value;
      else dropped = true;
    }
    if (dropped) store.setState({ values: next });
  },
});
