import { describe, expect, it } from 'vitest';
import { canvasFor, CANVASES, fitScale, previewSrc } from './canvas.ts';
import { publishBlock, publishNote } from './publish-gate.ts';
import { parseRoute, routeHash } from './route.ts';
import { sameScene } from './scene-equal.ts';
import { checkNewId, checkTitles } from './scene-names.ts';
import { scene } from './designer-fixture.ts';

describe('editing rules', () => {
  it('publish waits for a saved, problem-free draft and says why', () => {
    expect(publishBlock({ dirty: true, problems: [] })).toMatch(/Unsaved edits: save first/);
    expect(publishBlock({ dirty: false, problems: [{ path: 'layers.0.style.opacity', message: 'at most 1' }, { path: 'title', message: 'x' }] })).toBe(
      '草稿有 2 个问题 2 problems to fix first: layers.0.style.opacity: at most 1',
    );
    expect(publishBlock({ dirty: false, problems: [] })).toBeNull();
    expect(publishNote(3, 3)).toMatch(/already what walls show/);
    expect(publishNote(3, null)).toMatch(/first time/);
    expect(publishNote(3, 1)).toMatch(/from version 1 to 3/);
  });

  it('the same scene in another key order is no edit', () => {
    const a = scene({ layers: [{ id: 'd', kind: 'overview.district-columns', visible: true, style: { a: 1, b: 2 } }] });
    const b = scene({ layers: [{ id: 'd', kind: 'overview.district-columns', visible: true, style: { b: 2, a: 1 } }] });
    expect(sameScene(a, b)).toBe(true);
    expect(sameScene(a, scene())).toBe(false);
  });

  it('a canvas fits its pane without ever being blown up; 32:9 goes with the wide canvas', () => {
    expect(fitScale(CANVASES['1920x1080'], { width: 960, height: 1000 })).toBe(0.5);
    expect(fitScale(CANVASES['7680x2160'], { width: 960, height: 1000 })).toBe(0.125);
    expect(fitScale(CANVASES['1920x1080'], { width: 4000, height: 4000 })).toBe(1);
    expect(fitScale(CANVASES['1920x1080'], { width: 0, height: 10 })).toBe(0);
    expect(canvasFor('32:9', '3840x2160')).toBe('7680x2160');
    expect(canvasFor('16:9', '7680x2160')).toBe('1920x1080');
    expect(canvasFor('16:9', '3840x2160')).toBe('3840x2160');
  });

  it('the preview is the wall in preview mode, stilled when the designer is', () => {
    expect(previewSrc('')).toBe('/wall?preview=1');
    expect(previewSrc('?anim=0&x=1')).toBe('/wall?preview=1&anim=0');
    expect(previewSrc('?anim=1')).toBe('/wall?preview=1');
  });

  it('the hash names an open scene; anything else is the list', () => {
    expect(parseRoute('#scene/flood-watch')).toEqual({ view: 'scene', id: 'flood-watch' });
    expect(parseRoute('#scene/Bad Id')).toEqual({ view: 'list' });
    expect(parseRoute('')).toEqual({ view: 'list' });
    expect(routeHash({ view: 'scene', id: 'a-1' })).toBe('#scene/a-1');
  });

  it('a new id must be well formed and free; titles within the contract’s lengths', () => {
    expect(checkNewId('', [])).toMatch(/Enter the scene id/);
    expect(checkNewId('Flood', [])).toMatch(/lower-case/);
    expect(checkNewId('flood', ['flood'])).toMatch(/already exists/);
    expect(checkNewId('flood-2', ['flood'])).toBeNull();
    expect(checkTitles('', 'x')).toMatch(/Title/);
    expect(checkTitles('标'.repeat(21), 'x')).toMatch(/Title/);
    expect(checkTitles('防汛', '')).toMatch(/English title/);
    expect(checkTitles('防汛', 'Flood')).toBeNull();
  });
});
