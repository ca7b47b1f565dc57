import { describe, expect, it } from 'vitest';
import type { GovServices, ServiceHall } from '../../../hub/topics/gov.ts';
import { HALL_RADIUS, hallRadius } from '../scales.ts';
import { buildHallLayers, describeHall, hallColor, hallLabel, hallPriority } from './halls.ts';

const hall = (over: Partial<ServiceHall> = {}): ServiceHall => ({
  id: 'd500103',
  name: '渝中区政务服务中心',
  district: '500103',
  level: 'district',
  position: [106.55, 29.557],
  open: true,
  queue: 12,
  waitMin: 14,
  windowsOpen: 10,
  servedToday: 1234,
  goodRate: 0.9987,
  ...over,
});
const value = (halls: ServiceHall[]) => ({ halls }) as unknown as GovServices;
const props = (layer: { props: unknown }) => layer.props as Record<string, unknown> & { updateTriggers: Record<string, unknown> };

describe('buildHallLayers', () => {
  it('points and labels with stable ids; labels optional', () => {
    const v = value([hall()]);
    expect(buildHallLayers({ id: 'halls', value: v, seq: 1, scale: 1 }).map((l) => l.id)).toEqual(['halls-points', 'halls-labels']);
    expect(buildHallLayers({ id: 'halls', value: v, seq: 2, scale: 1, labels: false }).map((l) => l.id)).toEqual(['halls-points']);
  });

  it('sizes by queue (square root, clamped) and recolours by seq', () => {
    const [points] = buildHallLayers({ id: 'h', value: value([hall()]), seq: 5, scale: 2 });
    const radius = props(points).getRadius as (h: ServiceHall) => number;
    expect(radius(hall({ queue: 0 }))).toBe(HALL_RADIUS.min);
    expect(radius(hall({ queue: HALL_RADIUS.queueAtMax }))).toBe(HALL_RADIUS.max);
    expect(radius(hall({ queue: 10_000 }))).toBe(HALL_RADIUS.max);
    expect(radius(hall({ queue: 20 }))).toBeGreaterThan(radius(hall({ queue: 5 })));
    expect(hallRadius(HALL_RADIUS.queueAtMax / 4) - HALL_RADIUS.min).toBeCloseTo((HALL_RADIUS.max - HALL_RADIUS.min) / 2, 6);
    expect(props(points).radiusScale).toBe(2);
    expect(props(points).updateTriggers).toMatchObject({ getRadius: 5, getFillColor: 5 });
  });

  it('colours by wait band while open, grey when closed with nobody left', () => {
    expect(hallColor(hall({ waitMin: 5 })).slice(0, 3)).toEqual([61, 220, 132]);
    expect(hallColor(hall({ waitMin: 15 })).slice(0, 3)).toEqual([255, 209, 102]);
    expect(hallColor(hall({ waitMin: 25 })).slice(0, 3)).toEqual([255, 159, 67]);
    expect(hallColor(hall({ waitMin: 45 })).slice(0, 3)).toEqual([255, 77, 94]);
    expect(hallColor(hall({ open: false, queue: 0, waitMin: 0 })).slice(0, 3)).toEqual([111, 127, 153]);
  });

  it('labels with the short place name and the queue; collision priority stays in deck’s range', () => {
    expect(hallLabel(hall())).toBe('渝中区 12人');
    expect(hallLabel(hall({ queue: 0 }))).toBe('渝中区');
    expect(hallLabel(hall({ name: '重庆市政务服务中心', queue: 0 }))).toBe('重庆市');
    expect(hallLabel(hall({ name: '西部科学城重庆高新区政务服务中心', queue: 3 }))).toBe('高新区 3人');
    for (const q of [0, 10, 499, 500, 10_000]) {
      for (const level of ['city', 'zone', 'district'] as const) {
        const p = hallPriority(hall({ queue: q, level }));
        expect(p).toBeGreaterThanOrEqual(-1000);
        expect(p).toBeLessThanOrEqual(1000);
      }
    }
    expect(hallPriority(hall({ level: 'city', queue: 0 }))).toBeGreaterThan(hallPriority(hall({ queue: 400 })));
  });
});

describe('describeHall', () => {
  it('open: queue, wait, windows, served, good rate', () => {
    expect(describeHall(hall())).toEqual(['渝中区政务服务中心', '排队 12 人 · 预计等候 14 分钟', '开放窗口 10 个', '今日办结 1,234 件 · 好评率 99.87%']);
  });
  it('closed: says so; still serving: says how many are left', () => {
    expect(describeHall(hall({ open: false, queue: 0 }))[1]).toBe('非办公时间 Closed');
    expect(describeHall(hall({ open: false, queue: 4 }))[1]).toBe('已停止取号 · 仍有 4 人等候');
  });
});
