import type { SimModule } from './sim-module.ts';

/** Simulator of the traffic module. */
export const trafficSim: SimModule = {
  id: 'traffic',
  tickMs: 1000,
  create: () => ({ step: () => [], latest: () => undefined }),
};
