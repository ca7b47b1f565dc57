import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WallRuntimeContext, type WallRuntime } from '../../../core/wall-context.ts';
import { createControlStore } from '../../../store/control-store.ts';
import { createDistrictStore } from '../../../store/district-store.ts';
import { createSelectionStore } from '../../../store/selection-store.ts';
import { createStore } from 'zustand/vanilla';
import type { TopicState } from '../../../store/topic-store.ts';
import type { Board } from '../../../hub/events/schemas.ts';
import { CATALOG, T0, makeBoard } from '../test-fixtures.ts';
import { AlertTicker } from './AlertTicker.tsx';
import { AlertsPanel } from './AlertsPanel.tsx';
import { DetailPanel } from './DetailPanel.tsx';
import { EventListPanel, slaCell } from './EventListPanel.tsx';
import { FiguresPanel } from './FiguresPanel.tsx';
import { handlingOption, handlingRows, handlingUnit } from './HandlingPanel.tsx';

/** A wall runtime with just the stores the panels read, holding `board`. */
function render(component: ComponentType<{ scale: number }>, board: Board | null, anim = true): string {
  // Server rendering reads a store's initial state: the values go in at creation.
  const values = board ? { 'events.board': { seq: 1, time: T0, data: board }, 'events.catalog': { seq: 1, time: T0, data: CATALOG } } : {};
  const topics = createStore<TopicState>(() => ({ values, history: {} }));
  const runtime = {
    flags: { anim },
    topics,
    control: createControlStore(),
    selection: createSelectionStore(),
    districts: createDistrictStore(),
  } as unknown as WallRuntime;
  return renderToStaticMarkup(createElement(WallRuntimeContext.Provider, { value: runtime }, createElement(component, { scale: 1 })));
}

const board = makeBoard();
// Hub text with markup in it: it must arrive on the wall as text.
const hostile: Board = {
  ...board,
  events: board.events.map((e, i) => (i === 0 ? { ...e, title: '<img src=x onerror=alert(1)>', level: 'red', status: 'dispatched', escalated: true, overdue: true, deadline: T0 - 36_000_000 } : e)),
  alerts: board.alerts.map((a, i) => (i === 0 ? { ...a, status: 'active', openedAt: T0, place: { ...a.place, name: '<b>朝天门</b>' } } : a)),
};

describe('events panels', () => {
  it('wait for data', () => {
    for (const p of [FiguresPanel, EventListPanel, AlertsPanel, DetailPanel]) expect(render(p, null)).toContain('等待数据');
    expect(render(AlertTicker, null)).toBe('');
  });

  it("today's figures, with units", () => {
    const html = render(FiguresPanel, board);
    const s = board.stats!;
    expect(html).toContain(`>${s.reported}<small>件</small>`);
    expect(html).toContain('结案率');
    expect(html).toContain(`${(s.closureRate * 100).toFixed(1)}%`);
    expect(html).toContain('活跃预警');
    // Open, overdue and active alerts are counted on the board: they agree with the list and the map.
    const open = board.events.filter((e) => e.status !== 'closed' && e.status !== 'refused');
    expect(html).toContain(`>${open.length}<small>件</small>`);
    expect(html).toContain(`>${open.filter((e) => e.overdue).length}<small>件</small>`);
    expect(html).toContain(`>${board.alerts.filter((a) => a.status === 'active').length}<small>条</small>`);
    expect(render(FiguresPanel, { ...board, stats: undefined })).toContain('>—<small>件</small>');
  });

  it('hub text is text: titles and place names are escaped, never markup', () => {
    for (const p of [EventListPanel, AlertsPanel, DetailPanel, AlertTicker]) {
      const html = render(p, hostile);
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<b>朝天门');
    }
    expect(render(EventListPanel, hostile)).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(render(AlertTicker, hostile)).toContain('&lt;b&gt;朝天门&lt;/b&gt;');
  });

  it('the list shows the most urgent first with SLA clocks; overdue as 超期 +h:mm', () => {
    const html = render(EventListPanel, board);
    expect(html).toContain('data-testid="events-list"');
    expect(html.match(/events-list__row/g)!.length).toBe(14);
    expect(html).toMatch(/超期 \+\d+:\d\d/);
    const e = board.events.find((x) => x.status === 'reported')!;
    expect(slaCell(e, e.acceptBy - 90_000)).toEqual({ text: '01:30', label: '立案时限', tone: 'warning' });
    expect(slaCell({ ...e, status: 'handled' }, T0).tone).toBe('muted');
  });

  it('the detail card shows the most urgent event with its stepper', () => {
    const html = render(DetailPanel, board);
    expect(html).toContain('当前最紧急');
    expect(html.match(/<li class="events-stepper__step/g)!.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('上报');
  });

  it('the ticker carries the newest alerts twice over while it moves, once when still (?anim=0)', () => {
    const moving = render(AlertTicker, board, true);
    const still = render(AlertTicker, board, false);
    const items = (html: string) => html.match(/events-ticker__item/g)?.length ?? 0;
    expect(items(moving)).toBe(2 * items(still));
    expect(still).not.toContain('events-ticker__track--moving');
    expect(still).toMatch(/(红色|橙色|黄色|蓝色)</);
  });
});

describe('handling by department', () => {
  it('names departments from the catalogue, slowest first, one unit for the chart', () => {
    const rows = handlingRows(board.stats!, CATALOG);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.map((r) => r.meanMin)).toEqual([...rows.map((r) => r.meanMin)].sort((a, b) => b - a));
    expect(rows.every((r) => !r.name.includes('-'))).toBe(true);
    expect(handlingUnit([{ name: 'a', meanMin: 30, closed: 1 }]).unit).toBe('分钟');
    const option = handlingOption(rows) as { yAxis: { data: string[] } };
    expect(option.yAxis.data.at(-1)).toBe(rows[0].name); // echarts draws the first category at the bottom
  });
});
