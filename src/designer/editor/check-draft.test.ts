import { describe, expect, it } from 'vitest';
import type { Scene, SceneLayer } from '../../hub/contract.ts';
import { PANEL_KINDS } from '../../modules/registry.ts';
import { checkScene } from '../../modules/scene-validation.ts';
import { checkDraft } from './check-draft.ts';
import { bigScene, weatherScene } from './editor-fixture.ts';

const withLayer = (s: Scene, id: string, change: Partial<SceneLayer> | ((l: SceneLayer) => SceneLayer)): Scene => ({
  ...s,
  layers: s.layers.map((l) => (l.id === id ? (typeof change === 'function' ? change(l) : { ...l, ...change }) : l)),
});

describe('checkDraft', () => {
  it('finds nothing wrong with the bundled scenes or a scene of 100 layers', () => {
    expect(checkDraft(weatherScene())).toEqual([]);
    expect(checkDraft(bigScene())).toEqual([]);
  });

  it('names the layer by number and id, and the field by its description', () => {
    const s = withLayer(weatherScene(), 'rain', { style: { opacity: 3 } });
    expect(checkDraft(s)).toEqual([{ path: 'layers.1.style.opacity', message: '图层 2 “rain” › 样式 › 透明度 Opacity of the radar echo: must be at most 1' }]);
  });

  it('lists every problem, not only the first the wall would stop at', () => {
    let s = withLayer(weatherScene(), 'rain', { style: { opacity: -1, colour: '#fff' } });
    s = withLayer(s, 'stations', { style: { labels: 'yes' as never } });
    s = { ...s, title: '', panels: [...s.panels, { kind: 'weather.nope', slot: 'left-6' }] };
    const problems = checkDraft(s);
    expect(problems.map((p) => p.path)).toEqual(['title', 'layers.1.style.opacity', 'layers.1.style.colour', 'layers.2.style.labels', 'panels.6.kind']);
    expect(problems.map((p) => p.message)).toEqual([
      '标题 Title: must not be empty',
      '图层 2 “rain” › 样式 › 透明度 Opacity of the radar echo: must be at least 0',
      '图层 2 “rain” › 样式 › “colour”: “weather.rain” has no such style field (remove it)',
      '图层 3 “stations” › 样式 › 名称标注 Label the rainiest stations, and temperatures close in: must be on or off',
      '面板 left-6 “weather.nope” › 类型 Kind: no panel kind “weather.nope” in this build',
    ]);
  });

  it('names a panel by its slot and title, and the scene’s own fields in words', () => {
    const s: Scene = { ...weatherScene(), modules: ['traffic'], camera: { ...weatherScene().camera, zoom: 30 } };
    const messages = checkDraft(s).map((p) => p.message);
    expect(messages).toContain('镜头 Camera › 缩放级别 Zoom: must be at most 20');
    const forecast = PANEL_KINDS.get('weather.forecast')!.title;
    expect(messages).toContain(`面板 left-2 “${forecast}” › 类型 Kind: belongs to module “weather”, which the scene does not list`);
    expect(messages).toContain('图层 1 “warnings” › 类型 Kind: belongs to module “weather”, which the scene does not list');
  });

  it('explains ids, topics and kinds', () => {
    let s = withLayer(weatherScene(), 'rain', { id: 'warnings' });
    s = withLayer(s, 'stations', { topic: 'traffic.roads' });
    s = { ...s, layers: [...s.layers, { id: 'snow', kind: 'weather.snow', visible: true, style: {} }] };
    expect(checkDraft(s).map((p) => p.message)).toEqual([
      '图层 2 “warnings” › 标识 Id: duplicate layer id "warnings"',
      '图层 3 “stations” › 数据主题 Topic: this kind reads weather.stations, not “traffic.roads”',
      '图层 4 “snow” › 类型 Kind: no layer kind “weather.snow” in this build',
    ]);
  });

  it('is empty exactly when the wall’s own check accepts the scene', () => {
    const cases: Scene[] = [
      weatherScene(),
      withLayer(weatherScene(), 'rain', { style: { opacity: 2 } }),
      { ...weatherScene(), modules: ['weather', 'nope'] },
      { ...weatherScene(), layers: bigScene(101).layers },
      { ...weatherScene(), description: 'x'.repeat(201) },
    ];
    for (const s of cases) expect(checkDraft(s).length === 0).toBe(checkScene(s).ok);
  });

  it('says when there are too many layers', () => {
    const s: Scene = bigScene(101);
    expect(checkDraft(s)[0]).toEqual({ path: 'layers', message: '图层 Layers: may hold at most 100 items' });
  });
});
