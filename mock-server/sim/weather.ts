import type { SimModule } from './sim-module.ts';
import { WeatherSimulator } from './weather/simulator.ts';

/** "COLSxROWS", e.g. "96x80"; anything else gives the default. */
export function parseGridSize(value: string | undefined, fallback: [number, number]): [number, number] {
  const m = value?.match(/^(\d{1,3})x(\d{1,3})$/);
  if (!m) return fallback;
  const cols = Number(m[1]);
  const rows = Number(m[2]);
  return cols >= 8 && rows >= 8 && cols <= 256 && rows <= 256 ? [cols, rows] : fallback;
}

/**
 * Simulator of the weather module: radar every 5 s, stations every 10 s, warnings every 30 s (and
 * at once when one is issued or lifted), the forecast every minute (reissued hourly).
 * HUB_WEATHER_GRID sets the radar grid ("96x80" by default).
 */
export const weatherSim: SimModule = {
  id: 'weather',
  tickMs: 1000,
  create: (ctx) => {
    const [cols, rows] = parseGridSize(ctx.env.HUB_WEATHER_GRID, [96, 80]);
    const sim = new WeatherSimulator({ seed: ctx.seed, districts: ctx.districts, startTime: ctx.startTime, cols, rows });
    return { step: (time) => sim.step(time), latest: (topic) => sim.latest(topic) };
  },
};
