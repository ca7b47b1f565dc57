import { describe, expect, it } from 'vitest';
import type { Incident, TrafficCongestion } from '../../../hub/topics/traffic.ts';
import { PULSE_MS, buildIncidentLayers, describeIncident } from './incidents.ts';

const T = Date.UTC(2024, 4, 20, 10, 0); // 18:00 in Chongqing
const incident: Incident = { id: 'inc-1', kind: 'accident', roadId: 'art-3', roadName: '渝澳大道', position: [106.54, 29.6], since: T - 25 * 60_000 };
const congestion = { incidents: [incident] } as unknown as TrafficCongestion;
const props = (layer: { props: unknown }) => layer.props as Record<string, unknown> & { updateTriggers: Record<string, unknown> };

describe('buildIncidentLayers', () => {
  it('a pulse ring and a marker, stable ids, data straight from the topic', () => {
    const layers = buildIncidentLayers({ id: 'incidents', congestion, seq: 3, scale: 1, now: 0, animate: false });
    expect(layers.map((l) => l.id)).toEqual(['incidents-pulse', 'incidents-markers']);
    expect(props(layers[1]).data).toBe(congestion.incidents);
    expect(props(layers[1]).updateTriggers.getPosition).toBe(3);
    expect((props(layers[1]).getFillColor as (x: Incident) => number[])(incident)).toEqual([255, 77, 94, 255]);
    expect((props(layers[1]).getFillColor as (x: Incident) => number[])({ ...incident, kind: 'works' })).toEqual([255, 209, 102, 255]);
  });

  it('the pulse grows and fades over its period; still when animation is off', () => {
    const at = (now: number) => props(buildIncidentLayers({ id: 'i', congestion, seq: 1, scale: 2, now, animate: true })[0]);
    expect(at(0).radiusScale).toBe(2);
    expect(at(0).opacity).toBe(1);
    expect(at(PULSE_MS / 2).radiusScale as number).toBeGreaterThan(at(PULSE_MS / 4).radiusScale as number);
    expect(at(PULSE_MS / 2).opacity as number).toBeLessThan(at(PULSE_MS / 4).opacity as number);
    const still = (now: number) => props(buildIncidentLayers({ id: 'i', congestion, seq: 1, scale: 2, now, animate: false })[0]);
    expect(still(123).radiusScale).toBe(still(999).radiusScale);
  });
});

describe('describeIncident', () => {
  it('kind, road and how long, as text', () => {
    expect(describeIncident(incident, T)).toEqual(['交通事故 Accident', '渝澳大道', '发生于 17:35 · 已持续 25 分钟']);
  });
});
