import type { ModuleDefinition } from '../types.ts';

export const povertyModule: ModuleDefinition = {
  id: 'poverty',
  title: 'poverty',
  titleEn: 'poverty',
  layers: [],
  panels: [],
};
