import type { Map as MapLibreMap } from 'maplibre-gl';

/** The map's events (a test hands in a fake with the same two methods). */
export type InputSource = Pick<MapLibreMap, 'on' | 'off'>;

export interface InputDeps {
  map: InputSource;
  /** Keys come from the window (a wall has no focused element). */
  keys: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Input counts only once the map has drawn (a tap on a blank canvas picks nothing). */
  ready: () => boolean;
  /** The building under a point when close enough to tell buildings apart, else null. */
  pickBuilding: (x: number, y: number) => { index: number; district: string } | null;
  pickDistrict: (x: number, y: number) => string | null;
  select: (district: string | null, building: number | null) => void;
  flyToDistrict: (code: string) => void;
  flyHome: () => void;
  /** Any touch, drag or wheel: a person has the map. */
  touched: () => void;
}

const HOME_KEYS = new Set(['Home', 'h', 'Escape']);
const TOUCH_EVENTS = ['mousedown', 'touchstart', 'wheel', 'dragstart'] as const;

/**
 * A person at the wall: a tap selects (a building close in, a district further out), a double tap
 * flies to the district, Home/H/Esc clears the selection and flies home. maplibre tells a tap from
 * a pan; what is under the point is picked by the twin.
 */
export function attachInput(deps: InputDeps): () => void {
  const onClick = (e: { point: { x: number; y: number } }) => {
    if (!deps.ready()) return;
    const building = deps.pickBuilding(e.point.x, e.point.y);
    if (building) deps.select(building.district, building.index);
    else deps.select(deps.pickDistrict(e.point.x, e.point.y), null);
  };
  const onDoubleClick = (e: { point: { x: number; y: number } }) => {
    if (!deps.ready()) return;
    const code = deps.pickDistrict(e.point.x, e.point.y);
    if (!code) return;
    deps.select(code, null);
    deps.flyToDistrict(code);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!HOME_KEYS.has(e.key)) return;
    deps.select(null, null);
    deps.flyHome();
  };
  const onTouch = () => deps.touched();
  deps.map.on('click', onClick);
  deps.map.on('dblclick', onDoubleClick);
  for (const type of TOUCH_EVENTS) deps.map.on(type, onTouch);
  deps.keys.addEventListener('keydown', onKey as EventListener);
  return () => {
    deps.map.off('click', onClick);
    deps.map.off('dblclick', onDoubleClick);
    for (const type of TOUCH_EVENTS) deps.map.off(type, onTouch);
    deps.keys.removeEventListener('keydown', onKey as EventListener);
  };
}
