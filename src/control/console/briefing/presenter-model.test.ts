import { describe, expect, it } from 'vitest';
import { applyTour, startTour } from '../../../hub/tour-sequence.ts';
import type { Tour } from '../../../hub/tour.ts';
import type { SceneChoice } from '../../../store/console-store.ts';
import { clickerIntent, clock, findTour, presenterView, tourChoices } from './presenter-model.ts';

const step = (scene: string, dwellMs: number, zh: string) => ({ scene, dwellMs, caption: { zh, en: `${zh} in English` }, notes: `notes ${zh}` });
const tour = { id: 'brief', title: { zh: '简报', en: 'Briefing' }, steps: [step('overview', 10_000, '一'), step('weather', 20_000, '二'), step('traffic', 30_000, '三')] } as Tour;
const scenes = [{ id: 'overview', title: '总览', titleEn: 'Overview', layers: [], tours: [tour] }] as SceneChoice[];
const plan = tour.steps.map((s) => ({ scene: s.scene, dwellMs: s.dwellMs }));
const T0 = 1_800_000_000_000;

describe('presenter view', () => {
  it('finds the running tour among the scenes, and nothing for an unknown one', () => {
    const state = startTour({ scene: 'overview', tour: 'brief', plan }, T0);
    expect(findTour(scenes, state)).toBe(tour);
    expect(findTour(scenes, { ...state, tour: 'other' })).toBeNull();
    expect(findTour(scenes, null)).toBeNull();
    expect(tourChoices(scenes)).toEqual([{ scene: scenes[0], tour }]);
  });

  it('shows the current and next step with elapsed against planned time, advancing by dwell', () => {
    const state = startTour({ scene: 'overview', tour: 'brief', plan }, T0);
    const at = presenterView(tour, state, T0 + 4_000);
    expect([at.step, at.current.caption.zh, at.next?.caption.zh]).toEqual([0, '一', '二']);
    expect([at.elapsedInStepMs, at.dwellMs, at.elapsedMs, at.plannedMs]).toEqual([4_000, 10_000, 4_000, 60_000]);
    const later = presenterView(tour, state, T0 + 15_000);
    expect([later.step, later.elapsedInStepMs, later.elapsedMs]).toEqual([1, 5_000, 15_000]);
    const end = presenterView(tour, state, T0 + 70_000);
    expect([end.step, end.next, end.finished, end.elapsedMs]).toEqual([2, null, true, 60_000]);
  });

  it('holds the clock while paused', () => {
    const paused = applyTour(startTour({ scene: 'overview', tour: 'brief', plan }, T0), { do: 'pause' }, T0 + 3_000)!;
    const view = presenterView(tour, paused, T0 + 50_000);
    expect([view.step, view.elapsedInStepMs, view.paused]).toEqual([0, 3_000, true]);
  });
});

describe('clicker keys', () => {
  const state = startTour({ scene: 'overview', tour: 'brief', plan }, T0);
  it('maps a presentation clicker to tour actions and blank', () => {
    expect(clickerIntent('PageDown', state, T0)).toEqual({ tour: { do: 'next' } });
    expect(clickerIntent('PageUp', state, T0)).toEqual({ tour: { do: 'prev' } });
    expect(clickerIntent('b', state, T0)).toEqual({ blank: 'toggle' });
    expect(clickerIntent('.', null, T0)).toEqual({ blank: 'toggle' });
    expect(clickerIntent(' ', state, T0)).toEqual({ tour: { do: 'pause' } });
    const paused = applyTour(state, { do: 'pause' }, T0 + 1)!;
    expect(clickerIntent(' ', paused, T0 + 2)).toEqual({ tour: { do: 'resume' } });
  });
  it('ignores paging without a tour and other keys', () => {
    expect(clickerIntent('PageDown', null, T0)).toBeNull();
    expect(clickerIntent('x', state, T0)).toBeNull();
  });
  it('formats minutes and seconds', () => {
    expect([clock(0), clock(61_500), clock(300_000)]).toEqual(['0:00', '1:01', '5:00']);
  });
});
