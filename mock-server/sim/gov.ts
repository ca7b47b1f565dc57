import type { SimModule } from './sim-module.ts';

/** Simulator of the gov module. */
export const govSim: SimModule = {
  id: 'gov',
  tickMs: 1000,
  create: () => ({ step: () => [], latest: () => undefined }),
};
