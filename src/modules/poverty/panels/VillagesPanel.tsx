import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useOverview, useTopic, useWallRuntime } from '../../../core/wall-context.ts';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { POVERTY_TOPICS, type PovertyDistricts, type PovertyVillages } from '../../../hub/topics/poverty.ts';
import { villagesByDistrict, villagesOf } from '../layers/villages.ts';
import { INDUSTRIES, formatGrowth } from '../style.ts';

export const VILLAGE_ROWS = 5;

/** The drill-down: the tapped district's lifted villages, largest first. */
export function VillagesPanel() {
  const runtime = useWallRuntime();
  const selected = useStore(runtime.selection, (s) => s.district);
  const v = useTopic<PovertyVillages>(POVERTY_TOPICS.villages);
  const figures = useTopic<PovertyDistricts>(POVERTY_TOPICS.districts);
  const districts = useOverview((s) => s.districts);
  const name = useMemo(() => districts?.features.find((f) => f.properties.code === selected)?.properties.name, [districts, selected]);
  const registered = useMemo(() => figures?.data.districts.find((d) => d.code === selected)?.villages, [figures, selected]);
  const data = v?.data;
  const byDistrict = useMemo(() => (data ? villagesByDistrict(data) : null), [data]);
  if (!v || !byDistrict) return <PanelWaiting />;
  if (!selected) {
    return (
      <p className="poverty-villages__prompt" data-testid="poverty-villages-prompt">
        点击区县查看脱贫村
        <span>Tap a district for its villages</span>
      </p>
    );
  }
  const villages = villagesOf(byDistrict, selected);
  return (
    <div className="poverty-villages" data-testid="poverty-villages" data-district={selected}>
      <p className="poverty-villages__head">
        <strong>{name ?? selected}</strong>
        {registered !== undefined && <span>脱贫村 {registered} 个</span>}
        {villages.length > 0 && <span>列出 {villages.length} 个 · listed</span>}
      </p>
      {villages.length === 0 ? (
        <p className="poverty-villages__none">无脱贫村 · No registered poor villages</p>
      ) : (
        <ul>
          {villages.slice(0, VILLAGE_ROWS).map((x) => (
            <li key={x.id}>
              <span className="poverty-villages__name">{x.name}</span>
              <span className="poverty-villages__industry" style={{ borderColor: INDUSTRIES[x.industry].color, color: INDUSTRIES[x.industry].color }}>
                {INDUSTRIES[x.industry].name}
              </span>
              <span className="poverty-villages__households">{x.households} 户</span>
              <span className="poverty-villages__growth">{formatGrowth(x.incomeGrowth)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
