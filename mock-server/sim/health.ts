import type { SimModule } from './sim-module.ts';

/** Simulator of the health module. */
export const healthSim: SimModule = {
  id: 'health',
  tickMs: 1000,
  create: () => ({ step: () => [], latest: () => undefined }),
};
