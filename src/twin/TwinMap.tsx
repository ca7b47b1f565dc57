import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, type LngLatBoundsLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import { useWallRuntime } from '../app/wall-runtime.ts';
import type { DistrictFeature } from '../hub/contract.ts';
import { baseStyle } from './base-style.ts';
import { buildDistrictLayers, describeDistrict } from './layers/district-layers.ts';
import { markTwinReady, twinStatus } from './twin-status.ts';

/** Chongqing municipality, WGS-84. */
const CHONGQING_BOUNDS: LngLatBoundsLike = [
  [105.28, 28.16],
  [110.2, 32.2],
];

interface Props {
  /** The DOM's design scale: labels and framing stay proportional to the wall. */
  scale: number;
  /** Design-pixel width of the side columns, so the city is framed between them. */
  columnWidth: number;
}

/**
 * The twin: a maplibre base with deck.gl layers interleaved in the same WebGL context (depth
 * shared). Live figures reach deck through store subscriptions, not React renders.
 */
export function TwinMap({ scale, columnWidth }: Props) {
  const { overview, selection } = useWallRuntime();
  const container = useRef<HTMLDivElement>(null);
  const scaleRef = useRef(scale);
  const redraw = useRef<() => void>(() => {});
  const framing = useRef({ scale, columnWidth });

  useEffect(() => {
    const status = twinStatus();
    const { scale: s0, columnWidth: col } = framing.current;
    const map = new MapLibreMap({
      container: container.current!,
      style: baseStyle(),
      bounds: CHONGQING_BOUNDS,
      fitBoundsOptions: {
        padding: { left: (col + 16) * s0, right: (col + 16) * s0, top: 110 * s0, bottom: 20 * s0 },
      },
      pitch: 36,
      maxPitch: 70,
      // maplibre caps its drawing buffer at 4096 px by default, which would halve a 7680-px wall.
      maxCanvasSize: [8192, 8192],
      attributionControl: false,
      canvasContextAttributes: { antialias: true },
    });
    map.on('load', () => {
      status.mapLoaded = true;
      markTwinReady();
    });
    map.on('webglcontextlost', () => (status.contextLost += 1));
    status.project = (lonLat) => map.project(lonLat);

    let version = 0;
    const deck = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onAfterRender: () => {
        status.deckFrames += 1;
        markTwinReady();
      },
      getTooltip: ({ object }: PickingInfo<DistrictFeature>) => {
        if (!object) return null;
        const figures = overview.getState().overview?.districts.find((d) => d.code === object.properties.code);
        return { text: describeDistrict(object, figures).join('\n'), className: 'twin-tooltip' };
      },
    });
    map.addControl(deck);
    // Taps and clicks come through maplibre (it tells a tap from a pan); deck picks what is under it.
    map.on('click', (e) => {
      const picked = deck.pickObject({ x: e.point.x, y: e.point.y, radius: 4, layerIds: ['district-columns'] });
      const object = picked?.object as DistrictFeature | undefined;
      selection.setState({ district: object?.properties.code ?? null });
    });

    redraw.current = () => {
      const { districts, overview: now } = overview.getState();
      if (!districts) return;
      version += 1;
      deck.setProps({
        layers: buildDistrictLayers({
          districts,
          figures: new Map((now?.districts ?? []).map((d) => [d.code, d])),
          version,
          selected: selection.getState().district,
          scale: scaleRef.current,
        }),
      });
      status.districtsDrawn = districts.features.length > 0;
    };
    redraw.current();
    const unsubscribeData = overview.subscribe((s, prev) => {
      if (s.districts !== prev.districts || s.overview !== prev.overview) redraw.current();
    });
    const unsubscribeSelection = selection.subscribe(() => redraw.current());

    return () => {
      unsubscribeData();
      unsubscribeSelection();
      map.removeControl(deck);
      deck.finalize();
      map.remove();
    };
  }, [overview, selection]);

  useEffect(() => {
    scaleRef.current = scale;
    redraw.current();
  }, [scale]);

  return <div ref={container} className="twin" data-testid="twin" />;
}
