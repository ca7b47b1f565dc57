/**
 * Rain at chosen points, from the weather simulator's storm cells (weather/storms.ts): a pure
 * function of (seed, time, place), so the sensors and reports here see the same storms the radar
 * and the district rain of the weather module show.
 */
import { liveCells, rateAt } from '../weather/storms.ts';
import { toKm } from '../weather/relief.ts';

/** Rain rates (mm/h) at fixed points: `probe(t, out)` fills out[i] for points[i]. */
export function createRainProbe(seed: number, points: ReadonlyArray<readonly [number, number]>) {
  const xy = new Float64Array(points.length * 2);
  points.forEach(([lon, lat], i) => {
    const [x, y] = toKm(lon, lat);
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
  });
  return (t: number, out: Float64Array) => {
    const cells = liveCells(seed, t);
    for (let i = 0; i < points.length; i++) out[i] = cells.length ? rateAt(cells, xy[2 * i], xy[2 * i + 1]) : 0;
    return out;
  };
}
