import type { ModuleDefinition } from '../types.ts';

export const trafficModule: ModuleDefinition = {
  id: 'traffic',
  title: 'traffic',
  titleEn: 'traffic',
  layers: [],
  panels: [],
};
