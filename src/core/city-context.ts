import { createContext, useContext } from 'react';

/**
 * What the city's R3F root gives the 3D elements modules contribute (src/modules/types.ts,
 * City3DElement). Modules may import this file (and only this one of src/twin): it holds no twin
 * state, just the React context the city root provides.
 */
export interface CityView {
  /** Wall-clock ms (hub time, the same on every display of a wall); null when the wall is still. */
  now: number | null;
  /** The view centre in local metres. */
  center: [number, number];
  /** Metres per CSS pixel at the view centre. */
  metresPerPixel: number;
  /** The drawing buffer in device pixels. */
  viewport: [number, number];
  pixelRatio: number;
}

export interface CityContextValue {
  /** WGS-84 lon/lat → metres east/north of the city's local origin (z up is metres too). */
  toLocal(p: [number, number]): [number, number];
  /**
   * Updated in place before each frame: read it in useFrame, never while rendering (it is not
   * React state and does not re-render anything).
   */
  view: CityView;
}

export const CityContext = createContext<CityContextValue | null>(null);

/** The city root's context: throws outside it (an element rendered elsewhere is a bug). */
export function useCity(): CityContextValue {
  const city = useContext(CityContext);
  if (!city) throw new Error('useCity: not inside the city scene');
  return city;
}
