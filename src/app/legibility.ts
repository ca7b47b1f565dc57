/**
 * Type sized for the room. Text is legible from the back of a control room when its height
 * subtends at least 0.3° of the viewer's eye (about 18 arc-minutes, the minimum character height
 * ISO 9241-303 and ISO 11064-5 give for reading at a distance; 20–22′ preferred): a text height of
 * at least distance × tan(0.3°) ≈ distance / 191.
 */
export const MIN_TEXT_DEGREES = 0.3;

export interface ViewingGeometry {
  /** Height of the whole wall's picture, metres. */
  heightM: number;
  /** Viewing distance from the farthest seat that must read it, metres. */
  distanceM: number;
}

/** A 2.4 m tall wall read from 5 m: a common operations-room arrangement. */
export const DEFAULT_VIEWING: ViewingGeometry = { heightM: 2.4, distanceM: 5 };

/** The least text height (mm) readable at this distance. */
export function minTextMm(distanceM: number): number {
  return distanceM * 1000 * Math.tan((MIN_TEXT_DEGREES * Math.PI) / 180);
}

/** The physical height (mm) of text `cssPx` tall on a wall whose picture is `wallHeightPx` CSS px tall. */
export function textMm(cssPx: number, wallHeightPx: number, heightM: number): number {
  return (cssPx * heightM * 1000) / Math.max(1, wallHeightPx);
}

/** The least DOM scale at which design text of `designPx` meets the rule on this wall. */
export function legibleScale(designPx: number, wallHeightPx: number, viewing: ViewingGeometry): number {
  return minTextMm(viewing.distanceM) / textMm(designPx, wallHeightPx, viewing.heightM);
}

const LENGTH = /^(\d{1,3}(?:\.\d{1,3})?)(m|cm)$/;

function metres(raw: string | null, min: number, max: number): number | null | 'bad' {
  if (raw === null) return null;
  const m = LENGTH.exec(raw.trim());
  if (!m) return 'bad';
  const v = Number(m[1]) / (m[2] === 'cm' ? 100 : 1);
  return v >= min && v <= max ? v : 'bad';
}

/**
 * ?distance=5m&height=2.4m (or cm). Absent: the defaults. Out of range or malformed: the defaults,
 * with the reason for diagnostics.
 */
export function readViewing(params: URLSearchParams): { viewing: ViewingGeometry; viewingError: string | null } {
  const distance = metres(params.get('distance'), 0.5, 100);
  const height = metres(params.get('height'), 0.2, 30);
  const errors = [
    distance === 'bad' && `distance=${params.get('distance')} (want 0.5m–100m)`,
    height === 'bad' && `height=${params.get('height')} (want 0.2m–30m)`,
  ].filter(Boolean);
  return {
    viewing: {
      distanceM: typeof distance === 'number' ? distance : DEFAULT_VIEWING.distanceM,
      heightM: typeof height === 'number' ? height : DEFAULT_VIEWING.heightM,
    },
    viewingError: errors.length ? `ignored ${errors.join(', ')}` : null,
  };
}
