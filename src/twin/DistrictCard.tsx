import { useStore } from 'zustand';
import { useWallRuntime } from '../app/wall-runtime.ts';
import { describeDistrict } from '../modules/overview/layers/district-columns.ts';

/** The tapped district's figures, as text (hub strings are never HTML). */
export function DistrictCard() {
  const { selection, overview } = useWallRuntime();
  const code = useStore(selection, (s) => s.district);
  const feature = useStore(overview, (s) => s.districts?.features.find((f) => f.properties.code === code));
  const figures = useStore(overview, (s) => s.overview?.districts.find((d) => d.code === code));
  if (!code || !feature) return null;
  const [title, ...rest] = describeDistrict(feature, figures);
  return (
    <div className="district-card" data-testid="district-card" role="dialog" aria-label={title}>
      <button type="button" onClick={() => selection.setState({ district: null })} aria-label="关闭 Close">
        ×
      </button>
      <h3>{title}</h3>
      {rest.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
