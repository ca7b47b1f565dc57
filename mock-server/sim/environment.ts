import type { SimModule } from './sim-module.ts';

/** Simulator of the environment module. */
export const environmentSim: SimModule = {
  id: 'environment',
  tickMs: 1000,
  create: () => ({ step: () => [], latest: () => undefined }),
};
