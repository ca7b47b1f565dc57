import type { SimModule } from './sim-module.ts';
import { GovSimulator } from './gov/simulator.ts';

/** Simulator of the gov module (渝快办): matters, licences, hall queues and reviews (see gov/). */
export const govSim: SimModule = {
  id: 'gov',
  tickMs: 5000,
  create: (ctx) => new GovSimulator(ctx),
};
