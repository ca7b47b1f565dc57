// The reference page of bench/render.ts, never part of the product bundle: deck.gl's Deck with a
// ScatterplotLayer of the same vehicles drawn "the plain way" (an array of objects and accessors,
// a new array on every update, so deck rebuilds the attributes from the accessors), at the traffic
// scene's camera, redrawn every frame. Bundled by render.ts with esbuild and served statically.
import { Deck } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';

interface Vehicle {
  position: [number, number];
  color: [number, number, number, number];
}
interface Input {
  positions: number[];
  speeds: number[];
}

const speedColor = (kmh: number): [number, number, number, number] =>
  kmh < 20 ? [255, 77, 94, 255] : kmh < 40 ? [255, 209, 102, 255] : [61, 220, 132, 255];

const status = { frames: 0, updates: 0, ready: false, metrics: {} as Record<string, number>, attributeUpdates: 0 };
(window as unknown as { __bare: typeof status }).__bare = status;

const input: Input = await (await fetch('./vehicles.json')).json();
let tick = 0;
/** The plain way: one object per vehicle, rebuilt for every update (here: moved a little). */
function vehicles(): Vehicle[] {
  const out: Vehicle[] = [];
  const d = (tick % 2 ? 1 : -1) * 0.0002;
  for (let i = 0; i < input.speeds.length; i++)
    out.push({ position: [input.positions[2 * i] + d, input.positions[2 * i + 1] + d], color: speedColor(input.speeds[i]) });
  return out;
}
const layer = () =>
  new ScatterplotLayer<Vehicle>({
    id: 'vehicles',
    data: vehicles(),
    radiusUnits: 'pixels',
    getRadius: 1,
    getPosition: (v) => v.position,
    getFillColor: (v) => v.color,
  });

const deck = new Deck({
  initialViewState: { longitude: 106.55, latitude: 29.57, zoom: 11, pitch: 50, bearing: 0 },
  controller: false,
  layers: [layer()],
  _animate: true,
  onAfterRender: () => {
    status.frames++;
    status.ready = true;
  },
  _onMetrics: (m) => {
    status.metrics = { ...(m as unknown as Record<string, number>) };
  },
});
// Deck resets its stats every 60 frames: carry the count over each reset (as src/twin/deck-counters.ts).
const stat = (deck as unknown as { stats: { get(n: string): { count: number; reset(): unknown } } }).stats.get('Attributes updated');
let carried = 0;
const resetStat = stat.reset.bind(stat);
stat.reset = () => ((carried += stat.count), resetStat());
Object.defineProperty(status, 'attributeUpdates', { get: () => carried + stat.count });
// Updates at the hub's rate (1 Hz).
setInterval(() => {
  tick++;
  status.updates++;
  deck.setProps({ layers: [layer()] });
}, 1000);
