/**
 * Per-topic conflation at the hub: a topic goes out at most `maxHz` times a second, and what goes
 * out is always its newest value. A wall cannot show more than one value per frame, so sending
 * every one of 10,000 updates a second only queues them in the browser's socket (each WebSocket
 * message costs the renderer a task: about 0.15 ms on this class of machine, so some 7,000 a second
 * saturate it) and the screen falls seconds behind. The first update after a quiet spell goes out
 * at once (no added latency at normal rates); later ones wait at most one interval. Values that
 * are superseded inside an interval are never sent, so `seq` may skip: it still only increases.
 */
export function createConflator<T>(maxHz: number, send: (topic: string, value: T) => void) {
  const intervalMs = 1000 / maxHz;
  const lastSent = new Map<string, number>();
  const pending = new Map<string, T>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let superseded = 0;

  function flush(topic: string) {
    timers.delete(topic);
    const value = pending.get(topic);
    if (value === undefined) return;
    pending.delete(topic);
    lastSent.set(topic, performance.now());
    send(topic, value);
  }

  return {
    publish(topic: string, value: T) {
      if (pending.has(topic)) superseded++;
      pending.set(topic, value);
      if (timers.has(topic)) return;
      const wait = (lastSent.get(topic) ?? -Infinity) + intervalMs - performance.now();
      if (wait <= 0) flush(topic);
      else timers.set(topic, setTimeout(() => flush(topic), wait));
    },
    /** Forgets a topic's waiting update: something newer went out another way. */
    drop(topic: string) {
      pending.delete(topic);
    },
    /** Updates replaced by a newer one before they were sent. */
    get superseded() {
      return superseded;
    },
    stop() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      pending.clear();
    },
  };
}
