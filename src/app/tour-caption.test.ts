import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WallRuntimeContext, type WallRuntime } from '../core/wall-context.ts';
import { createStore } from 'zustand/vanilla';
import { createControlStore, type ControlState, type TourView } from '../store/control-store.ts';
import { createDiagnosticsStore } from '../store/diagnostics-store.ts';
import { TourCaptionSlot } from './TourCaption.tsx';

const view = (over: Partial<TourView> = {}): TourView => ({
  scene: 'overview',
  tour: 'city-briefing',
  title: { zh: '城市运行五分钟简报', en: 'Five-minute city briefing' },
  index: 2,
  count: 10,
  stepScene: 'weather',
  step: { scene: 'weather', caption: { zh: '智慧气象“四天”体系', en: 'Smart weather, the "four-day" system' }, dwellMs: 30_000 },
  highlight: null,
  stepStartedAt: 1,
  shownAt: 1,
  paused: false,
  exploring: false,
  finished: false,
  ...over,
});

function render(tour: TourView | null) {
  // Server rendering reads a store's initial state: the tour goes in at creation.
  const control = createStore<ControlState>(() => ({ ...createControlStore().getState(), tour }));
  const runtime = { control, diagnostics: createDiagnosticsStore() } as unknown as WallRuntime;
  return renderToStaticMarkup(createElement(WallRuntimeContext.Provider, { value: runtime }, createElement(TourCaptionSlot, { maxHeight: 240 })));
}

describe('the tour caption', () => {
  it('shows the step\'s Chinese, then its English, with the tour and the step count', () => {
    const html = render(view());
    expect(html).toContain('data-testid="tour-caption"');
    expect(html).toContain('data-step="2"');
    expect(html).toContain('max-height:240px');
    expect(html.indexOf('智慧气象')).toBeLessThan(html.indexOf('Smart weather'));
    expect(html).toContain('3 / 10');
    expect(html).toContain('城市运行五分钟简报 · Five-minute city briefing');
  });

  it('says when it is paused, explored or over', () => {
    expect(render(view({ paused: true }))).toContain('已暂停 Paused');
    expect(render(view({ exploring: true }))).toContain('tour-caption--exploring');
    expect(render(view({ finished: true }))).toContain('data-finished="1"');
  });

  it('shows nothing without a tour or without the step\'s content', () => {
    expect(render(null)).toBe('');
    expect(render(view({ step: null }))).toBe('');
  });

  it('renders hub text as text', () => {
    const html = render(view({ step: { scene: 'weather', caption: { zh: '<img src=x onerror=alert(1)>', en: '<b>bold</b>' }, dwellMs: 30_000 } }));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
