import type { SimModule } from './sim-module.ts';
import { TrafficSimulator } from './traffic/simulator.ts';

/** Simulator of the traffic module: roads, congestion and the floating-car fleet (see traffic/). */
export const trafficSim: SimModule = {
  id: 'traffic',
  tickMs: 1000,
  create: (ctx) => new TrafficSimulator(ctx),
};
