import type { TopicState } from '../store/topic-store.ts';

/**
 * Reports each distinct failure of one part once: a part that fails again on every new value
 * (each retry) must not flood diagnostics with the same line.
 */
export function reportOnce(report: (message: string) => void) {
  let last: string | null = null;
  return (error: unknown) => {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 300) || 'error';
    if (message === last) return;
    last = message;
    report(message);
  };
}

/** Changes whenever any of `topics` gets a new value: what a failed panel waits for to try again. */
export function topicsStamp(values: TopicState['values'] | undefined, topics: readonly string[]): string {
  return topics.map((t) => (values?.[t] ? `${values[t].epoch ?? ''}:${values[t].seq}` : '-')).join('|');
}
