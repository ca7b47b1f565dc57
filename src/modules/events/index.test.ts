import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScene, sceneTopics } from '../scene-validation.ts';
import { createLayerMemo, type LayerContext } from '../../core/module-api.ts';
import { CatalogSchema, BoardSchema } from '../../hub/events/schemas.ts';
import { catalogIndex } from './board.ts';
import { chooseDetail, describeAlert, describeEvent } from './describe.ts';
import { urgentFirst } from './board.ts';
import { eventsModule } from './index.ts';
import { CATALOG, T0, makeBoard } from './test-fixtures.ts';

const scene = JSON.parse(readFileSync(new URL('../../../scenes/09-events.json', import.meta.url), 'utf8'));
const board = makeBoard();
const kind = (k: string) => eventsModule.layers.find((l) => l.kind === k)!;
const ctx = (k: string, withData = true): LayerContext => ({
  layer: { id: 'x', kind: k, visible: true, style: {} },
  style: kind(k).style.parse({}),
  memo: createLayerMemo(),
  topic: kind(k).topic,
  value: ((t: string) =>
    withData && t === 'events.board' ? { seq: 1, time: T0, data: board } : withData && t === 'events.catalog' ? { seq: 1, time: T0, data: CATALOG } : undefined) as LayerContext['value'],
  districts: null,
  overview: null,
  selectedDistrict: null,
  scale: 1,
  now: 0,
  animate: false,
});

describe('events module', () => {
  it('its scene passes checkScene and subscribes to the board and the catalogue only', () => {
    const check = checkScene(scene);
    expect(check.ok, check.ok ? '' : check.error).toBe(true);
    if (check.ok) expect(sceneTopics(check.scene)).toEqual(['events.board', 'events.catalog']);
  });

  it('the fixtures are valid hub data', () => {
    expect(CatalogSchema.safeParse(CATALOG).success).toBe(true);
    const parsed = BoardSchema.safeParse(board);
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  });

  it('kinds are prefixed with the module id; every layer has a legend', () => {
    for (const x of [...eventsModule.layers, ...eventsModule.panels]) expect(x.kind.startsWith('events.')).toBe(true);
    const events = kind('events.events').legend!(ctx('events.events'))!;
    expect(events.type === 'categories' && events.items.map((i) => i.label)).toEqual([...CATALOG.categories.map((c) => c.name), '督办 白圈', '超期 红色脉冲']);
    const alerts = kind('events.alerts').legend!(ctx('events.alerts'))!;
    expect(alerts.type === 'categories' && alerts.items.map((i) => i.label)).toEqual(['蓝色预警', '黄色预警', '橙色预警', '红色预警']);
  });

  it('styles are typed, with defaults and descriptions; a bad one is refused with its field', () => {
    for (const l of eventsModule.layers) for (const [key, field] of Object.entries(l.style.shape)) expect(field.description, `${l.kind}.${key}`).toBeTruthy();
    const bad = { ...scene, layers: [{ ...scene.layers[0], style: { dim: 2 } }] };
    const check = checkScene(bad);
    expect(check.ok ? '' : check.error).toMatch(/^layers\.0\.style\.dim: /);
  });

  it('builds nothing without data and ignores foreign objects in tooltips', () => {
    for (const l of eventsModule.layers) {
      expect(l.build(ctx(l.kind, false))).toEqual([]);
      for (const junk of [null, 1, 'x', {}, { id: 'a' }, { id: 'EV-1' }, { properties: {} }]) expect(l.tooltip?.(junk, ctx(l.kind)) ?? null).toBeNull();
    }
  });

  it('tooltips are plain lines: category, level and flags, title, place, status, clock', () => {
    const e = board.events.find((x) => x.overdue && x.escalated)!;
    const lines = describeEvent(e, catalogIndex(CATALOG), () => '渝中区', T0);
    expect(lines[0]).toMatch(/ · (蓝色|黄色|橙色|红色) · 督办 · 超期$/);
    expect(lines[1]).toBe(e.title);
    expect(lines.some((l) => l.startsWith('超期 +'))).toBe(true);
    expect(lines.at(-1)).toBe(e.id);
    const a = board.alerts.find((x) => x.metric === 'river-level')!;
    expect(describeAlert(a, T0)[2]).toMatch(/^水位 \d+\.\d\d m（阈值 \d+\.\d\d m）$/);
  });
});

describe('chooseDetail', () => {
  const urgent = urgentFirst(board.events);
  it('the highlighted event (by id or near the point), else the selected district’s most urgent, else the most urgent', () => {
    const e = board.events[42];
    expect(chooseDetail(board.events, urgent, { point: [0, 0], label: e.id }, null)).toEqual({ event: e, why: 'highlight' });
    const near: [number, number] = [e.position[0] + 0.0005, e.position[1]];
    expect(chooseDetail(board.events, urgent, { point: near }, null)?.why).toBe('highlight');
    const district = urgent.find((x) => x.district === '500109')!;
    expect(chooseDetail(board.events, urgent, { point: [110, 20] }, '500109')).toEqual({ event: district, why: 'district' });
    expect(chooseDetail(board.events, urgent, null, null)).toEqual({ event: urgent[0], why: 'urgent' });
    expect(chooseDetail([], [], null, null)).toBeNull();
    // Nothing open: the last event to change (the day's work just done), not an empty card.
    const closed = board.events.filter((x) => x.status === 'closed');
    const last = closed.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
    expect(chooseDetail(closed, [], null, null)).toEqual({ event: last, why: 'latest' });
  });
});
