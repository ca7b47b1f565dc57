import type { ModuleDefinition } from '../types.ts';

export const environmentModule: ModuleDefinition = {
  id: 'environment',
  title: 'environment',
  titleEn: 'environment',
  layers: [],
  panels: [],
};
