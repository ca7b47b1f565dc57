import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkScene, sceneTopics } from '../scene-validation.ts';
import { environmentModule } from './index.ts';
import { districtAqi } from './district-aqi.ts';
import { aqiCategoryOf, type AirStations } from '../../hub/topics/environment.ts';

const scene = JSON.parse(readFileSync(new URL('../../../scenes/06-environment.json', import.meta.url), 'utf8'));

describe('the environment scene', () => {
  it('passes checkScene and reads the three environment topics', () => {
    const result = checkScene(scene);
    expect(result.ok ? 'ok' : result.error).toBe('ok');
    if (result.ok) expect(sceneTopics(result.scene)).toEqual(['environment.pm25', 'environment.stations', 'environment.summary']);
  });

  it('every layer kind has a legend, every panel is registered', () => {
    for (const kind of environmentModule.layers) expect(kind.legend, kind.kind).toBeDefined();
    for (const p of scene.panels) expect(environmentModule.panels.some((k) => k.kind === p.kind), p.kind).toBe(true);
    const surface = environmentModule.layers.find((l) => l.kind === 'environment.pm25-surface')!;
    const legend = surface.legend!({} as never);
    expect(legend).toMatchObject({ type: 'ramp', unit: 'μg/m³' });
  });

  it('ranks districts by the mean AQI of their sites, worst first', () => {
    const s = (code: string, aqi: number) => ({ districtCode: code, aqi, category: aqiCategoryOf(aqi) }) as AirStations['stations'][number];
    const ranking = districtAqi({ time: 1, stations: [s('500103', 80), s('500103', 100), s('500101', 95), s('500241', 30)] });
    expect(ranking).toEqual([
      { code: '500101', aqi: 95 },
      { code: '500103', aqi: 90 },
      { code: '500241', aqi: 30 },
    ]);
  });
});
