import { describe, expect, it } from 'vitest';
import { createLayerMemo } from '../../../core/module-api.ts';
import { boardDataDiff } from '../board.ts';
import { makeBoard } from '../test-fixtures.ts';
import { BEACON_PULSE_MS, alarmLabel, alarms, beaconRadius, buildAlertLayers, type AlertLayerInput } from './alerts.ts';

const board = makeBoard();
const props = (l: { props: unknown }) => l.props as Record<string, unknown>;
const input = (over: Partial<AlertLayerInput> = {}): AlertLayerInput => ({
  id: 'al',
  board,
  scale: 1,
  now: 0,
  animate: false,
  opacity: 1,
  size: 1,
  labels: true,
  memo: createLayerMemo(),
  ...over,
});

describe('buildAlertLayers', () => {
  it('a pulse for alarms, a beacon for every alert row (partial updates), labels for the alarms', () => {
    const layers = buildAlertLayers(input());
    expect(layers.map((l) => l.id)).toEqual(['al-pulse', 'al-beacons', 'al-labels']);
    expect(props(layers[1]).data).toBe(board.alerts);
    expect(props(layers[1])._dataDiff).toBe(boardDataDiff);
    expect(buildAlertLayers(input({ labels: false })).map((l) => l.id)).toEqual(['al-pulse', 'al-beacons']);
  });

  it('cleared alerts keep their row but draw nothing; alarms are active orange and red, red last', () => {
    const cleared = board.alerts.find((a) => a.status === 'cleared')!;
    expect(beaconRadius(cleared)).toBe(0);
    const list = alarms(board.alerts);
    expect(list.every((a) => a.status === 'active' && (a.level === 'orange' || a.level === 'red'))).toBe(true);
    expect(list.at(-1)!.level).toBe('red');
  });

  it('labels name the place and the reading with its unit', () => {
    const a = board.alerts.find((x) => x.metric === 'river-level')!;
    expect(alarmLabel({ ...a, value: 182.44 })).toBe(`${a.place.name} 182.44 m`);
  });

  it('the pulse swells and fades on the wall clock, still without animation', () => {
    const ring = (now: number, animate = true) => props(buildAlertLayers(input({ now, animate }))[0]);
    expect(ring(BEACON_PULSE_MS / 2).radiusScale as number).toBeGreaterThan(ring(0).radiusScale as number);
    expect(ring(BEACON_PULSE_MS / 2).opacity as number).toBeLessThan(ring(0).opacity as number);
    expect(ring(5, false).radiusScale).toBe(ring(777, false).radiusScale);
  });
});
