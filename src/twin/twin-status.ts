/**
 * What the twin has actually drawn, for tests and screenshots to wait on instead of sleeping.
 * Mirrored onto <html data-twin-ready> so a test can wait with a plain selector.
 */
export interface TwinStatus {
  mapLoaded: boolean;
  deckFrames: number;
  districtsDrawn: boolean;
  contextLost: number;
  /** Screen position (CSS px) of a WGS-84 point: lets tests point at a district. */
  project?: (lonLat: [number, number]) => { x: number; y: number };
}

declare global {
  interface Window {
    __onescreenTwin?: TwinStatus;
  }
}

export function twinStatus(): TwinStatus {
  window.__onescreenTwin ??= { mapLoaded: false, deckFrames: 0, districtsDrawn: false, contextLost: 0 };
  return window.__onescreenTwin;
}

export function markTwinReady() {
  const s = twinStatus();
  const ready = s.mapLoaded && s.districtsDrawn && s.deckFrames > 1;
  if (ready) document.documentElement.dataset.twinReady = '1';
}
