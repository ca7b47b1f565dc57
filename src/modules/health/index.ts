import type { ModuleDefinition } from '../types.ts';

export const healthModule: ModuleDefinition = {
  id: 'health',
  title: 'health',
  titleEn: 'health',
  layers: [],
  panels: [],
};
