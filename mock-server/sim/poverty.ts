import type { SimModule } from './sim-module.ts';

/** Simulator of the poverty module. */
export const povertySim: SimModule = {
  id: 'poverty',
  tickMs: 1000,
  create: () => ({ step: () => [], latest: () => undefined }),
};
