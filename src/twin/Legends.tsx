import { useStore } from 'zustand';
import { useWallRuntime } from '../core/wall-context.ts';
import type { LegendSpec } from '../core/module-api.ts';

function Legend({ spec }: { spec: LegendSpec }) {
  return (
    <div className="legend">
      <div className="legend__title">
        {spec.title} <span>{spec.titleEn}</span>
      </div>
      {spec.type === 'ramp' ? (
        <>
          <div className="legend__ramp" style={{ background: `linear-gradient(90deg, ${spec.colors.join(', ')})` }} />
          <div className="legend__ticks">
            {spec.ticks.map((t, i) => (
              <span key={i}>{t}</span>
            ))}
          </div>
        </>
      ) : (
        <ul className="legend__items">
          {spec.items.map((item) => (
            <li key={item.label}>
              <i style={{ background: item.color }} />
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One legend per coloured layer on screen, with units. */
export function Legends() {
  const legends = useStore(useWallRuntime().legends, (s) => s.legends);
  return (
    <div className="legends" data-testid="legends">
      {legends.map(({ id, legend }) => (
        <div key={id} data-testid={`legend-${id}`}>
          <Legend spec={legend} />
        </div>
      ))}
    </div>
  );
}
