import type { ModuleDefinition } from '../types.ts';

export const weatherModule: ModuleDefinition = {
  id: 'weather',
  title: 'weather',
  titleEn: 'weather',
  layers: [],
  panels: [],
};
