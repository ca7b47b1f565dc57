import type { SimModule } from './sim-module.ts';

/** Simulator of the weather module. */
export const weatherSim: SimModule = {
  id: 'weather',
  tickMs: 1000,
  create: () => ({ step: () => [], latest: () => undefined }),
};
