import { useMemo } from 'react';
import { useOverview, useTopic } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { POVERTY_TOPICS, type PovertyPair, type PovertyPairs } from '../../../hub/topics/poverty.ts';
import { shortName } from '../../district-names.ts';
import { PAIR_COLORS, formatFunds } from '../style.ts';

export const PAIR_ROWS = 5;

/** The pairings with the most funds, most first. */
export function topPairs(pairs: PovertyPair[], n = PAIR_ROWS): PovertyPair[] {
  return [...pairs].sort((a, b) => b.fundsWan - a.fundsWan).slice(0, n);
}

export function PairsPanel() {
  const v = useTopic<PovertyPairs>(POVERTY_TOPICS.pairs);
  const districts = useOverview((s) => s.districts);
  const names = useMemo(() => new Map((districts?.features ?? []).map((f) => [f.properties.code, shortName(f.properties.name)])), [districts]);
  const rows = useMemo(() => (v ? topPairs(v.data.pairs) : []), [v]);
  if (!v) return <PanelWaiting />;
  const total = v.data.pairs.reduce((s, p) => s + p.fundsWan, 0);
  return (
    <div className="poverty-pairs">
      <p className="poverty-pairs__total">
        {v.data.pairs.length} 对结对 · 累计资金 <strong>{formatFunds(total)}</strong>
      </p>
      <ul data-testid="poverty-pairs">
        {rows.map((p) => (
          <li key={p.id}>
            <span className="poverty-pairs__route">
              <b style={{ color: PAIR_COLORS.from }}>{names.get(p.from) ?? p.from}</b>
              <span className="poverty-pairs__arrow">→</span>
              <b style={{ color: PAIR_COLORS.to }}>{names.get(p.to) ?? p.to}</b>
            </span>
            <span className="poverty-pairs__funds">{formatFunds(p.fundsWan)}</span>
            <span className="poverty-pairs__projects">{p.projects} 项</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
