import type { StyleSpecification } from 'maplibre-gl';

/** Colours of the offline base: a dark navy land, water a shade lighter, borders faintly cyan. */
export const BASE_COLORS = {
  background: '#070d1a',
  land: '#0c1628',
  water: '#12365a',
  river: '#1d5a8a',
  districtLine: 'rgba(90, 190, 255, 0.45)',
  outline: 'rgba(63, 208, 255, 0.85)',
} as const;

/**
 * The base map ships with the wall: no tile server, no glyph server, no internet. It draws land,
 * water and district borders from the committed GeoJSON in /geo; labels are deck.gl text (it
 * builds its own glyph atlas from the installed CJK font), so the style needs no glyphs URL.
 */
export function baseStyle(geoBase = '/geo'): StyleSpecification {
  return {
    version: 8,
    name: 'OneScreen offline dark',
    sources: {
      districts: { type: 'geojson', data: `${geoBase}/chongqing-districts.geojson` },
      water: { type: 'geojson', data: `${geoBase}/chongqing-water.geojson` },
      rivers: { type: 'geojson', data: `${geoBase}/chongqing-rivers.geojson` },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLORS.background } },
      { id: 'land', type: 'fill', source: 'districts', paint: { 'fill-color': BASE_COLORS.land } },
      {
        id: 'rivers',
        type: 'line',
        source: 'rivers',
        paint: {
          'line-color': BASE_COLORS.river,
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, ['match', ['get', 'level'], 1, 1.6, 0.6], 11, ['match', ['get', 'level'], 1, 4, 1.5]],
          'line-opacity': 0.9,
        },
      },
      { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': BASE_COLORS.water } },
      {
        id: 'district-lines',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': BASE_COLORS.districtLine, 'line-width': 1 },
      },
    ],
  };
}
