import { OVERVIEW_TOPIC } from '../hub/topics/overview.ts';
import type { Overview } from '../hub/contract.ts';
import { useStore } from 'zustand';
import { useWallRuntime } from '../core/wall-context.ts';
import type { Buildings } from '../hub/buildings.ts';
import { describeDistrict } from '../modules/overview/layers/district-columns.ts';
import { WallBoundary } from './ErrorBoundary.tsx';

/** Storey height the city model assumes (as its night windows do). */
const STOREY_M = 3.6;

/** A tapped building's figures, as text lines. */
export function describeBuilding(b: Buildings, i: number): string[] {
  const height = Math.round(b.height[i]);
  return [
    `楼宇 Building #${i + 1}`,
    `高 Height ${height} m · 约 ${Math.max(1, Math.round(b.height[i] / STOREY_M))} 层 floors`,
    `占地 Footprint ${Math.round(b.width[i])} × ${Math.round(b.depth[i])} m`,
  ];
}

const CARD_TOPICS = [OVERVIEW_TOPIC];

/** The tapped district's card, in a boundary of its own that tries again with the next tap or figures. */
export function DistrictCard() {
  const { selection } = useWallRuntime();
  const code = useStore(selection, (s) => s.district);
  const building = useStore(selection, (s) => s.building);
  return (
    <WallBoundary part="district card" resetKeys={[code, building]} retryTopics={CARD_TOPICS} className="district-card">
      <DistrictCardBody />
    </WallBoundary>
  );
}

/** The tapped district's figures (and the tapped building's, if one), as text (hub strings are never HTML). */
function DistrictCardBody() {
  const { selection, districts, topics, city } = useWallRuntime();
  const code = useStore(selection, (s) => s.district);
  const building = useStore(selection, (s) => s.building);
  const buildings = useStore(city, (s) => s.buildings);
  const feature = useStore(districts, (s) => s.districts?.features.find((f) => f.properties.code === code));
  const figures = useStore(topics, (s) => (s.values[OVERVIEW_TOPIC]?.data as Overview | undefined)?.districts.find((d) => d.code === code));
  if (!code || !feature) return null;
  const [title, ...rest] = describeDistrict(feature, figures);
  const buildingLines = building !== null && buildings && building < buildings.count ? describeBuilding(buildings, building) : null;
  return (
    <div className="district-card" data-testid="district-card" role="dialog" aria-label={buildingLines?.[0] ?? title}>
      <button type="button" onClick={() => selection.setState({ district: null, building: null })} aria-label="关闭 Close">
        ×
      </button>
      {buildingLines && (
        <div data-testid="building-card">
          <h3>{buildingLines[0]}</h3>
          {buildingLines.slice(1).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <h3>{title}</h3>
      {rest.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
