import { EnvironmentSimulator } from './environment/simulator.ts';
import type { SimModule } from './sim-module.ts';
import { parseGridSize } from './weather.ts';

/**
 * Simulator of the environment module: air-quality sites every 30 s, the PM2.5 surface every
 * 10 s, the city summary every minute. HUB_ENV_GRID sets the surface grid ("96x80" by default).
 */
export const environmentSim: SimModule = {
  id: 'environment',
  tickMs: 1000,
  create: (ctx) => {
    const [cols, rows] = parseGridSize(ctx.env.HUB_ENV_GRID, [96, 80]);
    const sim = new EnvironmentSimulator({ seed: ctx.seed, districts: ctx.districts, cols, rows });
    return { step: (time) => sim.step(time), latest: (topic) => sim.latest(topic) };
  },
};
