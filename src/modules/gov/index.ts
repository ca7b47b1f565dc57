import type { ModuleDefinition } from '../types.ts';

export const govModule: ModuleDefinition = {
  id: 'gov',
  title: 'gov',
  titleEn: 'gov',
  layers: [],
  panels: [],
};
