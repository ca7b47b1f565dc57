/** What the benchmarks read off deck: its `metrics` (deck.gl 9: cpuTimePerFrame, gpuTimePerFrame, …). */
export type DeckMetrics = Record<string, number>;

interface StatLike {
  count: number;
  reset(): unknown;
}
interface DeckLike {
  stats: { get(name: string): StatLike };
  metrics: DeckMetrics;
}

/**
 * Cumulative attribute rebuilds of a deck (its 'Attributes updated' stat). Deck resets all its
 * stats every 60 frames when it computes its metrics, so the stat alone is only a count since the
 * last reset: what it held at each reset is carried over here.
 */
export function deckCounters(overlay: unknown) {
  let stat: StatLike | null = null;
  let carried = 0;
  const deck = () => (overlay as { _deck?: DeckLike })._deck ?? null;
  return {
    attributeUpdates(): number {
      const d = deck();
      if (!d) return carried;
      if (!stat) {
        const s = d.stats.get('Attributes updated');
        const reset = s.reset.bind(s);
        s.reset = () => {
          carried += s.count;
          return reset();
        };
        stat = s;
      }
      return carried + stat.count;
    },
    metrics: (): DeckMetrics | null => (deck() ? { ...deck()!.metrics } : null),
  };
}
