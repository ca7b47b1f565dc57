import { environmentSim } from './environment.ts';
import { govSim } from './gov.ts';
import { healthSim } from './health.ts';
import { povertySim } from './poverty.ts';
import type { SimModule } from './sim-module.ts';
import { trafficSim } from './traffic.ts';
import { weatherSim } from './weather.ts';

/** Every scenario module the mock hub simulates: one file each in this folder, one line here. */
export const SIM_MODULES: SimModule[] = [weatherSim, healthSim, trafficSim, povertySim, environmentSim, govSim];
